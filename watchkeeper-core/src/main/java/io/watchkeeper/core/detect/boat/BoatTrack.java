package io.watchkeeper.core.detect.boat;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What the boat machine keeps besides its state: the last reported position and its event time.
 * A new boat is MOVING at (0, 0), so that a first report at (0, 0) means RESTING (the original's rule).
 * For a ship reporting lat/lon, {@code lastX}/{@code lastY} hold the latitude/longitude its speed
 * is derived from when it reports none.
 *
 * @param lastEpochNanos    event time of the last report in nanoseconds since the epoch, or
 *                          {@link Long#MIN_VALUE} before the first; it tells a redelivered report
 *                          (same time, same place) from a boat that really stayed put
 * @param crossingSinceNanos for lat/lon: since when the speed has been on the far side of the band
 *                          (below rest while MOVING, above move while RESTING), or
 *                          {@link Long#MIN_VALUE} when it is not
 */
public record BoatTrack(double lastX, double lastY, long lastEpochNanos, long crossingSinceNanos) {

    public static final BoatTrack INITIAL = new BoatTrack(0.0, 0.0, Long.MIN_VALUE, Long.MIN_VALUE);

    /**
     * Checkpoint form, 25 bytes: the two coordinates as they are (exact equality is the planar rule),
     * the last time in full and the crossing start relative to it (1 byte when there is none).
     */
    static final StateCodec<BoatTrack> CODEC = new StateCodec<>() {
        @Override
        public void write(BoatTrack t, StateOut out) throws IOException {
            out.writeDouble(t.lastX);
            out.writeDouble(t.lastY);
            out.writeLong(t.lastEpochNanos);
            out.writeTimeMillis(t.crossingSinceNanos, t.lastEpochNanos); // nanos, but the delta form is unit-free
        }

        @Override
        public BoatTrack read(StateIn in, VesselId vessel) throws IOException {
            double x = in.readDouble();
            double y = in.readDouble();
            long last = in.readLong();
            BoatTrack t = new BoatTrack(x, y, last, in.readTimeMillis(last));
            return t.equals(INITIAL) ? INITIAL : t;
        }
    };
}
