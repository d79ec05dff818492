package io.watchkeeper.core.engine;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs detectors exactly as the engine does, on the caller's thread, with a wall clock the test
 * moves: feed fixes, read events, dead letters and per-vessel state. No threads, no sockets, no sleeps.
 */
public final class EngineTestDriver {

    private final List<Event> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final ManualClock clock;
    /** Elapsed time as the engine's monotonic ticker sees it: moved by {@link #advanceWallClock} only. */
    private final AtomicLong tickerMillis = new AtomicLong();
    private final List<Detector<?>> detectors;
    private final InlineEngine engine;
    private final Partition partition;

    public EngineTestDriver(List<Detector<?>> detectors) {
        this(detectors, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public EngineTestDriver(List<Detector<?>> detectors, Instant wallClockStart) {
        this(DetectionSetup.of(detectors), wallClockStart);
    }

    /**
     * A driver for a whole setup: zones, static data and pair detectors too. Pair detectors run
     * inline, right after the partition accepted each fix, as the engine's single pair thread would.
     */
    public EngineTestDriver(DetectionSetup setup, Instant wallClockStart) {
        this.detectors = setup.detectors();
        this.clock = new ManualClock(wallClockStart);
        this.engine = new InlineEngine(setup, events::add, deadLetters::add, clock, tickerMillis::get);
        this.partition = engine.partition();
    }

    /** What the engine's idle tick does: with the wall-clock fallback, lets quiet sources' time run on. */
    public EngineTestDriver tick() {
        engine.tick();
        return this;
    }

    /** The partition's counters: processed, vessels, out of order, duplicates, timers fired. */
    public StageCounters counters() {
        return partition.counters();
    }

    public EngineTestDriver feed(Fix fix) {
        engine.submit(fix);
        return this;
    }

    public EngineTestDriver feedAll(Iterable<Fix> fixes) {
        fixes.forEach(this::feed);
        return this;
    }

    /** Time passes: the wall clock and the engine's monotonic ticker both move on by {@code d}. */
    public EngineTestDriver advanceWallClock(Duration d) {
        clock.advance(d);
        tickerMillis.addAndGet(d.toMillis());
        return this;
    }

    /** Someone sets the system clock: the wall clock moves by {@code d}, no time passes. */
    public EngineTestDriver jumpWallClock(Duration d) {
        clock.advance(d);
        return this;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Returns the events so far and forgets them. */
    public List<Event> takeEvents() {
        List<Event> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** The state of {@code vessel} for the detector of that class, if the vessel was seen. */
    public <S> Optional<S> state(VesselId vessel, Class<? extends Detector<S>> detectorClass) {
        for (int i = 0; i < detectors.size(); i++) {
            if (detectorClass.isInstance(detectors.get(i))) {
                @SuppressWarnings("unchecked")
                Optional<S> s = (Optional<S>) partition.stateOf(vessel, i);
                return s;
            }
        }
        throw new IllegalArgumentException("no detector of " + detectorClass.getName());
    }

    public int vesselCount() {
        return partition.vesselCount();
    }
}
