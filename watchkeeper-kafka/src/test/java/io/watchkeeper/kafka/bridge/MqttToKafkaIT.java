package io.watchkeeper.kafka.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real MQTT (embedded HiveMQ CE) into a real Kafka, through two bridges sharing one subscription. */
@ExtendWith(SharedKafka.class)
class MqttToKafkaIT {

    @TempDir
    static Path dir;
    static KafkaDevBroker kafka;
    static TestBroker mqtt;

    @BeforeAll
    static void start(KafkaDevBroker shared) throws Exception {
        kafka = shared;
        mqtt = TestBroker.embedded();
    }

    @AfterAll
    static void stop() {
        if (mqtt != null) {
            mqtt.close();
        }
    }

    @Test
    void everyMessageArrivesOnceKeyedByStationWithTwoBridgesSharingTheLoad() throws Exception {
        String topic = "wk-input-bridge";
        TopicSetup.ensure(kafka.bootstrap(), Set.of(topic), 3, (short) 1);
        int n = 300;
        try (MqttToKafka a = MqttToKafka.start(ClientSettings.of(mqtt.address(), "bridge-a"), false,
                kafka.bootstrap(), topic, 65_536);
             MqttToKafka b = MqttToKafka.start(ClientSettings.of(mqtt.address(), "bridge-b"), false,
                     kafka.bootstrap(), topic, 65_536);
             Publisher pub = Publisher.connect(ClientSettings.of(mqtt.address(), "station-pub"))) {
            for (int i = 0; i < n; i++) {
                String mqttTopic = switch (i % 3) {
                    case 0 -> "AIS/skagen";
                    case 1 -> "DATA/hirtshals";
                    default -> "DATA/hirtshals/219000001";
                };
                pub.publish(mqttTopic, ("m" + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, byte[]>> got = TopicReader.readUntil(kafka.bootstrap(), topic,
                    Duration.ofSeconds(60), r -> r.size() >= n);
            Set<String> payloads = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : got) {
                String payload = new String(r.value(), StandardCharsets.UTF_8);
                payloads.add(payload);
                int i = Integer.parseInt(payload.substring(1));
                assertThat(r.key()).isEqualTo(i % 3 == 0 ? "skagen" : "hirtshals");
                assertThat(InputRecords.source(r)).isEqualTo(switch (i % 3) {
                    case 0 -> "AIS/skagen";
                    case 1 -> "DATA/hirtshals";
                    default -> "DATA/hirtshals/219000001";
                });
            }
            assertThat(got).hasSize(n);
            assertThat(payloads).hasSize(n);
            // one station, one partition: its messages keep their order
            List<Integer> skagen = got.stream().filter(r -> r.key().equals("skagen"))
                    .map(r -> Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8).substring(1))).toList();
            assertThat(got.stream().filter(r -> r.key().equals("skagen")).map(ConsumerRecord::partition).distinct())
                    .hasSize(1);
            assertThat(a.received() + b.received()).isEqualTo(n);
            assertThat(a.received()).isPositive();
            assertThat(b.received()).isPositive();
            assertThat(a.forwarded() + b.forwarded()).isEqualTo(n);
            System.out.println("bridge a took " + a.received() + ", b " + b.received() + "; skagen first " + skagen.subList(0, 3));
        }
    }
}
