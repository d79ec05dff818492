package io.watchkeeper.core.geo;

/**
 * Distances, speeds and angles on the WGS84 sphere, as detectors need them: small, allocation-free
 * static functions. A spherical earth (mean radius) is within 0.5% of the ellipsoid, well inside
 * the tolerance of AIS positions and of every threshold here.
 */
public final class Geo {

    /** IUGG mean earth radius. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;
    public static final double METRES_PER_NAUTICAL_MILE = 1852.0;
    /** Length of one degree of latitude. */
    public static final double METRES_PER_DEGREE_LAT = Math.PI * EARTH_RADIUS_METRES / 180.0;

    private Geo() {
    }

    /** Great-circle distance; correct across the antimeridian and near the poles. */
    public static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double sinLat = Math.sin(dLat / 2);
        double sinLon = Math.sin(dLon / 2);
        double a = sinLat * sinLat + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * sinLon * sinLon;
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Average speed in knots to cover {@code metres} in {@code millis}; NaN if no time passed. */
    public static double knots(double metres, long millis) {
        if (millis <= 0) {
            return Double.NaN;
        }
        return metres / METRES_PER_NAUTICAL_MILE / (millis / 3_600_000.0);
    }

    /** The smaller angle between two directions in degrees, 0..180; NaN if either is NaN. */
    public static double angleBetween(double aDegrees, double bDegrees) {
        double d = Math.abs(aDegrees - bDegrees) % 360.0;
        return d > 180.0 ? 360.0 - d : d;
    }

    /** True for a position a receiver could have reported (AIS uses 91/181 for "not available"). */
    public static boolean isValid(double lat, double lon) {
        return lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0;
    }

    /** Metres per degree of longitude at {@code lat} (zero at the poles). */
    public static double metresPerDegreeLon(double lat) {
        return METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat));
    }
}
