package io.watchkeeper.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.engine.InlineEngine;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.source.FixSource;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One million distinct vessel ids from one station, through the {@code DATA/} decoder into the engine
 * with every detector and {@code detect}'s state bounds: the engine keeps the station's quota of vessels,
 * every other one is a counted {@code station_quota} dead letter, and known vessels and other stations go
 * on. The heap this bounds is measured by {@code bench heap --limits standard} (RELIABILITY.md).
 */
class MillionVesselsTest {

    private static final int IDS = 1_000_000;

    @Test
    void aMillionMadeUpIdsFromOneStationStopAtItsQuota() {
        WatchkeeperMetrics metrics = WatchkeeperMetrics.create(Pipeline.CLOCK);
        DeadLetterCounter deadLetters = new DeadLetterCounter(metrics.deadLetters(d -> { }));
        List<Event> events = new ArrayList<>();
        InlineEngine engine = new InlineEngine(Pipeline.SUITE.setup(new VesselRegistry(), true), events::add,
                deadLetters, Pipeline.CLOCK);
        FixSource data = new FixSource(new FixDecoder(), engine::submit, deadLetters, Pipeline.CLOCK);
        long ts = Pipeline.NOW.getEpochSecond() - 60;

        for (int i = 0; i < IDS; i++) {
            data.onMessage(Topics.data("FLOOD"), report(i, "FLOOD", ts, i));
        }

        int quota = StateLimits.DEFAULT_VESSELS_PER_STATION;
        assertThat(data.accepted()).as("each one a valid report").isEqualTo(IDS);
        assertThat(engine.stats().vessels()).isEqualTo(quota);
        assertThat(deadLetters.count(RejectReason.STATION_QUOTA)).isEqualTo(IDS - quota);
        assertThat(deadLetters.total()).isEqualTo(IDS - quota);
        assertThat(metrics.registry().get("watchkeeper.dead.letters").tag("reason", "station_quota").counter().count())
                .isEqualTo(IDS - quota);

        long processed = engine.stats().processed();
        data.onMessage(Topics.data("FLOOD"), report(0, "FLOOD", ts + 10, 7));
        data.onMessage(Topics.data("HARWICH"), report(1, "HARWICH", ts, 3));
        assertThat(engine.stats().processed()).isEqualTo(processed + 2);
        assertThat(engine.stats().vessels()).as("a known vessel goes on, another station is not affected")
                .isEqualTo(quota + 1);
        assertThat(deadLetters.total()).isEqualTo(IDS - quota);
    }

    private static byte[] report(int boat, String station, long ts, double x) {
        return ("{\"boat_id\": " + boat + ", \"position\": {\"ts\": " + ts + ", \"x\": " + (x + 1) + ", \"y\": 2.0, "
                + "\"port_id\": \"" + station + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
