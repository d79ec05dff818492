package io.watchkeeper.core.detect.boat;

/**
 * What the speed profile's guards look at: a real ship's speed over ground, the profile's band, and
 * how long its speed has been on the far side of the band (0 on the first such report).
 */
public record SpeedReport(double knots, SpeedProfile profile, long crossedForMillis) {

    public boolean slowerThanRest() {
        return knots < profile.restBelowKnots() && dwelt();
    }

    public boolean fasterThanMove() {
        return knots > profile.moveAboveKnots() && dwelt();
    }

    private boolean dwelt() {
        return crossedForMillis >= profile.minDwell().toMillis();
    }
}
