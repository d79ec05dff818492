package io.watchkeeper.core.zone;

import io.watchkeeper.core.geo.Geo;
import org.locationtech.jts.geom.Envelope;

/**
 * A zone's envelope grown by a distance in metres, in degrees: one latitude band and one or two longitude
 * ranges (two when the grown box wraps across ±180°). Near the poles, and whenever the longitude growth
 * would reach half the globe, the box spans every longitude: there a few kilometres are many degrees.
 *
 * <p>The box is a prefilter: every position whose distance to the zone can be {@code <= grow} lies inside
 * it. It is made a little larger than needed (1% plus one metre) so that rounding never makes it tighter.
 *
 * @param minLon2 NaN when there is no second range
 */
record LatLonBox(double minLat, double maxLat, double minLon1, double maxLon1, double minLon2, double maxLon2) {

    /** Above this latitude a box spans every longitude; cos(lat) is too small for a useful bound. */
    static final double POLAR_LATITUDE = 85.0;

    static LatLonBox around(Envelope e, double growMetres) {
        double m = growMetres * 1.01 + 1.0;
        double dLat = m / Geo.METRES_PER_DEGREE_LAT;
        double minLat = Math.max(-90.0, e.getMinY() - dLat);
        double maxLat = Math.min(90.0, e.getMaxY() + dLat);
        double maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
        if (maxAbsLat >= POLAR_LATITUDE) {
            return allLongitudes(minLat, maxLat);
        }
        double dLon = m / Geo.metresPerDegreeLon(maxAbsLat);
        double lo = e.getMinX() - dLon;
        double hi = e.getMaxX() + dLon;
        if (hi - lo >= 360.0) {
            return allLongitudes(minLat, maxLat);
        }
        if (lo < -180.0) {
            return new LatLonBox(minLat, maxLat, -180.0, hi, lo + 360.0, 180.0);
        }
        if (hi > 180.0) {
            return new LatLonBox(minLat, maxLat, lo, 180.0, -180.0, hi - 360.0);
        }
        return new LatLonBox(minLat, maxLat, lo, hi, Double.NaN, Double.NaN);
    }

    private static LatLonBox allLongitudes(double minLat, double maxLat) {
        return new LatLonBox(minLat, maxLat, -180.0, 180.0, Double.NaN, Double.NaN);
    }

    boolean wraps() {
        return !Double.isNaN(minLon2);
    }

    boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat
                && ((lon >= minLon1 && lon <= maxLon1) || (lon >= minLon2 && lon <= maxLon2));
    }

    /** Grid cells covered, summed over both ranges. */
    long cellCount() {
        long rows = CellGrid.row(maxLat) - CellGrid.row(minLat) + 1L;
        long cols = CellGrid.col(maxLon1) - CellGrid.col(minLon1) + 1L;
        if (wraps()) {
            cols += CellGrid.col(maxLon2) - CellGrid.col(minLon2) + 1L;
        }
        return rows * cols;
    }

    /** The smallest JTS envelope (x = lon) holding both ranges. */
    Envelope toEnvelope() {
        return wraps() ? new Envelope(-180.0, 180.0, minLat, maxLat) : new Envelope(minLon1, maxLon1, minLat, maxLat);
    }
}
