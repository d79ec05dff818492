package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.deadletter.DeadLetter;
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
 * Oversized input on the embedded broker with the real engine: a 10 MB PUBLISH is refused by the broker
 * (packet limit, 128 KiB) and everything goes on; a payload under the packet limit but over the engine's
 * input limit (64 KiB) becomes a dead letter whose payload is cut to 1 KiB.
 */
class OversizedInputIT {

    @Test
    void tenMegabytesAreRefusedAndAnOversizedFixBecomesACutDeadLetter() throws Exception {
        EventCollector seen = new EventCollector();
        try (TestBroker broker = TestBroker.embedded();
             DetectorService detector = DetectorService.start(ClientSettings.of(broker.address(), "big-detect"),
                     new EngineConfig(2, 256), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES, null, Clock.systemUTC());
             Subscriber watch = Subscriber.connect(ClientSettings.of(broker.address(), "big-watch"),
                     List.of("EVENT/#", "DEADLETTER/#"), seen);
             Publisher station = Publisher.connect(ClientSettings.of(broker.address(), "HARWICH"))) {
            assertThat(RawMqtt.publishAndSeeClosed(broker.port(), "big-raw", "DATA/HARWICH", 10 * 1024 * 1024))
                    .as("the broker refuses the 10 MB packet").isTrue();

            String big = "{\"boat_id\": 1, \"pad\": \"" + "x".repeat(100 * 1024) + "\"}";
            station.publish("DATA/HARWICH", big.getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            station.publish("DATA/HARWICH", ("{\"boat_id\": 7, \"position\": {\"ts\": 1500000000.5, \"x\": 0.0, "
                    + "\"y\": 0.0, \"port_id\": \"HARWICH\"}}").getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> seen.received().stream()
                    .anyMatch(r -> r.topic().startsWith("EVENT/")) && seen.received().stream()
                    .anyMatch(r -> r.topic().startsWith("DEADLETTER/")));
            EventCollector.Received dead = seen.received().stream().filter(r -> r.topic().startsWith("DEADLETTER/"))
                    .findFirst().orElseThrow();
            assertThat(dead.topic()).isEqualTo("DEADLETTER/HARWICH");
            assertThat(dead.json().get("reason").asText()).isEqualTo("too_large");
            String payload = dead.json().get("payload").asText();
            assertThat(payload).hasSize(DeadLetter.MAX_PAYLOAD_CHARS + DeadLetter.CUT_MARK.length())
                    .startsWith("{\"boat_id\": 1, \"pad\": \"xxx").endsWith(DeadLetter.CUT_MARK);
            assertThat(detector.isUp()).isTrue();
            assertThat(detector.deadLetters().total()).isEqualTo(1);
        }
    }
}
