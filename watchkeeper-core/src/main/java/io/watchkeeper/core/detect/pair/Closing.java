package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What a pair at risk of collision keeps besides its state.
 *
 * @param fixes        consecutive fixes that confirm the next step: that find the risk (watching), or
 *                     that find it over (warning)
 * @param sinceMillis  when the risk was first found without a break
 * @param lowInPort    the lower vessel's latest fix was inside a port, berth or anchorage zone
 * @param highInPort   the same for the other vessel
 */
record Closing(int fixes, long sinceMillis, boolean lowInPort, boolean highInPort) {

    /** Either vessel is in port: the port thresholds apply. */
    boolean inPort() {
        return lowInPort || highInPort;
    }

    /** The same after a fix of the lower ({@code low}) or higher vessel that was or was not in port. */
    Closing seenInPort(boolean low, boolean inPort) {
        if (inPort == (low ? lowInPort : highInPort)) {
            return this; // the usual case: no new object on a fix that changes nothing
        }
        return low ? new Closing(fixes, sinceMillis, inPort, highInPort)
                : new Closing(fixes, sinceMillis, lowInPort, inPort);
    }

    /** One more confirming fix. */
    Closing confirmed() {
        return new Closing(fixes + 1, sinceMillis, lowInPort, highInPort);
    }

    /** The count starts again (a fix that did not confirm). */
    Closing unconfirmed() {
        return fixes == 0 ? this : new Closing(0, sinceMillis, lowInPort, highInPort);
    }

    private static final int LOW_IN_PORT = 1;
    private static final int HIGH_IN_PORT = 2;

    /** About 12 bytes: the flags, the count, the time. */
    static final StateCodec<Closing> CODEC = new StateCodec<>() {
        @Override
        public void write(Closing c, StateOut out) throws IOException {
            out.writeByte((c.lowInPort ? LOW_IN_PORT : 0) | (c.highInPort ? HIGH_IN_PORT : 0));
            out.writeVarInt(c.fixes);
            out.writeLong(c.sinceMillis);
        }

        @Override
        public Closing read(StateIn in, VesselId vessel) throws IOException {
            int flags = in.readByte();
            if ((flags & ~(LOW_IN_PORT | HIGH_IN_PORT)) != 0) {
                throw new IOException("corrupt checkpoint: cpa pair flags " + flags);
            }
            int fixes = in.readCount(Integer.MAX_VALUE);
            return new Closing(fixes, in.readLong(), (flags & LOW_IN_PORT) != 0, (flags & HIGH_IN_PORT) != 0);
        }
    };
}
