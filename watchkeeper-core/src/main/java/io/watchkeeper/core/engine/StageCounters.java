package io.watchkeeper.core.engine;

/** A snapshot of one stage's counters; see {@link EngineStats} for their meaning. */
public record StageCounters(long processed, long vessels, long outOfOrder, long duplicates, long timersFired,
                     long pairs, long evicted) {

    public static final StageCounters ZERO = new StageCounters(0, 0, 0, 0, 0, 0, 0);
}
