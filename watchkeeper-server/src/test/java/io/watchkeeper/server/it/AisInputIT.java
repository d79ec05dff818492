package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.testing.MosquittoPub;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.server.input.InputRunner;
import io.watchkeeper.server.config.InputSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Raw AIS into the detector: over MQTT on AIS/<station>, and from a recording given as --input. */
class AisInputIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DANISH = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz").toString();

    /** Real lines from the Danish sample: MMSI 219622000 moored (0.0 kn), with its $PGHP time. */
    private static final String MOORED = "\\si:AISD*3F\\\n$PGHP,1,2013,11,12,12,0,0,42,219,,2190047,1,39*2C\n"
            + "!BSVDM,1,1,,B,13ALbL0000PqhPFP3vMhR2Mn0800,0*39";
    /** A type 5 in two fragments (gpsd sample): EVER DIADEM, MMSI 351759000. */
    private static final String TYPE5 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
            + "!AIVDM,2,2,1,A,88888888880,2*25";

    private static DetectorService detector(TestBroker broker) {
        // One report per ship here, so no minimum dwell: the dwell itself is BoatSpeedProfileTest's.
        DetectorSuite eager = DetectorSuite.defaults(SpeedProfile.DEFAULT.withMinDwell(Duration.ZERO));
        return DetectorService.start(ClientSettings.of(broker.address(), "it-detect"),
                DetectorService.Options.defaults().withSuite(eager), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void nmeaPublishedWithMosquittoPubBecomesEventsStaticDataAndDeadLetters(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = kind.start();
             DetectorService detector = detector(broker);
             MosquittoSub events = MosquittoSub.start(broker.port(), "EVENT/#");
             MosquittoSub deadLetters = MosquittoSub.start(broker.port(), "DEADLETTER/#")) {
            MosquittoPub.publish(broker.port(), "AIS/DK", MOORED);
            MosquittoPub.publish(broker.port(), "AIS/DK", TYPE5);
            MosquittoPub.publish(broker.port(), "AIS/DK", "!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*63");

            await().atMost(Duration.ofSeconds(20)).until(() -> !events.messages().isEmpty()
                    && !deadLetters.messages().isEmpty());
            MosquittoSub.Message event = events.messages().get(0);
            assertThat(event.topic()).isEqualTo("EVENT/DK/STATETRANSITION/219622000");
            JsonNode body = json(event.payload()).get("body");
            assertThat(body.get("boat_id").asText()).isEqualTo("219622000");
            assertThat(body.get("state").asText()).isEqualTo("resting");
            assertThat(body.get("time").asText()).isEqualTo("2013-11-12T12:00:00.042Z"); // the $PGHP time
            assertThat(body.at("/position/lat").asDouble()).isBetween(56.0326, 56.0327);
            assertThat(body.at("/details/sogKnots").asDouble()).isZero();

            MosquittoSub.Message dead = deadLetters.messages().get(0);
            assertThat(dead.topic()).isEqualTo("DEADLETTER/DK");
            assertThat(json(dead.payload()).get("reason").asText()).isEqualTo("nmea_checksum");

            await().atMost(Duration.ofSeconds(10)).until(() -> detector.vessels().size() == 1);
            VesselInfo ship = detector.vessels().find(VesselId.of("351759000")).orElseThrow();
            assertThat(ship.name()).isEqualTo("EVER DIADEM");
            assertThat(ship.shipTypeText()).isEqualTo("Cargo");
        }
    }

    @Test
    void aRecordingGivenAsInputGivesTheSameEventsEachTime() throws Exception {
        List<String> first = eventIdsOfReplay();
        List<String> second = eventIdsOfReplay();

        assertThat(first).isNotEmpty().doesNotHaveDuplicates();
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    }

    private static List<String> eventIdsOfReplay() throws Exception {
        try (TestBroker broker = TestBroker.Kind.EMBEDDED.start();
             MosquittoSub events = MosquittoSub.start(broker.port(), "EVENT/#");
             DetectorService detector = DetectorService.start(ClientSettings.of(broker.address(), "it-detect"),
                     new DetectorService.Options(new EngineConfig(2, 1024), 65536,
                             DetectorSuite.defaults(io.watchkeeper.core.detect.boat.SpeedProfile.DEFAULT),
                             FramerSettings.defaults(), null),
                     Clock.systemUTC());
             InputRunner inputs = InputRunner.start(List.of(InputSpec.parse("DK=file:" + DANISH)), detector::submit,
                     detector.vessels(), detector.deadLetters(), FramerSettings.defaults(),
                     Double.POSITIVE_INFINITY, Clock.systemUTC())) {
            inputs.awaitFiles();
            assertThat(detector.awaitIdle(Duration.ofSeconds(30))).isTrue();
            Instant start = Instant.parse("2013-11-12T12:00:00Z");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> settled(events));
            List<JsonNode> bodies = events.messages().stream().map(m -> json(m.payload()).get("body")).toList();
            assertThat(bodies).allSatisfy(b -> {
                assertThat(Instant.parse(b.get("time").asText())).isBetween(start, start.plusSeconds(300));
                assertThat(b.get("site").asText()).isEqualTo("DK");
                assertThat(b.get("boat_id").asText()).matches("\\d{9}|\\d{1,9}");
            });
            // Static reports in the recording reached the registry (names of real ships).
            assertThat(detector.vessels().all()).anySatisfy(v -> assertThat(v.name()).isNotBlank());
            return bodies.stream().map(b -> b.get("eventId").asText()).toList();
        }
    }

    private static int lastSize = -1;

    /** True once the count of events stopped growing between two polls. */
    private static boolean settled(MosquittoSub events) {
        int now = events.messages().size();
        boolean same = now == lastSize && now > 0;
        lastSize = now;
        return same;
    }

    private static JsonNode json(String payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }
}
