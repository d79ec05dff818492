package io.watchkeeper.core.detect.boat;

/**
 * Per-boat state: the machine's state and the last reported position. 24 bytes of payload.
 * A new boat is MOVING at (0, 0), so that a first report at (0, 0) means RESTING (the original's rule).
 */
public record BoatTrack(BoatState state, double lastX, double lastY) {

    public static final BoatTrack INITIAL = new BoatTrack(BoatState.MOVING, 0.0, 0.0);

    public BoatTrack {
        java.util.Objects.requireNonNull(state, "state");
    }
}
