package io.watchkeeper.server.cli;

/** The {@code --speed X} of replays: recording seconds per wall-clock second, 0 meaning as fast as possible. */
final class ReplaySpeed {

    private ReplaySpeed() {
    }

    /**
     * The factor a {@code Pacer} takes: {@code POSITIVE_INFINITY} for 0.
     *
     * @throws IllegalArgumentException for a negative or NaN speed, as one line for the CLI
     */
    static double pacing(double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("--speed must be 0 (as fast as possible) or more, got " + speed);
        }
        return speed == 0 ? Double.POSITIVE_INFINITY : speed;
    }
}
