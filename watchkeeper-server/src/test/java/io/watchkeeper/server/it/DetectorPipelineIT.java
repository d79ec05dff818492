package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.testing.OriginalBoatModel;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.sim.StationRunner;
import io.watchkeeper.server.sim.StationSimulator;
import io.watchkeeper.server.testing.EventCollector;
import io.watchkeeper.server.testing.Oracle;
import io.watchkeeper.server.testing.PythonConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stations → broker → detector → broker → subscriber, on the embedded broker and on a real
 * Mosquitto: the events must be exactly those the original semantics give, in the original envelope.
 */
class DetectorPipelineIT {

    private static final List<String> STATIONS = List.of("PORT1", "PORT2");
    private static final List<Long> SEEDS = List.of(11L, 12L);
    private static final int BOATS = 4;
    private static final double RATE = 400;
    private static final int REPORTS = 500;

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void seededStationsGiveExactlyTheOriginalEventsInTheOriginalEnvelope(TestBroker.Kind kind) throws Exception {
        Map<String, List<OriginalBoatModel.Expected>> expected = Oracle.expected(STATIONS, SEEDS, BOATS, RATE, REPORTS);
        EventCollector events = new EventCollector();

        try (TestBroker broker = kind.start();
             Subscriber watcher = Subscriber.connect(ClientSettings.of(broker.address(), "it-watcher"),
                     List.of("EVENT/#"), events);
             DetectorService detector = DetectorService.start(ClientSettings.of(broker.address(), "it-detect"),
                     new EngineConfig(2, 256), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES, null, Clock.systemUTC());
             Publisher p1 = Publisher.connect(ClientSettings.of(broker.address(), "PORT1"));
             Publisher p2 = Publisher.connect(ClientSettings.of(broker.address(), "PORT2"));
             StationRunner s1 = new StationRunner(new StationSimulator("PORT1", BOATS, RATE, SEEDS.get(0)), p1,
                     Clock.systemUTC(), REPORTS).start();
             StationRunner s2 = new StationRunner(new StationSimulator("PORT2", BOATS, RATE, SEEDS.get(1)), p2,
                     Clock.systemUTC(), REPORTS).start()) {

            assertThat(s1.awaitDone(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s2.awaitDone(30, TimeUnit.SECONDS)).isTrue();
            int total = Oracle.total(expected);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= total);
            assertThat(detector.awaitIdle(Duration.ofSeconds(10))).isTrue();
            // Anything spurious would have arrived by now; the count must be exact.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> events.size() == total);

            assertThat(detector.accepted()).isEqualTo(2L * REPORTS);
            assertThat(detector.deadLetters().total()).isZero();
        }

        List<EventCollector.Received> received = events.received();
        assertThat(Oracle.actual(received)).isEqualTo(expected);
        Set<String> ids = new HashSet<>();
        for (EventCollector.Received r : received) {
            String port = r.json().at("/body/position/port_id").asText();
            int boat = r.json().at("/body/boat_id").asInt();
            assertThat(r.topic()).isEqualTo("EVENT/" + port + "/STATETRANSITION/" + boat);
            assertThat(r.json().at("/header/type").asText()).isEqualTo(port + "/STATETRANSITION");
            assertThat(r.json().at("/header/id").isInt()).as("header.id stays a number").isTrue();
            assertThat(r.json().at("/header/id").asInt()).isEqualTo(boat);
            assertThat(r.json().at("/header/ts").isIntegralNumber()).as("header.ts is int(time.time())").isTrue();
            assertThat(r.json().at("/body/state").asText()).isIn("moving", "resting");
            assertThat(r.json().at("/body/position/ts").isNumber()).isTrue();
            assertThat(ids.add(r.json().at("/body/eventId").asText())).as("eventIds are unique").isTrue();
        }
        PythonConsumer.assertHeaderTsIsAnInt(received);
    }
}
