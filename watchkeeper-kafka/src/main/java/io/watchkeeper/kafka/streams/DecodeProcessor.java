package io.watchkeeper.kafka.streams;

import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.mqtt.source.FixSource;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.input.OversizeInput;
import io.watchkeeper.server.input.RecordClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first stage, per station (the input topic is keyed by station): turns raw input into fixes keyed
 * by vessel for the detection stage, with the sweep marks of {@link SweepSchedule}; what cannot be
 * decoded goes to the dead-letter topic, as the MQTT detector would publish it.
 *
 * <ul>
 *   <li>{@code AIS/<station>}: NMEA, one {@link AisIngest} per station, as the in-process detector does;</li>
 *   <li>{@code DATA/<station>[/<vessel>]}: the JSON fix formats, through the same {@link FixSource};</li>
 *   <li>{@code replay/<site>}: fixes and static data a replay already decoded ({@link RecordingLoader}).</li>
 * </ul>
 *
 * <p>Static data a station's AIS carries goes to the vessel's partition too, merged, as it is learnt. A
 * station's safety messages (AIS types 12 and 14) are events already, and go straight to the events topic;
 * its weather reports are dropped, as this engine shows no map.
 *
 * <p>Caveat: the AIS fragments a station's decoder holds between two records are in memory only, so a
 * multi-sentence message cut by a move of the task to another instance is lost (a dead letter at most).
 */
final class DecodeProcessor implements Processor<String, byte[], String, byte[]> {

    static final String SWEEPS_STORE = "wk-sweeps";

    private final long sweepEveryMillis;
    private final FramerSettings framing;
    private final EventJson json = new EventJson();
    private final RecordClock clock = new RecordClock();
    private final VesselRegistry registry = new VesselRegistry();
    private final Map<String, AisIngest> stations = new HashMap<>();
    private final Map<VesselId, VesselInfo> sent = new HashMap<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> sweepStore;
    private SweepSchedule sweeps;
    private FixSource data;
    private DeadLetterSink deadLetters;
    private long timestamp;
    private final AisNotices notices = AisNotices.safetyOnly(this::safetyMessage);

    DecodeProcessor(long sweepEveryMillis, FramerSettings framing) {
        this.sweepEveryMillis = sweepEveryMillis;
        this.framing = framing;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.sweepStore = context.getStateStore(SWEEPS_STORE);
        this.sweeps = new SweepSchedule(sweepEveryMillis);
        try (KeyValueIterator<String, byte[]> it = sweepStore.all()) {
            it.forEachRemaining(kv -> {
                ByteBuffer b = ByteBuffer.wrap(kv.value);
                sweeps.restore(kv.key, new SweepSchedule.Site(b.getLong(), b.getLong()));
            });
        }
        this.deadLetters = this::deadLetter;
        this.data = new FixSource(new FixDecoder(), this::fix, deadLetters, clock);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        timestamp = record.timestamp();
        clock.set(Instant.ofEpochMilli(record.timestamp()));
        String source = InputRecords.source(record.headers());
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        if (source == null) {
            deadLetter(new DeadLetter(record.key() == null ? "unknown" : record.key(), RejectReason.UNKNOWN_FORMAT,
                    "input record without a " + InputRecords.SOURCE_HEADER + " header", text(payload), clock.instant()));
        } else if (source.startsWith(RecordingLoader.SOURCE_PREFIX)) {
            replayed(source, payload);
        } else if (source.startsWith(OversizeInput.SOURCE_PREFIX)) {
            String topic = source.substring(OversizeInput.SOURCE_PREFIX.length());
            deadLetter(new DeadLetter(io.watchkeeper.kafka.log.StationKey.of(topic), RejectReason.TOO_LARGE,
                    "payload over the bridge's size limit on " + topic, text(payload), clock.instant()));
        } else if (Topics.stationOfAis(source).isPresent()) {
            String station = Topics.stationOfAis(source).get();
            AisIngest ingest = stations.computeIfAbsent(station,
                    s -> new AisIngest(s, this::fix, registry, deadLetters, clock, framing, notices));
            long reports = ingest.stats().staticReports();
            ingest.acceptLines(new String(payload, StandardCharsets.ISO_8859_1));
            if (ingest.stats().staticReports() != reports) {
                forwardStaticData();
            }
        } else {
            data.onMessage(source, payload);
        }
    }

    private void replayed(String source, byte[] payload) {
        VesselMessage m;
        try {
            m = VesselMessage.decode(payload);
        } catch (IOException | RuntimeException e) {
            deadLetter(new DeadLetter(source, RejectReason.UNKNOWN_FORMAT, "not a replayed fix: " + e.getMessage(),
                    "", clock.instant()));
            return;
        }
        if (m instanceof VesselMessage.FixMessage f) {
            fix(f.fix());
        } else if (m instanceof VesselMessage.InfoMessage i) {
            forward(i.info().vessel().key(), m);
        }
    }

    /**
     * Sends on what the registry learnt (AIS types 5, 19, 24), merged, to the vessels' partitions. The
     * registry replaces an entry whole on each merge, so a changed entry is one that is not the instance
     * last sent. A scan of the registry, but only after a message that carried static data.
     */
    private void forwardStaticData() {
        for (VesselInfo info : registry.all()) {
            if (sent.get(info.vessel()) != info) {
                sent.put(info.vessel(), info);
                forward(info.vessel().key(), new VesselMessage.InfoMessage(info));
            }
        }
    }

    /** A decoded fix: to its vessel's partition, then, if it brings a sweep, the mark to every partition. */
    private void fix(Fix fix) {
        forward(fix.vessel().key(), new VesselMessage.FixMessage(fix));
        boolean first = sweeps.site(fix.site()) == null;
        OptionalLong mark = sweeps.observe(fix.site(), fix.time().toEpochMilli());
        SweepSchedule.Site now = sweeps.site(fix.site());
        if (mark.isPresent()) {
            forward(fix.site(), new VesselMessage.MarkMessage(fix.site(), mark.getAsLong()));
        }
        // Stored at each sweep, not each fix: a restart then sweeps at most one interval late.
        if (first || mark.isPresent()) {
            sweepStore.put(fix.site(), ByteBuffer.allocate(16).putLong(now.watermarkMillis())
                    .putLong(now.nextSweepMillis()).array());
        }
    }

    private void forward(String key, VesselMessage m) {
        context.forward(new Record<>(key, VesselMessage.encode(m), timestamp), DetectionTopology.FIXES_SINK);
    }

    private void safetyMessage(Event e) {
        context.forward(new Record<>(e.vessel().key(), json.encode(e), timestamp, EventRecords.headers(e)),
                DetectionTopology.DECODE_EVENTS_SINK);
    }

    private void deadLetter(DeadLetter d) {
        context.forward(new Record<>(d.source(), json.encode(d), timestamp), DetectionTopology.DECODE_DEAD_LETTER_SINK);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
