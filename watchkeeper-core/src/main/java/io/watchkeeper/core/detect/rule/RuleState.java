package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import java.io.IOException;
import java.util.Objects;

/**
 * One vessel's place in a {@link RuleMachine}: a few primitives, so a million vessels stay small.
 *
 * @param state           index into {@link RuleMachine#states()}
 * @param enteredAtMillis event time the state was entered; {@link Long#MIN_VALUE} before the first fix
 * @param lastFixMillis   event time of the latest fix; for machines without time conditions only of the
 *                        fix that caused the latest transition (nothing else reads it); MIN_VALUE before any
 * @param facts           the machine's fix conditions on that fix, one bit each: timers judge them
 *                        between fixes, when there is no fix to look at
 * @param lat             latitude of that fix (NaN if it had none): the position of timer events' cause
 * @param lon             longitude of that fix, or NaN
 * @param site            site of that fix: timer events are published under it
 */
public record RuleState(int state, long enteredAtMillis, long lastFixMillis, long facts, double lat, double lon,
                        String site) {

    public RuleState {
        Objects.requireNonNull(site, "site");
        if (state < 0) {
            throw new IllegalArgumentException("state index must be >= 0, was " + state);
        }
    }

    /** A vessel not seen yet, in state {@code initial}. */
    static RuleState initial(int initial) {
        return new RuleState(initial, Long.MIN_VALUE, Long.MIN_VALUE, 0L, Double.NaN, Double.NaN, "");
    }

    private static final int HAS_LAT = 1;
    private static final int HAS_LON = 2;

    /**
     * Checkpoint form: the state's index, the latest fix's time in full and the entry relative to it,
     * the fact bits, the position (when known) and the site: about 30 bytes. The index is only
     * meaningful for the same machine; {@link #read} refuses one the machine does not have.
     */
    static void write(RuleState s, StateOut out) throws IOException {
        out.writeVarInt(s.state);
        int flags = (Double.isNaN(s.lat) ? 0 : HAS_LAT) | (Double.isNaN(s.lon) ? 0 : HAS_LON);
        out.writeByte(flags);
        out.writeTimeMillis(s.lastFixMillis, Long.MIN_VALUE);
        out.writeTimeMillis(s.enteredAtMillis, s.lastFixMillis);
        out.writeVarLong(s.facts);
        if ((flags & HAS_LAT) != 0) {
            out.writeDouble(s.lat);
        }
        if ((flags & HAS_LON) != 0) {
            out.writeDouble(s.lon);
        }
        out.writeShortString(s.site);
    }

    static RuleState read(StateIn in, int stateCount) throws IOException {
        int state = in.readVarInt();
        if (state < 0 || state >= stateCount) {
            throw new IOException("checkpoint has state index " + state + ", but the machine has " + stateCount
                    + " states: was it written with another rules file?");
        }
        int flags = in.readByte();
        if ((flags & ~(HAS_LAT | HAS_LON)) != 0) {
            throw new IOException("corrupt checkpoint: rule state flags " + flags);
        }
        long lastFix = in.readTimeMillis(Long.MIN_VALUE);
        long entered = in.readTimeMillis(lastFix);
        long facts = in.readVarLong();
        double lat = (flags & HAS_LAT) != 0 ? in.readDouble() : Double.NaN;
        double lon = (flags & HAS_LON) != 0 ? in.readDouble() : Double.NaN;
        return new RuleState(state, entered, lastFix, facts, lat, lon, in.readSharedString());
    }

    boolean seen() {
        return lastFixMillis != Long.MIN_VALUE;
    }
}
