package io.watchkeeper.core.detect.boat;

import java.time.Duration;
import java.util.Objects;

/**
 * When a real ship (lat/lon fixes) counts as resting (stopped): below {@code restBelowKnots} over
 * ground, and moving again only above {@code moveAboveKnots}. The band between them is the
 * hysteresis that keeps speed noise around one threshold from flapping the state; {@code minDwell}
 * is the second guard: a crossing counts only once every fix for that long has stayed on the new
 * side, so a single jittery report (a GPS jump gives a derived speed of several knots) changes
 * nothing.
 *
 * @param restBelowKnots speed under which a moving ship comes to rest (default 0.5 kn)
 * @param moveAboveKnots speed over which a resting ship moves again (default 1.0 kn)
 * @param minDwell       how long the new speed must hold before the state changes (default 60 s,
 *                       about 3 to 30 class A reports underway; a moored ship reports every 3 min, so
 *                       its stop is confirmed by its next report); zero changes on the first report
 */
public record SpeedProfile(double restBelowKnots, double moveAboveKnots, Duration minDwell) {

    public static final Duration DEFAULT_MIN_DWELL = Duration.ofSeconds(60);
    public static final SpeedProfile DEFAULT = new SpeedProfile(0.5, 1.0, DEFAULT_MIN_DWELL);

    public SpeedProfile {
        if (!(restBelowKnots > 0) || !(moveAboveKnots >= restBelowKnots) || Double.isInfinite(moveAboveKnots)) {
            throw new IllegalArgumentException("need 0 < restBelowKnots <= moveAboveKnots, got "
                    + restBelowKnots + " and " + moveAboveKnots);
        }
        Objects.requireNonNull(minDwell, "minDwell");
        if (minDwell.isNegative()) {
            throw new IllegalArgumentException("minDwell must not be negative, was " + minDwell);
        }
    }

    /** The band with the default dwell. */
    public SpeedProfile(double restBelowKnots, double moveAboveKnots) {
        this(restBelowKnots, moveAboveKnots, DEFAULT_MIN_DWELL);
    }

    public SpeedProfile withMinDwell(Duration d) {
        return new SpeedProfile(restBelowKnots, moveAboveKnots, d);
    }
}
