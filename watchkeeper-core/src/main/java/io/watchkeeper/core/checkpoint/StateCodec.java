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

    /**
     * The codec of data that is always one of two shared values (a flag): one byte, and reading gives
     * back the shared instance, so a million vessels hold two objects.
     */
    static <S> StateCodec<S> oneOf(S whenFalse, S whenTrue) {
        return new StateCodec<>() {
            @Override
            public void write(S state, StateOut out) throws IOException {
                out.writeBoolean(state.equals(whenTrue));
            }

            @Override
            public S read(StateIn in, VesselId vessel) throws IOException {
                int b = in.readByte();
                if (b != 0 && b != 1) {
                    throw new IOException("corrupt checkpoint: flag byte " + b);
                }
                return b == 1 ? whenTrue : whenFalse;
            }
        };
    }
}
