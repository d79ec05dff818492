package io.watchkeeper.core.detect.boat;

/**
 * Per-boat state: the machine's state, the last reported position and its event time.
 * A new boat is MOVING at (0, 0), so that a first report at (0, 0) means RESTING (the original's rule).
 * For a ship reporting lat/lon, {@code lastX}/{@code lastY} hold its last latitude/longitude.
 *
 * @param lastEpochNanos event time of the last report in nanoseconds since the epoch, or
 *                       {@link Long#MIN_VALUE} before the first; it tells a redelivered report
 *                       (same time, same place) from a boat that really stayed put
 */
public record BoatTrack(BoatState state, double lastX, double lastY, long lastEpochNanos) {

    public static final BoatTrack INITIAL = new BoatTrack(BoatState.MOVING, 0.0, 0.0, Long.MIN_VALUE);

    public BoatTrack {
        java.util.Objects.requireNonNull(state, "state");
    }
}
