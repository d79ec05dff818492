package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * A detector over pairs of vessels (encounters, tug assists). Unlike a per-vessel
 * {@link io.watchkeeper.core.detect.Detector}, it must see every vessel, so the engine runs all pair
 * detectors on one stage of their own: one thread owns them, and with them their spatial index and
 * pair states (the threading rule of the engine, applied to pairs). It receives the fixes that the
 * per-vessel stage accepted (in order per vessel, duplicates already dropped), geographic ones only.
 *
 * <p>Implementations keep mutable state and are not thread-safe; they do no I/O and read time only
 * from fixes and the context, so a replay gives the same events.
 */
@Evolving
public interface PairDetector {

    /** A short, stable name: {@code body.machine} of its events and part of their ids. */
    String name();

    /** Each pair's lifecycle as a declared machine, for {@code watchkeeper machines}; null if it has none. */
    default @Nullable Machine<?, ?> machine() {
        return null;
    }

    /** One accepted geographic fix of any vessel. */
    void accept(Fix fix, DetectorContext ctx, EventSink out);

    /**
     * Event time has reached {@code nowMillis}: end pairs that are over because a vessel went silent
     * or moved away, and forget vessels not heard from for long. Called on the engine's sweep.
     */
    void advanceTo(long nowMillis, DetectorContext ctx, EventSink out);

    /** Vessels currently in the spatial index. */
    int trackedVessels();

    /** Pairs currently close together (candidates or ongoing). */
    int trackedPairs();

    /**
     * Writes this detector's whole state (vessels, pairs, due times) for a checkpoint. Called on the
     * pair stage's own thread at a barrier, so it must be quick: no more than a copy into bytes.
     *
     * @throws UnsupportedOperationException if this detector cannot be checkpointed (the default)
     */
    default void writeState(StateOut out) throws IOException {
        throw new UnsupportedOperationException("pair detector " + name() + " cannot be checkpointed");
    }

    /** Replaces this detector's state with what {@link #writeState} wrote. Only on a fresh detector. */
    default void readState(StateIn in) throws IOException {
        throw new UnsupportedOperationException("pair detector " + name() + " cannot be checkpointed");
    }
}
