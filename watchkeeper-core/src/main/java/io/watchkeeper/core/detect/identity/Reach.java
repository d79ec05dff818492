package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;

/**
 * Whether a vessel could have gone from one position to another in the time between: the test that
 * {@link PositionJumpDetector} and {@link DuplicateMmsiDetector} share. A move is impossible only if it
 * is both longer than a minimum distance (so GPS noise over a few seconds never counts) and faster
 * than a speed limit; over a long silence the implied speed is low, so the first fix after a gap
 * passes on its own.
 *
 * <p>Most fixes are a few tens of metres from the last one: a trig-free upper bound of the distance
 * settles them before the haversine is computed.
 */
final class Reach {

    private static final double RADIANS_PER_DEGREE = Math.PI / 180.0;

    private Reach() {
    }

    /** A fix whose lat/lon a receiver could have reported. */
    static boolean hasPosition(Fix fix) {
        return fix.isGeo() && Geo.isValid(fix.lat(), fix.lon());
    }

    /**
     * An upper bound of the great-circle distance: the path along the meridian, then along the parallel
     * (whose length is at most the equator's for the same longitude difference), is never shorter.
     */
    static double upperBoundMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.abs(lat2 - lat1);
        double dLon = Math.abs(lon2 - lon1);
        if (dLon > 180.0) {
            dLon = 360.0 - dLon; // across the antimeridian
        }
        return (dLat + dLon) * RADIANS_PER_DEGREE * Geo.EARTH_RADIUS_METRES;
    }

    /**
     * True if a vessel at {@code (lat1, lon1)} at {@code millis1} could be at {@code (lat2, lon2)} at
     * {@code millis2} going no faster than {@code maxKnots}, or the two are at most {@code minMetres}
     * apart. Equal times allow no movement beyond {@code minMetres}.
     */
    static boolean possible(double lat1, double lon1, long millis1, double lat2, double lon2, long millis2,
                            double minMetres, double maxKnots) {
        return near(lat1, lon1, lat2, lon2, minMetres)
                || reachable(lat1, lon1, millis1, lat2, lon2, millis2, minMetres, maxKnots);
    }

    /**
     * The previous fix's position and time together, read in that order: most moves are shorter than
     * {@code minMetres} by the trig-free bound, and then the previous fix's time (an object of its own,
     * usually out of the CPU cache by the vessel's next fix) is never touched.
     */
    static boolean possible(Fix prev, Fix fix, double minMetres, double maxKnots) {
        return near(prev.lat(), prev.lon(), fix.lat(), fix.lon(), minMetres)
                || reachable(prev.lat(), prev.lon(), prev.time().toEpochMilli(), fix.lat(), fix.lon(),
                        fix.time().toEpochMilli(), minMetres, maxKnots);
    }

    /** Surely within {@code minMetres}, by the upper bound. */
    private static boolean near(double lat1, double lon1, double lat2, double lon2, double minMetres) {
        return upperBoundMetres(lat1, lon1, lat2, lon2) <= minMetres;
    }

    private static boolean reachable(double lat1, double lon1, long millis1, double lat2, double lon2, long millis2,
                                     double minMetres, double maxKnots) {
        double reachMetres = Math.max(minMetres, maxKnots * Geo.METRES_PER_NAUTICAL_MILE
                * (Math.max(0, millis2 - millis1) / 3_600_000.0));
        if (upperBoundMetres(lat1, lon1, lat2, lon2) <= reachMetres) {
            return true;
        }
        return Geo.haversineMetres(lat1, lon1, lat2, lon2) <= reachMetres;
    }

    /** Average speed in knots over the move; infinite when no time passed. */
    static double impliedKnots(double metres, long millis) {
        return millis <= 0 ? Double.POSITIVE_INFINITY : Geo.knots(metres, millis);
    }

    /** Rounded to one decimal, as events report speeds. */
    static double oneDecimal(double value) {
        return Double.isInfinite(value) ? value : Math.round(value * 10) / 10.0;
    }
}
