package io.watchkeeper.core.detect;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;

/**
 * A pure step function over small per-vessel state: the unit of detection.
 *
 * <p>The engine keeps one {@code S} per vessel and calls {@link #step} with each of that vessel's
 * fixes, in order, always from the one thread that owns the vessel. A step does no I/O and reads
 * time only from its context, so the same fixes give the same events (and the state can be
 * checkpointed and restored). If a step throws, the engine keeps the previous state and
 * dead-letters the fix.
 *
 * @param <S> the per-vessel state; keep it a small immutable record
 */
@Evolving
public interface Detector<S> {

    /** A short, stable name: it appears in events ({@code body.machine}) and event ids. */
    String name();

    /** The state of a vessel never seen before. */
    S initial(VesselId vessel);

    /** Consumes one fix; returns the next state and any events. */
    Step<S> step(S state, Fix fix, DetectorContext ctx);
}
