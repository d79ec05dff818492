package io.watchkeeper.core.detect.pair;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the {@link EncounterDetector}.
 *
 * @param distanceMetres          two vessels closer than this may be meeting
 * @param exitDistanceMetres      a started encounter ends when they are farther apart than this
 *                                (hysteresis against GPS noise around {@code distanceMetres}); also the
 *                                grid's cell size
 * @param minDuration             how long they must stay close before the encounter starts
 * @param maxMedianSpeedKnots     the median speed over ground of both vessels' fixes while close must be
 *                                below this
 * @param minPortDistanceMetres   fixes closer than this to an anchorage or port zone restart the clock of
 *                                a candidate (and form no new candidates); the zone set's margin must be
 *                                at least this for the check to see them
 * @param silenceDuration         a vessel not heard from for this long ends its encounters and is forgotten
 * @param maxPairsPerVessel       bound on the candidate pairs a vessel takes part in (a crowded anchorage
 *                                outside the zone set must not grow state quadratically)
 */
public record EncounterSettings(double distanceMetres, double exitDistanceMetres, Duration minDuration,
                                double maxMedianSpeedKnots, double minPortDistanceMetres, Duration silenceDuration,
                                int maxPairsPerVessel) {

    /**
     * Global Fishing Watch's encounter: "two vessels within 500 meters of one another for a duration of
     * at least 2 hours, traveling at a median speed of less than 2 knots, and located at least 10 km
     * from a coastal anchorage" (GFW, "What is a vessel encounter?", globalfishingwatch.org FAQ; also
     * Miller et al. 2018, "Identifying global patterns of transshipment behavior", Front. Mar. Sci. 5:240).
     * Our own choices, not GFW's: exit at 600 m (1.2 x), a 1 h silence ends an encounter, 8 pairs per vessel.
     */
    public static final EncounterSettings DEFAULTS = new EncounterSettings(500.0, 600.0, Duration.ofHours(2), 2.0,
            10_000.0, Duration.ofHours(1), 8);

    public EncounterSettings {
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(silenceDuration, "silenceDuration");
        if (!(distanceMetres > 0 && distanceMetres <= 50_000)) {
            throw new IllegalArgumentException("encounter distanceMetres must be in (0, 50000], was " + distanceMetres);
        }
        if (!(exitDistanceMetres >= distanceMetres && exitDistanceMetres <= 100_000)) {
            throw new IllegalArgumentException("encounter exitDistanceMetres must be >= distanceMetres ("
                    + distanceMetres + ") and <= 100000, was " + exitDistanceMetres);
        }
        if (minDuration.isNegative() || minDuration.isZero()) {
            throw new IllegalArgumentException("encounter minDuration must be positive, was " + minDuration);
        }
        if (!(maxMedianSpeedKnots > 0)) {
            throw new IllegalArgumentException("encounter maxMedianSpeedKnots must be > 0, was " + maxMedianSpeedKnots);
        }
        if (!(minPortDistanceMetres >= 0)) {
            throw new IllegalArgumentException("encounter minPortDistanceMetres must be >= 0, was "
                    + minPortDistanceMetres);
        }
        if (silenceDuration.isNegative() || silenceDuration.isZero()) {
            throw new IllegalArgumentException("encounter silenceDuration must be positive, was " + silenceDuration);
        }
        if (maxPairsPerVessel < 1) {
            throw new IllegalArgumentException("encounter maxPairsPerVessel must be >= 1, was " + maxPairsPerVessel);
        }
    }
}
