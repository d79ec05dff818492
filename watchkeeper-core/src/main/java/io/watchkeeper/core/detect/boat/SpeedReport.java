package io.watchkeeper.core.detect.boat;

/**
 * What the speed profile's guards look at: a real ship's speed over ground and the profile's band.
 */
public record SpeedReport(double knots, SpeedProfile profile) {

    public boolean slowerThanRest() {
        return knots < profile.restBelowKnots();
    }

    public boolean fasterThanMove() {
        return knots > profile.moveAboveKnots();
    }
}
