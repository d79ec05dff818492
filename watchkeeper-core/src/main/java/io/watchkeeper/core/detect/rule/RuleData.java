package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What a vessel in a user machine keeps besides its state, entry time and latest fix (those are in its
 * {@link io.watchkeeper.core.fsm.Place}). Which fields a machine uses depends on whether it has timers:
 *
 * @param facts the machine's fix conditions on the latest fix, one bit each: with timers, these are judged
 *              between fixes, when there is no fix to look at (0 without timers)
 * @param lat   without timers, the latitude of the fix that caused the latest transition, which a
 *              redelivery of it is recognised by (with timers the place keeps the latest fix); else NaN
 * @param lon   its longitude, or NaN
 */
public record RuleData(long facts, double lat, double lon) {

    /** A vessel not seen yet, and a machine with timers before its facts change: one shared value. */
    static final RuleData NONE = new RuleData(0L, Double.NaN, Double.NaN);

    /** The same data with these facts; itself when they did not change, so most fixes allocate nothing. */
    RuleData withFacts(long newFacts) {
        return newFacts == facts ? this : new RuleData(newFacts, lat, lon);
    }

    /** Where {@code fix} was, for a machine without timers. */
    static RuleData at(Fix fix) {
        return new RuleData(0L, fix.lat(), fix.lon());
    }

    private static final int HAS_LAT = 1;
    private static final int HAS_LON = 2;

    /** Checkpoint form: a flag byte, the fact bits, and the position when known. */
    static final StateCodec<RuleData> CODEC = new StateCodec<>() {
        @Override
        public void write(RuleData d, StateOut out) throws IOException {
            int flags = (Double.isNaN(d.lat) ? 0 : HAS_LAT) | (Double.isNaN(d.lon) ? 0 : HAS_LON);
            out.writeByte(flags);
            out.writeVarLong(d.facts);
            if ((flags & HAS_LAT) != 0) {
                out.writeDouble(d.lat);
            }
            if ((flags & HAS_LON) != 0) {
                out.writeDouble(d.lon);
            }
        }

        @Override
        public RuleData read(StateIn in, VesselId vessel) throws IOException {
            int flags = in.readByte();
            if ((flags & ~(HAS_LAT | HAS_LON)) != 0) {
                throw new IOException("corrupt checkpoint: rule data flags " + flags);
            }
            long facts = in.readVarLong();
            double lat = (flags & HAS_LAT) != 0 ? in.readDouble() : Double.NaN;
            double lon = (flags & HAS_LON) != 0 ? in.readDouble() : Double.NaN;
            RuleData d = new RuleData(facts, lat, lon);
            return d.equals(NONE) ? NONE : d;
        }
    };
}
