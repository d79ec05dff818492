package io.watchkeeper.core.detect;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * A pure step function over small per-vessel state: the unit of detection. Detectors are written as a
 * {@link io.watchkeeper.core.fsm.Machine}, which implements this; the interface is what the engine
 * calls.
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

    /**
     * {@link #step}, with the events added to {@code events} rather than returned: the engine calls this,
     * once per detector per fix, and a {@link io.watchkeeper.core.fsm.Machine} does it without allocating
     * a {@link Step}. Nothing to implement: the default calls {@link #step}.
     */
    default S advance(S state, Fix fix, DetectorContext ctx, List<Event> events) {
        Step<S> step = step(state, fix, ctx);
        events.addAll(step.events());
        return step.state();
    }

    /** {@link #wakeAtMillis} of a state that waits for nothing. */
    long NO_TIMER = Long.MAX_VALUE;

    /**
     * The event time (epoch ms) at which this state wants {@link #onTime} even if the vessel sends
     * nothing more, e.g. the moment a silence becomes an AIS gap; {@link #NO_TIMER} if none.
     *
     * <p>A timer is data in the state, not a scheduled task: the engine compares it with the event-time
     * watermark of the vessel's source on its periodic sweep, so a million vessels need no timer
     * threads and a replay fires exactly where the live run did.
     */
    default long wakeAtMillis(S state) {
        return NO_TIMER;
    }

    /**
     * Event time has reached {@code nowMillis}, at or past {@link #wakeAtMillis}, with no fix of this
     * vessel in between. Events should carry the time they were due, which the state knows, rather
     * than {@code nowMillis}, so that the sweep interval never shows in the output.
     */
    default Step<S> onTime(S state, VesselId vessel, long nowMillis, DetectorContext ctx) {
        return Step.quiet(state);
    }

    /**
     * How one vessel's state is checkpointed; null (the default) if this detector cannot be. A
     * {@link io.watchkeeper.core.fsm.Machine} brings its own, from the codec of its data.
     */
    default @Nullable StateCodec<S> codec() {
        return null;
    }

    /**
     * {@code d}'s codec.
     *
     * @throws UnsupportedOperationException naming the detector if it cannot be checkpointed
     */
    static <S> StateCodec<S> codecOf(Detector<S> d) {
        StateCodec<S> codec = d.codec();
        if (codec == null) {
            throw new UnsupportedOperationException("detector " + d.name() + " cannot be checkpointed");
        }
        return codec;
    }
}
