package io.watchkeeper.kafka.bridge;

import io.watchkeeper.kafka.streams.EventRecords;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka → MQTT events bridge: reads the events topic ({@code read_committed}, so only what the
 * engine's transactions committed) and publishes each event on its {@code EVENT/...} topic with the
 * same JSON, so MQTT subscribers see exactly the events, and eventIds, of the MQTT detector.
 *
 * <p>Offsets are committed only once MQTT acknowledged every publish of a poll: at least once. A crash
 * between the two publishes a batch again; the eventIds are the same, so subscribers can tell.
 * Bridges with the same group id split the partitions.
 */
public final class KafkaToMqtt implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaToMqtt.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Publisher publisher;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running = true;
    private volatile @Nullable Throwable failure;

    private KafkaToMqtt(KafkaConsumer<String, byte[]> consumer, Publisher publisher) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.thread = new Thread(this::run, "wk-events-to-mqtt");
        this.thread.setDaemon(true);
    }

    /** Connects to MQTT, then reads {@code eventsTopic} from the group's offsets (from the start for a new group). */
    public static KafkaToMqtt start(String bootstrap, String eventsTopic, String groupId, ClientSettings mqtt) {
        Publisher publisher = Publisher.connect(mqtt);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(eventsTopic));
        KafkaToMqtt bridge = new KafkaToMqtt(consumer, publisher);
        bridge.thread.start();
        return bridge;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                List<CompletableFuture<Void>> sent = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    String topic = EventRecords.mqttTopic(r.headers());
                    if (topic == null || r.value() == null) {
                        skipped.incrementAndGet(); // not an event record of ours: nothing to publish it as
                        continue;
                    }
                    sent.add(publisher.publish(topic, r.value()));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                published.addAndGet(sent.size());
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // close() woke us
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Offsets stay where they were: the next start publishes this batch again.
            failure = e;
            LOG.error("events bridge stopped: {}", e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
    }

    /** Events published on MQTT (and acknowledged by the broker). */
    public long published() {
        return published.get();
    }

    /** Records without an MQTT topic header, passed over. */
    public long skipped() {
        return skipped.get();
    }

    /** Why it stopped on its own, or null. */
    public @Nullable Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
