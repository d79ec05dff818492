package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * A vessel's reporting state: its last fix (shared with the engine, so it costs a reference), whether
 * that fix was in port, and whether a gap is open.
 */
public record GapState(@Nullable Fix last, boolean lastInPort, boolean open) {

    public static final GapState INITIAL = new GapState(null, false, false);

    /** Checkpoint form: one byte of flags and the last fix without its vessel (about 45 bytes from AIS). */
    static void write(GapState s, StateOut out) throws IOException {
        out.writeByte((s.lastInPort ? 1 : 0) | (s.open ? 2 : 0));
        out.writeFixOf(s.last);
    }

    static GapState read(StateIn in, VesselId vessel) throws IOException {
        int flags = in.readByte();
        if ((flags & ~3) != 0) {
            throw new IOException("corrupt checkpoint: gap flags " + flags);
        }
        Fix last = in.readFixOf(vessel);
        GapState s = new GapState(last, (flags & 1) != 0, (flags & 2) != 0);
        return s.equals(INITIAL) ? INITIAL : s;
    }
}
