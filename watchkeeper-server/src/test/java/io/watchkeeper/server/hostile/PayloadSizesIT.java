package io.watchkeeper.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.RawMqtt;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.testing.EventCollector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Payloads of every size from 0 B to 10 MB on {@code DATA/} and {@code AIS/}, through the embedded broker
 * into the real detector. Up to the broker's packet limit (128 KiB) each one arrives and is one counted
 * dead letter (junk, or {@code too_large} over the engine's 64 KiB); over it the broker closes the sender's
 * connection and nothing reaches the engine. Afterwards the engine still detects.
 */
class PayloadSizesIT {

    /** Arrive at the engine: around its 64 KiB input limit, and up to just under the packet limit. */
    private static final int[] DELIVERED = {0, 1, 100, 1024, 65_535, 65_536, 65_537, 100_000, 130_000};
    /** Over the broker's 128 KiB packet limit, up to 10 MB. */
    private static final int[] REFUSED_BY_THE_BROKER = {140_000, 1024 * 1024, 10 * 1024 * 1024};

    @Test
    void everySizeIsADeadLetterOrRefusedAtTheBroker_andTheEngineGoesOn() throws Exception {
        EventCollector seen = new EventCollector();
        try (TestBroker broker = TestBroker.embedded();
             DetectorService detector = DetectorService.start(ClientSettings.of(broker.address(), "sizes-detect"),
                     new EngineConfig(2, 256), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES, null, Clock.systemUTC());
             Subscriber watch = Subscriber.connect(ClientSettings.of(broker.address(), "sizes-watch"),
                     List.of("EVENT/#"), seen);
             Publisher station = Publisher.connect(ClientSettings.of(broker.address(), "SIZES"))) {
            long letters = 0;
            for (String topic : List.of("DATA/SIZES", "AIS/SIZES")) {
                for (int size : DELIVERED) {
                    station.publish(topic, junk(size)).get(10, TimeUnit.SECONDS);
                    // An empty AIS message holds no line: nothing to refuse. Anything else is one dead letter.
                    long expected = letters + (size == 0 && topic.startsWith("AIS/") ? 0 : 1);
                    await().atMost(Duration.ofSeconds(20)).alias(size + " bytes on " + topic)
                            .until(() -> detector.deadLetters().total() >= expected);
                    assertThat(detector.deadLetters().total()).as("%d bytes on %s", size, topic).isEqualTo(expected);
                    letters = expected;
                }
                for (int size : REFUSED_BY_THE_BROKER) {
                    assertThat(RawMqtt.publishAndSeeClosed(broker.port(), "sizes-raw", topic, size))
                            .as("the broker closes a %d-byte PUBLISH on %s", size, topic).isTrue();
                }
            }
            station.publish("DATA/SIZES", ("{\"boat_id\": 7, \"position\": {\"ts\": 1500000000.5, \"x\": 0.0, "
                    + "\"y\": 0.0, \"port_id\": \"SIZES\"}}").getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).alias("the engine still detects")
                    .until(() -> seen.received().stream().anyMatch(r -> r.topic().startsWith("EVENT/")));
            assertThat(detector.isUp()).isTrue();
            assertThat(detector.deadLetters().total()).as("the broker's refusals never reached the engine")
                    .isEqualTo(letters);
            System.out.printf("payload sizes: %d delivered sizes x 2 topics -> %d dead letters %s; %d sizes over the "
                    + "packet limit (up to 10 MB) closed at the broker%n", DELIVERED.length, letters,
                    detector.deadLetters().snapshot(), REFUSED_BY_THE_BROKER.length * 2);
        }
    }

    /** Bytes that are neither JSON nor NMEA, with no line break: one input, one refusal. */
    private static byte[] junk(int size) {
        return "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
    }
}
