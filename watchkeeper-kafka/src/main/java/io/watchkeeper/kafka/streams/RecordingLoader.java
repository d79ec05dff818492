package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.replay.Recording;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code replay FILE --kafka}: loads a recording into the input topic for the Kafka engine, as the
 * in-process replay would run it. The file is read and decoded here, exactly as {@code replay} does
 * ({@link Recording}: fixes sorted by event time, static data known before the first fix), and goes in
 * as decoded records under {@code replay/<site>}: first every vessel's static data, then the fixes in
 * event-time order, all keyed by the site, so they keep that order. The recording's notices (AIS
 * safety messages), which need no detector, go to the events topic as they are ({@link #loadNotices}).
 */
public final class RecordingLoader {

    /** The input source of a replayed record: {@code replay/<site>}. */
    public static final String SOURCE_PREFIX = "replay/";

    private RecordingLoader() {
    }

    /** What was loaded. */
    public record Loaded(int vessels, int fixes) {
    }

    /**
     * Sends the recording's static data, then its fixes, keyed by its source, and waits until Kafka has
     * them all. One request is in flight at a time: a retried batch then cannot be overtaken by the next
     * one, so the fixes stay in event-time order even when Kafka refuses a request for a moment (with
     * several in flight, an idempotent producer can lose a refused batch on a just-created topic,
     * KAFKA-15591). Nothing is sent again on failure, because a resend would put fixes out of order.
     *
     * @param registry the static data {@link Recording#read} gathered
     * @throws IOException if Kafka does not take the records
     */
    public static Loaded load(Recording recording, VesselRegistry registry, String site, String bootstrap,
                              String topic) throws IOException {
        List<VesselInfo> infos = registry.all().stream().sorted(Comparator.comparing(v -> v.vessel().key())).toList();
        String source = SOURCE_PREFIX + site;
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
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
                if (failed.get() != null) {
                    break; // what follows a lost record must not arrive without it
                }
                producer.send(InputRecords.of(topic, source, VesselMessage.encode(new VesselMessage.FixMessage(fix)),
                        now), onError);
            }
            producer.flush();
            if (failed.get() != null) {
                throw new IOException("Kafka did not take the recording: " + failed.get().getMessage(), failed.get());
            }
            return new Loaded(infos.size(), recording.fixes().size());
        }
    }

    /**
     * Sends the recording's notices (AIS safety messages) to the events topic as event records
     * ({@link EventRecords}: keyed by vessel, the MQTT envelope, the topic header), as the decoding stage
     * sends those of a live feed: they need no detector, and {@code replay} prints them among the
     * detectors' events.
     *
     * @return how many were sent
     * @throws IOException if Kafka does not take them
     */
    public static int loadNotices(Recording recording, String bootstrap, String eventsTopic) throws IOException {
        EventJson json = new EventJson();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (Event e : recording.notices()) {
                producer.send(new ProducerRecord<>(eventsTopic, null, e.time().toEpochMilli(), e.vessel().key(),
                        json.encode(e), EventRecords.headers(e)), (metadata, ex) -> {
                            if (ex != null) {
                                failed.compareAndSet(null, ex);
                            }
                        });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IOException("Kafka did not take the recording's notices: " + failed.get().getMessage(),
                    failed.get());
        }
        return recording.notices().size();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer());
    }
}
