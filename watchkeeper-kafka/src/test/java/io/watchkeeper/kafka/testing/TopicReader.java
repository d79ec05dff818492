package io.watchkeeper.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the start, read_committed, until a condition holds or time runs out. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "enable.auto.commit", false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(out) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Reads until no record came for {@code quiet}, or {@code timeout} passed. */
    public static List<ConsumerRecord<String, byte[]>> readUntilQuiet(String bootstrap, String topic, Duration quiet,
            Duration timeout) {
        long[] lastChange = {System.nanoTime()};
        int[] lastSize = {0};
        return readUntil(bootstrap, topic, timeout, got -> {
            if (got.size() != lastSize[0]) {
                lastSize[0] = got.size();
                lastChange[0] = System.nanoTime();
                return false;
            }
            return got.size() > 0 && System.nanoTime() - lastChange[0] > quiet.toNanos();
        });
    }
}
