package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What a tug-assist pair keeps besides its state.
 *
 * @param tugIsLow       the tug is the pair's lower vessel
 * @param sinceMillis    when the conditions began to hold without a break; {@link #NOT_HOLDING} if they do not
 * @param lastHeldMillis the latest fix at which they held
 * @param distanceMetres the latest distance (events report it)
 * @param holding        they held at the latest fix
 */
record Tugging(boolean tugIsLow, long sinceMillis, long lastHeldMillis, double distanceMetres, boolean holding) {

    static final long NOT_HOLDING = Long.MIN_VALUE;

    static Tugging starting(boolean tugIsLow) {
        return new Tugging(tugIsLow, NOT_HOLDING, 0L, 0.0, false);
    }

    /** The same with the latest distance. */
    Tugging at(double metres) {
        return new Tugging(tugIsLow, sinceMillis, lastHeldMillis, metres, holding);
    }

    /** The conditions held at a fix at {@code nowMillis}, {@code metres} apart. */
    Tugging heldAt(long nowMillis, double metres) {
        return new Tugging(tugIsLow, sinceMillis == NOT_HOLDING ? nowMillis : sinceMillis,
                Math.max(lastHeldMillis, nowMillis), metres, true);
    }

    /**
     * The conditions failed at a fix {@code metres} apart; {@code broken} restarts their time (RTEC's
     * intervals must hold without a break).
     */
    Tugging failedAt(double metres, boolean broken) {
        return new Tugging(tugIsLow, broken ? NOT_HOLDING : sinceMillis, lastHeldMillis, metres, false);
    }

    private static final int TUG_IS_LOW = 1;
    private static final int HOLDING = 2;

    /** About 15 bytes: two flags, the two times, the distance as it is. */
    static final StateCodec<Tugging> CODEC = new StateCodec<>() {
        @Override
        public void write(Tugging t, StateOut out) throws IOException {
            out.writeByte((t.tugIsLow ? TUG_IS_LOW : 0) | (t.holding ? HOLDING : 0));
            out.writeTimeMillis(t.sinceMillis, Long.MIN_VALUE);
            out.writeTimeMillis(t.lastHeldMillis, t.sinceMillis);
            out.writeDouble(t.distanceMetres);
        }

        @Override
        public Tugging read(StateIn in, VesselId vessel) throws IOException {
            int flags = in.readByte();
            if ((flags & ~(TUG_IS_LOW | HOLDING)) != 0) {
                throw new IOException("corrupt checkpoint: tug pair flags " + flags);
            }
            long since = in.readTimeMillis(Long.MIN_VALUE);
            long lastHeld = in.readTimeMillis(since);
            return new Tugging((flags & TUG_IS_LOW) != 0, since, lastHeld, in.readDouble(), (flags & HOLDING) != 0);
        }
    };
}
