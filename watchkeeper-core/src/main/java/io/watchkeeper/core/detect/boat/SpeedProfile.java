package io.watchkeeper.core.detect.boat;

/**
 * When a real ship (lat/lon fixes) counts as resting: below {@code restBelowKnots} over ground, and
 * moving again only above {@code moveAboveKnots}. The band between them is the hysteresis that keeps
 * GPS jitter around one threshold from flapping the state.
 *
 * @param restBelowKnots speed under which a moving ship comes to rest (default 0.5 kn, issue B)
 * @param moveAboveKnots speed over which a resting ship moves again (default 1.0 kn)
 */
public record SpeedProfile(double restBelowKnots, double moveAboveKnots) {

    public static final SpeedProfile DEFAULT = new SpeedProfile(0.5, 1.0);

    public SpeedProfile {
        if (!(restBelowKnots > 0) || !(moveAboveKnots >= restBelowKnots) || Double.isInfinite(moveAboveKnots)) {
            throw new IllegalArgumentException("need 0 < restBelowKnots <= moveAboveKnots, got "
                    + restBelowKnots + " and " + moveAboveKnots);
        }
    }
}
