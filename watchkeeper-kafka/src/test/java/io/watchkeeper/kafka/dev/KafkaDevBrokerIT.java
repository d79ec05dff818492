package io.watchkeeper.kafka.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDevBrokerIT {

    @TempDir
    Path dir;

    @Test
    void startsTakesARecordAndStopsOnSigterm() throws Exception {
        long t0 = System.nanoTime();
        KafkaDevBroker broker = KafkaDevBroker.start(dir, 0);
        long readyMillis = (System.nanoTime() - t0) / 1_000_000;
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrap(),
                    "acks", "all", "enable.idempotence", true), new StringSerializer(), new StringSerializer())) {
                p.send(new ProducerRecord<>("t", "k", "hello")).get(30, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrap(),
                    "group.id", "g", "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                c.subscribe(List.of("t"));
                ConsumerRecords<String, String> got = ConsumerRecords.empty();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (got.isEmpty() && System.nanoTime() < deadline) {
                    got = c.poll(Duration.ofMillis(500));
                }
                assertThat(got.count()).isEqualTo(1);
                assertThat(got.iterator().next().value()).isEqualTo("hello");
            }
        } finally {
            broker.close();
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(java.nio.file.Files.readString(dir.resolve("server.properties"), StandardCharsets.UTF_8))
                .contains("process.roles=broker,controller", "transaction.state.log.min.isr=1");
        System.out.println("kafka dev broker ready in " + readyMillis + " ms");
    }
}
