package io.watchkeeper.server.app;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.server.live.StateListener;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * A detector exactly as {@code inner}, that also tells a {@link StateListener} the machine state each
 * step leaves a vessel in. The engine keeps that state per vessel but shows it only through events; a
 * ship that has not changed state since it was first seen would otherwise look stateless on the map.
 * Names, timers and checkpoints are the inner detector's, so a checkpoint taken with the tap restores
 * without it and the other way round.
 *
 * @param machine the machine name the listener is told, as in the inner detector's events
 * @param stateOf the machine state held in the detector's per-vessel state
 */
record StateTap<S>(Detector<S> inner, String machine, Function<S, Enum<?>> stateOf, StateListener listener)
        implements Detector<S> {

    StateTap {
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(stateOf, "stateOf");
        Objects.requireNonNull(listener, "listener");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public S initial(VesselId vessel) {
        return inner.initial(vessel);
    }

    @Override
    public Step<S> step(S state, Fix fix, DetectorContext ctx) {
        Step<S> step = inner.step(state, fix, ctx);
        listener.onState(fix.vessel(), machine, stateOf.apply(step.state()));
        return step;
    }

    @Override
    public S advance(S state, Fix fix, DetectorContext ctx, List<Event> events) {
        S next = inner.advance(state, fix, ctx, events);
        listener.onState(fix.vessel(), machine, stateOf.apply(next));
        return next;
    }

    @Override
    public long wakeAtMillis(S state) {
        return inner.wakeAtMillis(state);
    }

    @Override
    public Step<S> onTime(S state, VesselId vessel, long nowMillis, DetectorContext ctx) {
        Step<S> step = inner.onTime(state, vessel, nowMillis, ctx);
        listener.onState(vessel, machine, stateOf.apply(step.state()));
        return step;
    }

    @Override
    public @Nullable StateCodec<S> codec() {
        return inner.codec();
    }
}
