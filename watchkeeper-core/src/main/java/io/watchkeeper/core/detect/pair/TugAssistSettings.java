package io.watchkeeper.core.detect.pair;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of the {@link TugAssistDetector}.
 *
 * @param distanceMetres               a tug this close to another vessel may be assisting it
 * @param exitDistanceMetres           farther apart than this, an assist ends at once; also the grid's cell size
 * @param minSpeedKnots                both must be at least this fast ...
 * @param maxSpeedKnots                ... and at most this fast
 * @param maxSpeedDifferenceKnots      their speeds over ground may differ by at most this
 * @param maxCourseDifferenceDegrees   their courses over ground may differ by at most this (skipped when
 *                                     either course is unknown)
 * @param minDuration                  the conditions must hold for more than this before the assist starts
 * @param graceDuration                a started assist ends when the conditions have failed for this long
 * @param silenceDuration              a vessel not heard from for this long ends its assists and is forgotten
 * @param tugVessels                   vessel id keys (e.g. MMSIs) to treat as tugs whatever their AIS ship type
 * @param maxPairsPerVessel            bound on the pairs a vessel takes part in
 */
public record TugAssistSettings(double distanceMetres, double exitDistanceMetres, double minSpeedKnots,
                                double maxSpeedKnots, double maxSpeedDifferenceKnots,
                                double maxCourseDifferenceDegrees, Duration minDuration, Duration graceDuration,
                                Duration silenceDuration, Set<String> tugVessels, int maxPairsPerVessel) {

    /**
     * RTEC's maritime "tugging" pattern (Pitsikalis, Artikis et al., "Composite Event Recognition for
     * Maritime Monitoring", DEBS 2019; thresholds for the Brest data set): a tug (AIS ship type 52) in
     * proximity of a vessel that is not a tug or pilot vessel, both at "tugging speed" 1.2 to 15 kn, for
     * more than 300 s ({@code tuggingMin 1.2, tuggingMax 15.0, tuggingTime 300}); speeds within 3 kn and
     * courses within 60 degrees of each other ({@code tugSpeedDiffMax 3.0, tugAngleDiffMax 60.0}).
     * RTEC takes proximity as an input computed upstream and fixes no distance; 200 m is our choice:
     * harbour towlines are some tens of metres long, and the AIS antennas of a large ship and its bow
     * tug can be half a ship length (150 m and more) apart. Exit at 300 m, a 60 s grace period, a 10 min
     * silence and 8 pairs per vessel are our choices too.
     */
    public static final TugAssistSettings DEFAULTS = new TugAssistSettings(200.0, 300.0, 1.2, 15.0, 3.0, 60.0,
            Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofMinutes(10), Set.of(), 8);

    public TugAssistSettings {
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(graceDuration, "graceDuration");
        Objects.requireNonNull(silenceDuration, "silenceDuration");
        tugVessels = Set.copyOf(Objects.requireNonNull(tugVessels, "tugVessels"));
        if (!(distanceMetres > 0 && distanceMetres <= 10_000)) {
            throw new IllegalArgumentException("tug assist distanceMetres must be in (0, 10000], was " + distanceMetres);
        }
        if (!(exitDistanceMetres >= distanceMetres && exitDistanceMetres <= 20_000)) {
            throw new IllegalArgumentException("tug assist exitDistanceMetres must be >= distanceMetres ("
                    + distanceMetres + ") and <= 20000, was " + exitDistanceMetres);
        }
        if (!(minSpeedKnots >= 0 && maxSpeedKnots > minSpeedKnots)) {
            throw new IllegalArgumentException("tug assist speeds need 0 <= minSpeedKnots < maxSpeedKnots, were "
                    + minSpeedKnots + " and " + maxSpeedKnots);
        }
        if (!(maxSpeedDifferenceKnots >= 0)) {
            throw new IllegalArgumentException("tug assist maxSpeedDifferenceKnots must be >= 0, was "
                    + maxSpeedDifferenceKnots);
        }
        if (!(maxCourseDifferenceDegrees >= 0 && maxCourseDifferenceDegrees <= 180)) {
            throw new IllegalArgumentException("tug assist maxCourseDifferenceDegrees must be in [0, 180], was "
                    + maxCourseDifferenceDegrees);
        }
        if (minDuration.isNegative() || graceDuration.isNegative()) {
            throw new IllegalArgumentException("tug assist minDuration and graceDuration must be >= 0, were "
                    + minDuration + " and " + graceDuration);
        }
        if (silenceDuration.isNegative() || silenceDuration.isZero()) {
            throw new IllegalArgumentException("tug assist silenceDuration must be positive, was " + silenceDuration);
        }
        if (maxPairsPerVessel < 1) {
            throw new IllegalArgumentException("tug assist maxPairsPerVessel must be >= 1, was " + maxPairsPerVessel);
        }
    }

    /** These settings with {@code tugVessels} replaced. */
    public TugAssistSettings withTugVessels(Set<String> vessels) {
        return new TugAssistSettings(distanceMetres, exitDistanceMetres, minSpeedKnots, maxSpeedKnots,
                maxSpeedDifferenceKnots, maxCourseDifferenceDegrees, minDuration, graceDuration, silenceDuration,
                vessels, maxPairsPerVessel);
    }
}
