package io.watchkeeper.kafka.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.streams.KafkaEngine;
import io.watchkeeper.kafka.streams.KafkaTopics;
import io.watchkeeper.kafka.streams.RecordingLoader;
import io.watchkeeper.kafka.testing.InlineBaseline;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka engine → events topic → events bridge → MQTT, seen by the real {@code mosquitto_sub}: the inline
 * replay's events, on the topics the MQTT detector uses, with the same eventIds.
 */
@ExtendWith(SharedKafka.class)
class KafkaToMqttIT {

    @TempDir
    Path dir;

    @Test
    void mosquittoSubSeesTheReplaysEventsWithTheSameIds(KafkaDevBroker kafka) throws Exception {
        InlineBaseline base = InlineBaseline.read("solent-stonesoup/SolentAIS_20160112_130211.csv");
        DetectorSuite suite = base.suite();
        VesselRegistry registry = base.registry();
        String site = base.site();
        Recording recording = base.recording();
        Map<String, String> inline = new HashMap<>(); // eventId -> MQTT topic
        base.replay(e -> inline.put(e.eventId(), Topics.event(Topics.safeLevel(e.site()), e.type(),
                Topics.safeLevel(e.vessel().id()))));

        KafkaTopics topics = KafkaTopics.prefixed("out");
        KafkaEngine.Settings settings = KafkaEngine.Settings.defaults(kafka.bootstrap(), dir.resolve("state"))
                .withApplicationId("out").withTopics(topics).withPartitions(2);
        try (TestBroker mqtt = TestBroker.embedded();
             MosquittoSub sub = MosquittoSub.start(mqtt.port(), "EVENT/#");
             KafkaEngine engine = KafkaEngine.start(settings, suite.setup(registry, false), FramerSettings.defaults());
             KafkaToMqtt bridge = KafkaToMqtt.start(kafka.bootstrap(), topics.events(), "out-events",
                     ClientSettings.of(mqtt.address(), "events-bridge"))) {
            RecordingLoader.load(recording, registry, site, kafka.bootstrap(), topics.input());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (sub.messages().size() < inline.size() && System.nanoTime() < deadline && bridge.failure() == null) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // an extra event would show now
            ObjectMapper json = new ObjectMapper();
            Map<String, String> seen = new HashMap<>();
            for (MosquittoSub.Message m : sub.messages()) {
                assertThat(seen.put(json.readTree(m.payload()).path("body").path("eventId").asText(), m.topic()))
                        .as("each event once").isNull();
            }
            assertThat(bridge.failure()).isNull();
            assertThat(engine.failure()).isNull();
            assertThat(seen).isEqualTo(inline);
            System.out.println("events bridge: " + seen.size() + " events on MQTT, as replay");
        }
    }
}
