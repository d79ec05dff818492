package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.engine.FixOrder;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.mqtt.wire.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection stage, one task per partition of the fixes topic (keyed by vessel): every per-vessel
 * detector over each vessel's fixes, with the in-process engine's rules: a fix older than the vessel's
 * last is skipped as out of order, a repeat of it as a duplicate; timers fire on the sweep marks the
 * decoding stage sends every partition, against the vessel's source's event time.
 *
 * <p>Vessels live in memory, as in the in-process engine, and each change is written to a persistent
 * key-value store whose changelog topic lets another instance take the partition over; {@link #init}
 * reads the store back. Events go out as the MQTT envelope's JSON, keyed by vessel.
 */
final class VesselProcessor implements Processor<String, byte[], String, byte[]> {

    static final String VESSELS_STORE = "wk-vessels";
    static final String STATIC_STORE = "wk-static";
    static final String MARKS_STORE = "wk-marks";

    private static final Logger LOG = LoggerFactory.getLogger(VesselProcessor.class);

    /** The events of the detector step in progress, as the in-process engine keeps them: no list per step. */
    private final List<Event> stepEvents = new ArrayList<>(4);
    private final List<Detector<?>> detectors;
    private final ZoneLookup zones;
    private final EventJson json = new EventJson();
    private final Map<String, VesselSlot> slots = new HashMap<>();
    private final Map<String, Long> marks = new HashMap<>();
    private final Set<String> loggedFailures = new HashSet<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> vesselStore;
    private KeyValueStore<String, byte[]> staticStore;
    private KeyValueStore<String, byte[]> markStore;
    private VesselRegistry registry;
    private TaskContext ctx;
    private SlotCodec codec;
    private long timestamp;

    VesselProcessor(List<Detector<?>> detectors, ZoneLookup zones) {
        this.detectors = List.copyOf(detectors);
        this.zones = zones;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.vesselStore = context.getStateStore(VESSELS_STORE);
        this.staticStore = context.getStateStore(STATIC_STORE);
        this.markStore = context.getStateStore(MARKS_STORE);
        this.registry = new VesselRegistry();
        this.ctx = new TaskContext(zones, registry);
        Function<String, @Nullable Zone> byId = zoneResolver(zones);
        this.codec = new SlotCodec(detectors, byId);
        restore(byId);
    }

    /** Reads the partition's vessels, static data and watermarks back from the stores. */
    private void restore(Function<String, @Nullable Zone> byId) {
        try (KeyValueIterator<String, byte[]> it = vesselStore.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                slots.put(kv.key, codec.decode(kv.value));
            }
            try (KeyValueIterator<String, byte[]> s = staticStore.all()) {
                while (s.hasNext()) {
                    registry.merge(new StateIn(new ByteArrayInputStream(s.next().value), byId).readVesselInfo());
                }
            }
        } catch (IOException e) {
            // A store of another detector set or format: starting empty would re-announce every vessel.
            throw new IllegalStateException("vessel state in the store cannot be read (" + e.getMessage()
                    + "); reset the application (kafka-streams-application-reset) after a detector change", e);
        }
        try (KeyValueIterator<String, byte[]> it = markStore.all()) {
            it.forEachRemaining(kv -> marks.put(kv.key, ByteBuffer.wrap(kv.value).getLong()));
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        timestamp = record.timestamp();
        VesselMessage m;
        try {
            m = VesselMessage.decode(record.value());
        } catch (IOException | RuntimeException e) {
            deadLetter(new DeadLetter(String.valueOf(record.key()), RejectReason.UNKNOWN_FORMAT,
                    "not a vessel message: " + e.getMessage(), "", Instant.ofEpochMilli(timestamp)));
            return;
        }
        if (m instanceof VesselMessage.FixMessage f) {
            fix(record.key(), f.fix());
        } else if (m instanceof VesselMessage.InfoMessage i) {
            info(i.info());
        } else if (m instanceof VesselMessage.MarkMessage k) {
            sweep(k.site(), k.millis());
        }
    }

    private void fix(String key, Fix fix) {
        VesselSlot slot = slots.get(key);
        if (slot == null) {
            Object[] states = new Object[detectors.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = detectors.get(i).initial(fix.vessel());
            }
            slot = new VesselSlot(fix.vessel(), states, fix.site());
            slots.put(key, slot);
        }
        if (!inOrder(slot, fix)) {
            return;
        }
        slot.site = fix.site();
        observe(fix.site(), fix.time().toEpochMilli());
        ctx.enterFix(fix);
        Object[] states = slot.states;
        for (int i = 0; i < states.length; i++) {
            states[i] = stepOne(detectors.get(i), states[i], fix);
        }
        ctx.leave();
        vesselStore.put(key, codec.encode(slot));
    }

    private void info(VesselInfo info) {
        VesselInfo merged = registry.merge(info);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try {
            StateOut out = new StateOut(bytes);
            out.writeVesselInfo(merged);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staticStore.put(merged.vessel().key(), bytes.toByteArray());
    }

    /** The in-process engine's sweep: every vessel's due timers, against its own source's event time. */
    private void sweep(String site, long markMillis) {
        observe(site, markMillis);
        for (Map.Entry<String, VesselSlot> e : slots.entrySet()) {
            VesselSlot slot = e.getValue();
            if (slot.lastMillis == Long.MIN_VALUE) {
                continue;
            }
            Long now = marks.get(slot.site);
            if (now == null) {
                continue;
            }
            boolean changed = false;
            Object[] states = slot.states;
            for (int i = 0; i < states.length; i++) {
                Object before = states[i];
                states[i] = timeOne(detectors.get(i), before, slot, now, markMillis);
                changed |= states[i] != before;
            }
            if (changed) {
                vesselStore.put(e.getKey(), codec.encode(slot));
            }
        }
    }

    private void observe(String site, long millis) {
        Long mark = marks.get(site);
        if (mark == null || millis > mark) {
            marks.put(site, millis);
            markStore.put(site, ByteBuffer.allocate(8).putLong(millis).array());
        }
    }

    /** Skips what would move this vessel's time backwards or repeat its last fix (the in-process rule). */
    private static boolean inOrder(VesselSlot slot, Fix fix) {
        if (FixOrder.of(slot.lastMillis, slot.lastNanos, slot.lastPositionBits, fix) != FixOrder.NEXT) {
            return false;
        }
        slot.lastMillis = fix.time().toEpochMilli();
        slot.lastNanos = FixOrder.nanosWithinMilli(fix);
        slot.lastPositionBits = FixOrder.positionBits(fix);
        return true;
    }

    @SuppressWarnings("unchecked")
    private Object stepOne(Detector<?> detector, Object state, Fix fix) {
        Object next;
        try {
            next = ((Detector<Object>) detector).advance(state, fix, ctx, stepEvents);
        } catch (RuntimeException e) {
            stepEvents.clear(); // events of a step that failed are not published
            logOnce(detector, e);
            deadLetter(new DeadLetter(fix.site(), RejectReason.DETECTOR_ERROR, detector.name() + ": " + e,
                    fix.toString(), fix.time()));
            return state;
        }
        if (!stepEvents.isEmpty()) {
            try {
                publish(stepEvents);
            } finally {
                stepEvents.clear();
            }
        }
        return next;
    }

    @SuppressWarnings("unchecked")
    private Object timeOne(Detector<?> detector, Object state, VesselSlot slot, long now, long markMillis) {
        Detector<Object> d = (Detector<Object>) detector;
        long wake = d.wakeAtMillis(state);
        if (wake == Detector.NO_TIMER || wake > now) {
            return state;
        }
        ctx.enterTime(now, markMillis);
        Step<Object> step;
        try {
            step = d.onTime(state, slot.vessel, now, ctx);
        } catch (RuntimeException e) {
            logOnce(detector, e);
            deadLetter(new DeadLetter(slot.vessel.key(), RejectReason.DETECTOR_ERROR,
                    detector.name() + " timer: " + e, slot.vessel.toString(), Instant.ofEpochMilli(markMillis)));
            return state;
        } finally {
            ctx.leave();
        }
        publish(step.events());
        return step.state();
    }

    private void publish(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            context.forward(new Record<>(e.vessel().key(), json.encode(e), timestamp, EventRecords.headers(e)),
                    DetectionTopology.EVENTS_SINK);
        }
    }

    private void deadLetter(DeadLetter d) {
        context.forward(new Record<>(d.source(), json.encode(d), timestamp), DetectionTopology.DEAD_LETTER_SINK);
    }

    /** Once per detector and exception type; every failure is still a dead letter. */
    private void logOnce(Detector<?> detector, RuntimeException e) {
        if (loggedFailures.add(detector.name() + '/' + e.getClass().getName())) {
            LOG.warn("detector {} failed; the vessel keeps its state (further {} are only dead-lettered): {}",
                    detector.name(), e.getClass().getSimpleName(), e.toString());
        }
    }

    private static Function<String, @Nullable Zone> zoneResolver(ZoneLookup lookup) {
        Map<String, Zone> byId = new HashMap<>();
        for (Zone z : lookup.all()) {
            byId.putIfAbsent(z.id(), z);
        }
        return byId::get;
    }
}
