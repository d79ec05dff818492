package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The multi-threaded engine gives the events of a replay, pair events included, whatever order its
 * partitions finish fixes in: the pair stage takes fixes in submit order. On the Solent recording the
 * collision-risk detector gives about a thousand events, each confirmed by the third risky fix of either
 * ship, so they depend on which of two ships' fixes came first: fed in the order the partitions finished
 * them, the pair stage gave about 200 of them at another fix (another id) with two partitions.
 */
class LivePairOrderTest {

    private static final String SOLENT = "solent-stonesoup/SolentAIS_20160112_130211.csv";

    @Test
    void fourPartitionsGiveTheReplaysEventsPairsIncluded() throws Exception {
        VesselRegistry registry = new VesselRegistry();
        String path = TestData.file(SOLENT).toString();
        DetectorSuite replaySuite = DetectorSuite.defaults(SpeedProfile.DEFAULT);
        Recording recording = Recording.read(path, Recording.siteOf(path), registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), replaySuite.maxAhead());
        Set<String> replayed = new TreeSet<>();
        Replay.run(recording, replaySuite, registry, e -> replayed.add(e.eventId()), new DeadLetterCounter(d -> { }));

        for (int run = 0; run < 3; run++) {
            ConcurrentLinkedQueue<Event> live = new ConcurrentLinkedQueue<>();
            // pair detectors keep their state in themselves: a fresh suite for every run; small queues and
            // four partitions, so that the partitions finish fixes in an order of their own
            try (Engine engine = Engine.start(EngineConfig.defaults().withWorkers(4).withQueueCapacity(16),
                    DetectorSuite.defaults(SpeedProfile.DEFAULT).setup(registry, false), live::add, d -> { },
                    Clock.systemUTC())) {
                for (Fix fix : recording.fixes()) {
                    engine.submit(fix);
                }
                assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            }
            Set<String> ids = new TreeSet<>();
            live.forEach(e -> ids.add(e.eventId()));
            assertThat(live.stream().filter(e -> e.machine().equals("cpa")).count())
                    .as("run %d has the collision-risk events", run).isGreaterThan(500);
            assertThat(ids).as("run %d: the same events as the replay", run).isEqualTo(replayed);
        }
    }
}
