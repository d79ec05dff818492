package io.watchkeeper.core.detect.boat;

/**
 * Per-boat state: the machine's state, the last reported position and its event time.
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
public record BoatTrack(BoatState state, double lastX, double lastY, long lastEpochNanos, long crossingSinceNanos) {

    public static final BoatTrack INITIAL = new BoatTrack(BoatState.MOVING, 0.0, 0.0, Long.MIN_VALUE, Long.MIN_VALUE);

    public BoatTrack {
        java.util.Objects.requireNonNull(state, "state");
    }

    /** A planar track, which never waits for a crossing to last. */
    public BoatTrack(BoatState state, double lastX, double lastY, long lastEpochNanos) {
        this(state, lastX, lastY, lastEpochNanos, Long.MIN_VALUE);
    }
}
