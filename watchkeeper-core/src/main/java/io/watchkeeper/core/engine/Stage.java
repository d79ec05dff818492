package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.Fix;

/** What a {@link Worker} thread drives: a partition of vessels, or the pair stage. Owned by that thread. */
interface Stage {

    void process(Fix fix);

    /** Called when the worker is idle, so that time-driven work still happens on a quiet feed. */
    void tick();

    /** The stage's counters, read on its own thread and handed to others as an immutable value. */
    StageCounters counters();
}
