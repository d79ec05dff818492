package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What the gap machine keeps besides its state and the latest fix: whether that fix was in port, which
 * sets the silence that counts as a gap. Two shared values, so a fix allocates nothing here.
 */
public record GapState(boolean lastInPort) {

    public static final GapState AT_SEA = new GapState(false);
    public static final GapState IN_PORT = new GapState(true);

    public static GapState of(boolean inPort) {
        return inPort ? IN_PORT : AT_SEA;
    }

    /** Checkpoint form: one byte. */
    static final StateCodec<GapState> CODEC = new StateCodec<>() {
        @Override
        public void write(GapState s, StateOut out) throws IOException {
            out.writeBoolean(s.lastInPort);
        }

        @Override
        public GapState read(StateIn in, VesselId vessel) throws IOException {
            return of(in.readBoolean());
        }
    };
}
