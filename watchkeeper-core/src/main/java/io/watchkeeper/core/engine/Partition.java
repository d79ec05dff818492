package io.watchkeeper.core.engine;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every detector over the fixes of the vessels it owns: the single-threaded heart of the
 * engine, shared by the multi-threaded {@link Engine} and the synchronous test driver.
 *
 * <p>Per vessel, a fix older than the last accepted one is counted as out of order and skipped, and
 * one with the same time and position is counted as a duplicate and skipped: detectors see each
 * vessel's time only move forward. Timers fire on a sweep whenever a source's event-time watermark
 * has moved {@code sweepEvery} (or, with the wall-clock fallback, on {@link #tick}).
 *
 * <p>State is bounded ({@link StateLimits}): a vessel silent for {@code evictAfter} in its source's event
 * time, with no timer left, is forgotten on a sweep; a new vessel beyond its station's quota, or a
 * new station beyond the engine's, is a dead letter.
 *
 * <p>Owned by one thread. A detector that throws does not take the vessel or the engine down: the
 * vessel keeps its previous state for that detector and the fix becomes a dead letter.
 */
final class Partition extends StageContext implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(Partition.class);
    private static final long TICK_SWEEP_WALL_MILLIS = 1_000L;

    private final List<Detector<?>> detectors;
    private final VesselTable vessels;
    private final EventSink events;
    private final DeadLetterSink deadLetters;
    private final Consumer<Fix> pairFeed;
    private final Consumer<Sequenced> sequencedFeed;
    private static final long NOT_SEQUENCED = -1;
    /** The place in submit order of the fix being processed, or {@link #NOT_SEQUENCED}. */
    private long sequence = NOT_SEQUENCED;
    /** Whether the fix being processed went on to the pair stage. */
    private boolean handedOn;
    private final Consumer<Barrier> barrierFeed;
    private final int index;
    private final Consumer<Fix> fixTap;
    private final long maxAheadMillis;
    private final long sweepEveryMillis;
    private final Watermarks watermarks;
    private final Set<String> loggedFailures = new HashSet<>();
    /** The events of the detector step in progress; this partition's thread alone uses it. */
    private final List<Event> stepEvents = new ArrayList<>(4);
    private final Ticker ticker;
    private final StationQuota quota;
    private final long evictAfterMillis;
    private long[] nextSweepMillis = new long[0];
    /** Per watermark index: its station's vessel count, shared with the other partitions. */
    private AtomicInteger[] stationVessels = new AtomicInteger[0];
    private long lastSweepTickerMillis;
    private long processed;
    private long emitted;
    private long outOfOrder;
    private long duplicates;
    private long timersFired;
    private long evicted;

    Partition(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock, Consumer<Fix> pairFeed) {
        this(setup, events, deadLetters, clock, Ticker.SYSTEM, pairFeed, s -> { }, b -> { }, 0,
                new StationQuota(setup.limits()));
    }

    /**
     * @param pairFeed    where an accepted geographic fix goes, for fixes submitted without a place in order
     * @param sequencedFeed where each fix submitted with its place in order goes on (or the note that it
     *                    does not): the pair stage of a multi-threaded engine
     * @param barrierFeed where a barrier goes after this partition took its part: the pair stage, if any
     * @param index       this partition's number, which its checkpointed watermarks carry
     * @param ticker      what the wall-clock fallback counts; {@code clock} only dates dead letters and
     *                    bounds how far ahead a fix may be
     * @param quota       the engine's count of vessels per station, shared by its partitions
     */
    Partition(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock, Ticker ticker,
              Consumer<Fix> pairFeed, Consumer<Sequenced> sequencedFeed, Consumer<Barrier> barrierFeed, int index,
              StationQuota quota) {
        super(clock, setup.zones(), setup.vessels());
        this.sequencedFeed = sequencedFeed;
        this.barrierFeed = barrierFeed;
        this.index = index;
        this.detectors = setup.detectors();
        this.vessels = new VesselTable(detectors);
        this.events = events;
        this.deadLetters = deadLetters;
        this.pairFeed = pairFeed;
        this.fixTap = setup.fixTap();
        this.maxAheadMillis = setup.maxAhead() == null ? Long.MAX_VALUE : setup.maxAhead().toMillis();
        this.sweepEveryMillis = setup.sweepEvery().toMillis();
        this.watermarks = new Watermarks(setup.wallClockFallback());
        this.ticker = ticker;
        this.lastSweepTickerMillis = ticker.millis();
        this.quota = quota;
        this.evictAfterMillis = setup.limits().evictAfterMillis();
    }

    Partition(List<Detector<?>> detectors, EventSink events, DeadLetterSink deadLetters, Clock clock) {
        this(DetectionSetup.of(detectors), events, deadLetters, clock, f -> { });
    }

    /**
     * Processes the fix, then tells the pair stage what became of its place in submit order, whatever
     * happened: the pair stage waits for every place in turn.
     */
    @Override
    public void process(Sequenced s) {
        sequence = s.seq();
        handedOn = false;
        try {
            process(s.fix());
        } finally {
            sequence = NOT_SEQUENCED;
            if (!handedOn) {
                sequencedFeed.accept(new Sequenced(s.seq(), null));
            }
        }
    }

    @Override
    public void process(Fix fix) {
        processed++;
        if (tooFarAhead(fix)) {
            return;
        }
        int source = sourceOf(fix.site());
        if (source < 0) {
            refuse(fix, "the engine keeps " + quota.maxStations() + " stations already; " + fix.site() + " is a new one");
            return;
        }
        VesselSlot slot = vessels.get(fix.vessel());
        if (slot == null) {
            slot = admit(fix, source);
            if (slot == null) {
                return;
            }
        }
        if (!inOrder(slot, fix)) {
            return;
        }
        slot.source = source;
        long millis = fix.time().toEpochMilli();
        watermarks.observe(source, millis, ticker.millis());
        enterFix(fix);
        Object[] states = slot.states;
        for (int i = 0; i < states.length; i++) {
            states[i] = stepOne(detectors.get(i), states[i], fix);
        }
        leave();
        fixTap.accept(fix);
        if (fix.isGeo()) {
            if (sequence == NOT_SEQUENCED) {
                pairFeed.accept(fix);
            } else {
                handedOn = true;
                sequencedFeed.accept(new Sequenced(sequence, fix));
            }
        }
        long next = nextSweepMillis[source];
        if (next == Long.MIN_VALUE) {
            nextSweepMillis[source] = saturatedAdd(millis, sweepEveryMillis);
        } else if (millis >= next) {
            sweep(ticker.millis());
        }
    }

    /** Adds this partition's part, then passes the barrier on even if that failed, so the pair stage never waits for it. */
    @Override
    public void barrier(Barrier barrier) {
        try {
            if (barrier.captureState()) {
                barrier.partitionArrived(capture(), marks());
            } else {
                barrier.partitionArrived(List.of(), List.of());
            }
        } finally {
            barrierFeed.accept(barrier);
        }
    }

    private List<EngineSnapshot.SiteMark> marks() {
        List<EngineSnapshot.SiteMark> out = new ArrayList<>(watermarks.size());
        for (int s = 0; s < watermarks.size(); s++) {
            out.add(new EngineSnapshot.SiteMark(watermarks.site(s), index, watermarks.eventMillis(s),
                    nextSweepMillis[s]));
        }
        return out;
    }

    /**
     * Copies every vessel's slot. The states themselves are immutable records, so copying the arrays
     * is enough for another thread to encode them while this one goes on.
     */
    private List<EngineSnapshot.VesselRecord> capture() {
        List<EngineSnapshot.VesselRecord> out = new ArrayList<>(vessels.size());
        for (Map.Entry<VesselId, VesselSlot> e : vessels.entries()) {
            VesselSlot s = e.getValue();
            if (s.lastMillis == Long.MIN_VALUE) {
                continue;
            }
            out.add(new EngineSnapshot.VesselRecord(e.getKey(), watermarks.site(s.source), s.lastMillis, s.lastNanos,
                    s.lastPositionBits, s.states.clone()));
        }
        return out;
    }

    /**
     * Puts back checkpointed vessels and watermarks, before the first fix. The states must already be
     * in this engine's detector order.
     */
    void restore(List<EngineSnapshot.VesselRecord> saved, List<EngineSnapshot.SiteMark> marks) {
        long now = ticker.millis();
        for (EngineSnapshot.SiteMark m : marks) {
            int source = restoredSource(m.site());
            watermarks.restore(source, m.eventMillis(), now);
            nextSweepMillis[source] = m.nextSweepMillis();
        }
        for (EngineSnapshot.VesselRecord r : saved) {
            VesselSlot slot = vessels.restore(r.vessel(), r.states().clone());
            slot.source = restoredSource(r.site());
            slot.home = slot.source;
            quota.restored(stationVessels[slot.home]); // beyond the quota if it was lowered: eviction drains it
            slot.lastMillis = r.lastMillis();
            slot.lastNanos = r.lastNanos();
            slot.lastPositionBits = r.lastPositionBits();
        }
    }

    /** A slot for the new vessel of {@code fix}, or null (and a dead letter) if its station is at its quota. */
    private @Nullable VesselSlot admit(Fix fix, int source) {
        String refused = quota.admit(stationVessels[source]);
        if (refused != null) {
            refuse(fix, "station " + fix.site() + ": " + refused + "; " + fix.vessel() + " is a new one");
            return null;
        }
        VesselSlot slot = vessels.create(fix.vessel());
        slot.home = source;
        return slot;
    }

    private void refuse(Fix fix, String why) {
        deadLetters.accept(new DeadLetter(fix.site(), RejectReason.STATION_QUOTA, why, fix.toString(),
                clock().instant()));
    }

    /**
     * A fix from the future (a receiver with a wrong clock, a hostile timestamp) would carry its
     * source's watermark with it and time out every vessel of that source at once: dead-lettered.
     */
    private boolean tooFarAhead(Fix fix) {
        if (maxAheadMillis == Long.MAX_VALUE) {
            return false;
        }
        Instant now = clock().instant();
        // Instants, not epoch millis: a hostile time beyond year 292 million would overflow a long.
        if (!fix.time().isAfter(now.plusMillis(maxAheadMillis))) {
            return false;
        }
        deadLetters.accept(new DeadLetter(fix.site(), RejectReason.FROM_FUTURE, "event time " + fix.time()
                + " is more than " + java.time.Duration.ofMillis(maxAheadMillis) + " ahead of the clock (" + now + ")",
                fix.toString(), now));
        return true;
    }

    /** Skips (and counts) what would move this vessel's time backwards or repeat its last fix. */
    private boolean inOrder(VesselSlot slot, Fix fix) {
        switch (FixOrder.of(slot.lastMillis, slot.lastNanos, slot.lastPositionBits, fix)) {
            case LATE -> {
                outOfOrder++;
                return false;
            }
            case REPEAT -> {
                duplicates++;
                return false;
            }
            default -> {
                slot.lastMillis = fix.time().toEpochMilli();
                slot.lastNanos = FixOrder.nanosWithinMilli(fix);
                slot.lastPositionBits = FixOrder.positionBits(fix);
                return true;
            }
        }
    }

    /** The watermark index of {@code site}, registering it if the engine has room for it; -1 if not. */
    private int sourceOf(String site) {
        int source = watermarks.find(site);
        if (source >= 0) {
            return source;
        }
        AtomicInteger count = quota.station(site);
        return count == null ? -1 : register(site, count);
    }

    /** A checkpoint's station, registered whatever the limit is now. */
    private int restoredSource(String site) {
        int source = watermarks.find(site);
        return source >= 0 ? source : register(site, quota.restoredStation(site));
    }

    private int register(String site, AtomicInteger count) {
        int source = watermarks.indexOf(site);
        if (source >= nextSweepMillis.length) {
            int n = Math.max(4, source * 2);
            nextSweepMillis = Arrays.copyOf(nextSweepMillis, n);
            Arrays.fill(nextSweepMillis, source, n, Long.MIN_VALUE);
            stationVessels = Arrays.copyOf(stationVessels, n);
        }
        stationVessels[source] = count;
        return source;
    }

    /**
     * Called by the worker when it is idle: with the wall-clock fallback on, lets quiet sources' time
     * run on so that silent vessels still time out. At most one sweep per second of wall time.
     */
    @Override
    public void tick() {
        long elapsed = ticker.millis();
        if (elapsed - lastSweepTickerMillis >= TICK_SWEEP_WALL_MILLIS) {
            sweep(elapsed);
        }
    }

    /**
     * Fires every timer that is due against its vessel's source watermark, {@code tickerMillis} a
     * {@link Ticker} reading, then forgets the vessels that may be forgotten.
     */
    void sweep(long tickerMillis) {
        lastSweepTickerMillis = tickerMillis;
        for (int s = 0; s < watermarks.size(); s++) {
            long mark = watermarks.current(s, tickerMillis);
            if (mark != Long.MIN_VALUE) {
                nextSweepMillis[s] = saturatedAdd(mark, sweepEveryMillis);
            }
        }
        for (Iterator<Map.Entry<VesselId, VesselSlot>> it = vessels.entries().iterator(); it.hasNext(); ) {
            Map.Entry<VesselId, VesselSlot> e = it.next();
            VesselSlot slot = e.getValue();
            if (slot.lastMillis == Long.MIN_VALUE) {
                continue;
            }
            long now = watermarks.current(slot.source, tickerMillis);
            Object[] states = slot.states;
            for (int i = 0; i < states.length; i++) {
                states[i] = timeOne(detectors.get(i), states[i], e.getKey(), now);
            }
            // now > lastMillis first: a source without a watermark (MIN_VALUE) must not overflow into "long silent"
            if (evictAfterMillis != Long.MAX_VALUE && now > slot.lastMillis && now - slot.lastMillis > evictAfterMillis
                    && noTimer(states)) {
                it.remove();
                quota.released(stationVessels[slot.home]);
                evicted++;
            }
        }
    }

    /**
     * Whether no detector waits for a time on this vessel: then nothing can fire for it until its next
     * fix, and forgetting it loses no timer. (Due timers fired just before this is asked.)
     */
    @SuppressWarnings("unchecked")
    private boolean noTimer(Object[] states) {
        for (int i = 0; i < states.length; i++) {
            if (((Detector<Object>) detectors.get(i)).wakeAtMillis(states[i]) != Detector.NO_TIMER) {
                return false;
            }
        }
        return true;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @SuppressWarnings("unchecked")
    private Object timeOne(Detector<?> detector, Object state, VesselId vessel, long now) {
        Detector<Object> d = (Detector<Object>) detector;
        long wake = d.wakeAtMillis(state);
        if (wake == Detector.NO_TIMER || wake > now) {
            return state;
        }
        enterTime(now);
        Step<Object> step;
        try {
            step = d.onTime(state, vessel, now, this);
        } catch (RuntimeException e) {
            logOnce(detector, vessel, e);
            deadLetters.accept(new DeadLetter(vessel.key(), RejectReason.DETECTOR_ERROR,
                    detector.name() + " timer: " + e, vessel.toString(), clock().instant()));
            return state;
        } finally {
            leave();
        }
        timersFired++;
        publish(step.events());
        return step.state();
    }

    @SuppressWarnings("unchecked")
    private Object stepOne(Detector<?> detector, Object state, Fix fix) {
        Object next;
        try {
            next = ((Detector<Object>) detector).advance(state, fix, this, stepEvents);
        } catch (RuntimeException e) {
            stepEvents.clear(); // events of a step that failed are not published
            logOnce(detector, fix.vessel(), e);
            deadLetters.accept(new DeadLetter(fix.site(), RejectReason.DETECTOR_ERROR,
                    detector.name() + ": " + e, fix.toString(), clock().instant()));
            return state;
        }
        if (!stepEvents.isEmpty()) {
            try {
                publish(stepEvents);
            } finally {
                stepEvents.clear(); // a sink that throws must not leave them to be published with the next step
            }
        }
        return next;
    }

    private void publish(List<Event> out) {
        for (int j = 0; j < out.size(); j++) {
            events.accept(out.get(j));
            emitted++;
        }
    }

    /**
     * Once per detector and exception type: a hostile feed must not flood the log. Every failure is
     * still a dead letter, and counted there.
     */
    private void logOnce(Detector<?> detector, VesselId vessel, RuntimeException e) {
        if (loggedFailures.add(detector.name() + '/' + e.getClass().getName())) {
            LOG.warn("detector {} failed on {}; vessel keeps its state (further {} are only dead-lettered): {}",
                    detector.name(), vessel, e.getClass().getSimpleName(), e.toString());
        }
    }

    Optional<Object> stateOf(VesselId vessel, int detectorIndex) {
        return vessels.stateOf(vessel, detectorIndex);
    }

    @Override
    public StageCounters counters() {
        return new StageCounters(processed, vessels.size(), outOfOrder, duplicates, timersFired, 0, evicted);
    }

    int vesselCount() {
        return vessels.size();
    }

    long processed() {
        return processed;
    }

    long emitted() {
        return emitted;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long duplicates() {
        return duplicates;
    }

    long timersFired() {
        return timersFired;
    }
}
