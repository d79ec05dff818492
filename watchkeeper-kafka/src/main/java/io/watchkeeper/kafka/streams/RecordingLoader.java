package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.server.app.Recording;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code replay FILE --kafka}: loads a recording into the input topic for the Kafka engine, as the
 * in-process replay would run it. The file is read and decoded here, exactly as {@code replay} does
 * ({@link Recording}: fixes sorted by event time, static data known before the first fix), and goes in
 * as decoded records under {@code replay/<site>}: first every vessel's static data, then the fixes in
 * event-time order, all keyed by the site, so they keep that order.
 */
public final class RecordingLoader {

    /** The input source of a replayed record: {@code replay/<site>}. */
    public static final String SOURCE_PREFIX = "replay/";

    private static final Logger LOG = LoggerFactory.getLogger(RecordingLoader.class);

    private RecordingLoader() {
    }

    /** What was loaded. */
    public record Loaded(int vessels, int fixes) {
    }

    /** Tries with a new producer after a failed one: see {@link #load}. */
    private static final int ATTEMPTS = 2;

    /**
     * Sends the recording's static data, then its fixes, keyed by its source. If Kafka does not take
     * them, it tries once more with a new producer: on a development broker an idempotent producer was
     * seen, now and then, to leave a fresh topic's batch unsent until it expired (the cause is not known).
     * Sending again is harmless: what already arrived comes twice, and the engine skips a vessel's
     * repeated or older fixes ({@link io.watchkeeper.core.engine.FixOrder}) and merges static data.
     *
     * @param registry the static data {@link Recording#read} gathered
     * @throws IOException if Kafka does not take the records
     */
    public static Loaded load(Recording recording, VesselRegistry registry, String site, String bootstrap,
                              String topic) throws IOException {
        List<VesselInfo> infos = registry.all().stream().sorted(Comparator.comparing(v -> v.vessel().key())).toList();
        for (int attempt = 1; ; attempt++) {
            Exception failed = send(recording, infos, SOURCE_PREFIX + site, bootstrap, topic);
            if (failed == null) {
                return new Loaded(infos.size(), recording.fixes().size());
            }
            if (attempt == ATTEMPTS) {
                throw new IOException("Kafka did not take the recording: " + failed.getMessage(), failed);
            }
            LOG.warn("Kafka did not take the recording ({}); sending it again with a new producer", failed.getMessage());
        }
    }

    /** One producer's try; the first failure it reported, or null. */
    private static @Nullable Exception send(Recording recording, List<VesselInfo> infos, String source,
                                            String bootstrap, String topic) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a stalled batch is given up after 45 s rather than Kafka's 2 minutes, so the second try comes sooner
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(cfg, new StringSerializer(),
                new ByteArraySerializer())) {
            long now = System.currentTimeMillis();
            AtomicReference<Exception> failed = new AtomicReference<>();
            Callback onError = (metadata, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
            };
            for (VesselInfo info : infos) {
                producer.send(InputRecords.of(topic, source, VesselMessage.encode(new VesselMessage.InfoMessage(info)),
                        now), onError);
            }
            for (Fix fix : recording.fixes()) {
                producer.send(InputRecords.of(topic, source, VesselMessage.encode(new VesselMessage.FixMessage(fix)),
                        now), onError);
            }
            producer.flush();
            return failed.get();
        }
    }
}
