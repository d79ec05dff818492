package io.watchkeeper.core.fsm;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.fix.Fix;
import org.jetbrains.annotations.Nullable;

/**
 * One vessel's place in a {@link Machine}: immutable, owned by the engine, replaced on each step that
 * changes it. The machine keeps the fields every machine needs; {@code data} is the detector's own.
 *
 * @param state           index of the state in {@link Machine#states()}
 * @param enteredAtMillis event time the state was entered; {@link Long#MIN_VALUE} for the initial state
 *                        of a vessel not seen yet
 * @param dueAtMillis     the earliest event time at which a timer of this state fires;
 *                        {@link io.watchkeeper.core.detect.Detector#NO_TIMER} if none (derived: it is not
 *                        checkpointed, but computed again when read)
 * @param lastFix         the latest fix, the cause of timer events; kept only by machines with timers
 *                        (it is a reference to the engine's fix, not a copy)
 * @param data            what else the machine needs, a small immutable record
 * @param <D>             the data
 */
@Evolving
public record Place<D>(int state, long enteredAtMillis, long dueAtMillis, @Nullable Fix lastFix, D data) {

    public Place {
        java.util.Objects.requireNonNull(data, "data");
    }

    /** Event time of {@link #lastFix} in epoch ms, or {@link Long#MIN_VALUE} before it. */
    public long lastFixMillis() {
        return lastFix == null ? Long.MIN_VALUE : lastFix.time().toEpochMilli();
    }

    /** The same place with other data. */
    public Place<D> with(D newData) {
        return newData == data ? this : new Place<>(state, enteredAtMillis, dueAtMillis, lastFix, newData);
    }
}
