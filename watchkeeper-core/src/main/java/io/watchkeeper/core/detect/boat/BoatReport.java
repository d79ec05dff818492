package io.watchkeeper.core.detect.boat;

/**
 * What the boat machine's guards look at: the reported position and the previous one.
 * The original compares the coordinates for exact equality, and so do we.
 */
public record BoatReport(double x, double y, double previousX, double previousY) {

    @SuppressWarnings("FloatingPointEquality") // exact equality is the original's documented semantics
    public boolean samePosition() {
        return x == previousX && y == previousY;
    }
}
