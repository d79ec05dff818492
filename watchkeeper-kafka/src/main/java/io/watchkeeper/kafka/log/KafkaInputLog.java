package io.watchkeeper.kafka.log;

import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogFullException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input log kept in a Kafka topic: {@link #append} produces the message, keyed by station, and runs
 * {@code durable} from the producer's callback once every in-sync replica has it ({@code acks=all}).
 * The producer is idempotent, so its own retries never write a message twice.
 *
 * <p>Write-only: the Streams application reads the topic, with Kafka's offsets as positions, so
 * {@link #cursor} and {@link #release} are not this class's business (retention is the topic's).
 *
 * <p>"Full" means too many messages wait for Kafka's answer: then {@link #append} refuses, and the
 * receiver holds MQTT input unacknowledged until Kafka catches up (backpressure, not loss). A send that
 * fails for good (Kafka unreachable past {@code delivery.timeout.ms}) is counted and logged; its MQTT
 * message stays unacknowledged, so a durable session delivers it again on the next start.
 */
public final class KafkaInputLog implements InputLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaInputLog.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int maxPending;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile boolean full;
    private volatile boolean closed;

    /**
     * @param bootstrap  Kafka's {@code host:port[,host:port]}
     * @param maxPending messages that may wait for Kafka's acknowledgement before appends are refused
     */
    public static KafkaInputLog connect(String bootstrap, String topic, int maxPending, Map<String, Object> extra) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        cfg.put(ProducerConfig.CLIENT_ID_CONFIG, "watchkeeper-bridge");
        cfg.putAll(extra);
        return new KafkaInputLog(new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer()), topic,
                maxPending);
    }

    KafkaInputLog(Producer<String, byte[]> producer, String topic, int maxPending) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        }
        this.maxPending = maxPending;
    }

    @Override
    public void append(String source, byte[] payload, long receivedMillis, Runnable durable) throws LogFullException {
        if (closed) {
            throw new IllegalStateException("the Kafka input log is closed");
        }
        if (pending.get() >= maxPending) {
            full = true;
            throw new LogFullException(pending.get() + " messages wait for Kafka's acknowledgement");
        }
        full = false;
        pending.incrementAndGet();
        pendingBytes.addAndGet(payload.length);
        appended.incrementAndGet();
        producer.send(InputRecords.of(topic, source, payload, receivedMillis), (metadata, error) -> {
            pending.decrementAndGet();
            pendingBytes.addAndGet(-payload.length);
            if (error == null) {
                acked.incrementAndGet();
                durable.run();
            } else if (failed.getAndIncrement() == 0) {
                LOG.error("Kafka refused input for {} (left unacknowledged on MQTT; further failures are only "
                        + "counted): {}", topic, error.toString());
            }
        });
    }

    /** Not readable here: the Streams application reads the topic. */
    @Override
    public Cursor cursor(long position) {
        throw new UnsupportedOperationException("the Kafka input log is read by the Streams application, not a cursor");
    }

    @Override
    public long start() {
        return 0;
    }

    /** Messages appended so far (the log's positions are Kafka's offsets, per partition). */
    @Override
    public long end() {
        return appended.get();
    }

    /** Retention is the topic's. */
    @Override
    public void release(long position) {
    }

    /** Bytes handed to the producer and not yet acknowledged. */
    @Override
    public long sizeBytes() {
        return pendingBytes.get();
    }

    @Override
    public boolean isFull() {
        return full;
    }

    /** Messages Kafka acknowledged. */
    public long acknowledged() {
        return acked.get();
    }

    /** Messages Kafka refused for good. */
    public long failed() {
        return failed.get();
    }

    /** Sends what is buffered and waits for Kafka's answers, then closes the producer. */
    @Override
    public void close() {
        closed = true;
        producer.flush();
        producer.close();
    }
}
