package io.watchkeeper.kafka.streams;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.kafka.log.TopicSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the detection engine on Kafka Streams. Instances started with the same application id
 * share the work: Kafka assigns each a part of the partitions, and moves a failed instance's part, with
 * its state, to the others.
 */
public final class KafkaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEngine.class);

    /**
     * The commit interval under {@code exactly_once_v2}, instead of Kafka Streams' 100 ms: each commit ends a
     * transaction (producer flush, offsets, commit markers on every partition written), and the detection
     * stage reads the decoding stage's output only once it is committed. Measured with {@code bench kafka}
     * (docs/scale-out.md): 400,000 positions went through one instance about 40 % faster than at 100 ms.
     * The price is latency: an event is out about two intervals after its position came in.
     */
    static final int EXACTLY_ONCE_COMMIT_MS = 1000;

    /**
     * How to run.
     *
     * @param applicationId  instances with the same id share the work (and the state)
     * @param partitions     partitions of topics created here (existing topics keep theirs)
     * @param exactlyOnce    {@code exactly_once_v2} (the default) or {@code at_least_once}
     * @param standbys       standby replicas of each task's state on other instances, for a quicker failover
     * @param threads        stream threads in this instance
     * @param sessionTimeout how long a silent instance keeps its tasks before Kafka moves them (failover time)
     * @param extra          further Kafka Streams (and prefixed client) properties, applied last, for tuning
     */
    public record Settings(String bootstrap, String applicationId, KafkaTopics topics, int partitions,
                           boolean exactlyOnce, int standbys, int threads, Path stateDir, Duration sessionTimeout,
                           Map<String, String> extra) {

        public Settings {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(sessionTimeout, "sessionTimeout");
            extra = Map.copyOf(extra);
            if (partitions < 1 || standbys < 0 || threads < 1) {
                throw new IllegalArgumentException("partitions and threads must be at least 1, standbys at least 0");
            }
        }

        public static Settings defaults(String bootstrap, Path stateDir) {
            return new Settings(bootstrap, "watchkeeper", KafkaTopics.prefixed(KafkaTopics.DEFAULT_PREFIX), 3, true, 0,
                    1, stateDir, Duration.ofSeconds(45), Map.of());
        }

        public Settings withApplicationId(String id) {
            return new Settings(bootstrap, id, topics, partitions, exactlyOnce, standbys, threads, stateDir,
                    sessionTimeout, extra);
        }

        public Settings withTopics(KafkaTopics t) {
            return new Settings(bootstrap, applicationId, t, partitions, exactlyOnce, standbys, threads, stateDir,
                    sessionTimeout, extra);
        }

        public Settings withPartitions(int n) {
            return new Settings(bootstrap, applicationId, topics, n, exactlyOnce, standbys, threads, stateDir,
                    sessionTimeout, extra);
        }

        public Settings withGuarantee(boolean exactly, int standbyReplicas) {
            return new Settings(bootstrap, applicationId, topics, partitions, exactly, standbyReplicas, threads,
                    stateDir, sessionTimeout, extra);
        }

        public Settings withThreads(int n) {
            return new Settings(bootstrap, applicationId, topics, partitions, exactlyOnce, standbys, n, stateDir,
                    sessionTimeout, extra);
        }

        public Settings withSessionTimeout(Duration d) {
            return new Settings(bootstrap, applicationId, topics, partitions, exactlyOnce, standbys, threads, stateDir,
                    d, extra);
        }

        /** Kafka Streams properties to set over Watchkeeper's own (see {@link #properties()}). */
        public Settings withExtra(Map<String, String> properties) {
            return new Settings(bootstrap, applicationId, topics, partitions, exactlyOnce, standbys, threads, stateDir,
                    sessionTimeout, properties);
        }

        Properties properties() {
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                    exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
            if (exactlyOnce) {
                p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EXACTLY_ONCE_COMMIT_MS);
            }
            p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbys);
            p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
            p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                    (int) sessionTimeout.toMillis());
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                    (int) Math.max(500, sessionTimeout.toMillis() / 6));
            p.putAll(extra);
            return p;
        }
    }

    private final KafkaStreams streams;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    private KafkaEngine(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Creates the topics that do not exist yet and starts processing.
     *
     * @throws IOException if Kafka cannot be reached to set up the topics
     */
    public static KafkaEngine start(Settings settings, DetectionSetup setup, FramerSettings framing)
            throws IOException {
        TopicSetup.ensure(settings.bootstrap(), settings.topics().all(), settings.partitions(), (short) 1);
        KafkaStreams streams = new KafkaStreams(DetectionTopology.build(settings.topics(), setup, framing),
                settings.properties());
        KafkaEngine engine = new KafkaEngine(streams);
        streams.setUncaughtExceptionHandler(e -> {
            engine.failure.compareAndSet(null, e);
            LOG.error("Kafka engine stopped: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return engine;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Why it stopped on its own, or null. */
    public @Nullable Throwable failure() {
        return failure.get();
    }

    /** Waits up to {@code timeout} for the state to be {@code RUNNING}. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            if (failure.get() != null || streams.state() == KafkaStreams.State.ERROR) {
                return false;
            }
            Thread.sleep(50);
        }
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Commits and leaves the group, so that the others take the partitions at once. */
    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
