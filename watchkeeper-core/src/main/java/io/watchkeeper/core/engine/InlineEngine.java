package io.watchkeeper.core.engine;

import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine on the caller's thread: one partition and the pair stage, run in submission order.
 * For replays and tools, where determinism matters more than a second core: the same fixes in the
 * same order always give the same events in the same order. Not thread-safe; one thread owns it.
 */
public final class InlineEngine {

    private final Partition partition;
    private final PairStage pairs;
    private long submitted;

    public InlineEngine(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock) {
        this(setup, events, deadLetters, clock, Ticker.SYSTEM);
    }

    /** @param ticker what the wall-clock fallback counts; a test's, to tell elapsed time from a clock set forward */
    InlineEngine(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock, Ticker ticker) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(clock, "clock");
        this.pairs = new PairStage(setup, events, deadLetters, clock, ticker);
        this.partition = new Partition(setup, events, deadLetters, clock, ticker,
                setup.pairDetectors().isEmpty() ? f -> { } : pairs::process, s -> { }, b -> { }, 0,
                new StationQuota(setup.limits()));
    }

    public void submit(Fix fix) {
        submitted++;
        partition.process(fix);
    }

    /** Lets quiet sources' time run on when the setup has the wall-clock fallback; see {@link Engine}. */
    public void tick() {
        partition.tick();
        pairs.tick();
    }

    /** The partition, for the test driver's looks at per-vessel state (same package). */
    Partition partition() {
        return partition;
    }

    public EngineStats stats() {
        StageCounters c = partition.counters();
        StageCounters p = pairs.counters();
        return new EngineStats(submitted, c.processed(), 0, c.vessels(), 0, 0, c.outOfOrder(), c.duplicates(),
                c.timersFired(), p.pairs(), c.evicted());
    }
}
