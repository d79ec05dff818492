package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * Writes one vessel's state for a checkpoint and reads it back. {@link #read} must read exactly what
 * {@link #write} wrote. Called off the vessel's thread, on a state the engine copied at a barrier; states
 * are immutable, so that is safe.
 *
 * @param <S> the state
 */
@Evolving
public interface StateCodec<S> {

    void write(S state, StateOut out) throws IOException;

    S read(StateIn in, VesselId vessel) throws IOException;
}
