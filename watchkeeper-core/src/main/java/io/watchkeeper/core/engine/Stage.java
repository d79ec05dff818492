package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.Fix;

/** What a {@link Worker} thread drives: a partition of vessels, or the pair stage. Owned by that thread. */
interface Stage {

    void process(Fix fix);

    /** A fix with its place in submit order (only when the engine has a pair stage); null: nothing at that place. */
    default void process(Sequenced s) {
        if (s.fix() != null) {
            process(s.fix());
        }
    }

    /** Everything before {@code barrier} in the queue is done: add this stage's part and pass it on. */
    void barrier(Barrier barrier);

    /** Called when the worker is idle, so that time-driven work still happens on a quiet feed. */
    void tick();

    /** The stage's counters, read on its own thread and handed to others as an immutable value. */
    StageCounters counters();
}
