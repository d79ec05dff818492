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

    /**
     * Two bridges in one shared-subscription group: every message reaches Kafka once, keyed by station.
     * The broker hands each message to whichever member has room, so on a light load one bridge may take
     * them all; the group is shown by taking one bridge away halfway: the other carries on with the rest.
     */
    @Test
    void everyMessageArrivesOnceKeyedByStationWithTwoBridgesSharingTheLoad() throws Exception {
        String topic = "wk-input-bridge";
        TopicSetup.ensure(kafka.bootstrap(), Set.of(topic), 3, (short) 1);
        int n = 300;
        MqttToKafka a = MqttToKafka.start(ClientSettings.of(mqtt.address(), "bridge-a"), false,
                kafka.bootstrap(), topic, 65_536);
        boolean aOpen = true;
        try (MqttToKafka b = MqttToKafka.start(ClientSettings.of(mqtt.address(), "bridge-b"), false,
                kafka.bootstrap(), topic, 65_536);
             Publisher pub = Publisher.connect(ClientSettings.of(mqtt.address(), "station-pub"))) {
            publish(pub, 0, n / 2);
            // everything so far is in Kafka, so bridge a holds nothing in flight when it leaves the group
            TopicReader.readUntil(kafka.bootstrap(), topic, Duration.ofSeconds(60), r -> r.size() >= n / 2);
            long bBefore = b.received();
            a.close();
            aOpen = false;
            publish(pub, n / 2, n);
            List<ConsumerRecord<String, byte[]>> got = TopicReader.readUntil(kafka.bootstrap(), topic,
                    Duration.ofSeconds(60), r -> r.size() >= n);
            Set<String> payloads = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : got) {
                String payload = new String(r.value(), StandardCharsets.UTF_8);
                payloads.add(payload);
                int i = Integer.parseInt(payload.substring(1));
                assertThat(r.key()).isEqualTo(i % 3 == 0 ? "skagen" : "hirtshals");
                assertThat(InputRecords.source(r)).isEqualTo(mqttTopic(i));
            }
            assertThat(got).hasSize(n);
            assertThat(payloads).hasSize(n);
            // one station, one partition: its messages keep their order
            List<Integer> skagen = got.stream().filter(r -> r.key().equals("skagen"))
                    .map(r -> Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8).substring(1))).toList();
            assertThat(got.stream().filter(r -> r.key().equals("skagen")).map(ConsumerRecord::partition).distinct())
                    .hasSize(1);
            assertThat(a.received() + b.received()).isEqualTo(n);
            assertThat(b.received() - bBefore).as("bridge b took the second half alone").isEqualTo(n - n / 2);
            assertThat(a.forwarded() + b.forwarded()).isEqualTo(n);
            System.out.println("bridge a took " + a.received() + ", b " + b.received() + "; skagen first " + skagen.subList(0, 3));
        } finally {
            if (aOpen) {
                a.close();
            }
        }
    }

    private static void publish(Publisher pub, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            pub.publish(mqttTopic(i), ("m" + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
        }
    }

    private static String mqttTopic(int i) {
        return switch (i % 3) {
            case 0 -> "AIS/skagen";
            case 1 -> "DATA/hirtshals";
            default -> "DATA/hirtshals/219000001";
        };
    }
}
