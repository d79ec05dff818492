package io.watchkeeper.ais.message;

/** Scales raw AIS integers; every "not available" sentinel or impossible value becomes NaN here. */
final class Units {

    private Units() {
    }

    /** Longitude in 1/10000 minute (lon 181° = not available); NaN beyond ±180°. */
    static double lonDegreesFromTenThousandthMinutes(int raw) {
        return limit(raw / 600_000.0, 180.0);
    }

    /** Latitude in 1/10000 minute (lat 91° = not available); NaN beyond ±90°. */
    static double latDegreesFromTenThousandthMinutes(int raw) {
        return limit(raw / 600_000.0, 90.0);
    }

    /** Type 27 longitude in 1/10 minute. */
    static double lonDegreesFromTenthMinutes(int raw) {
        return limit(raw / 600.0, 180.0);
    }

    /** Type 27 latitude in 1/10 minute. */
    static double latDegreesFromTenthMinutes(int raw) {
        return limit(raw / 600.0, 90.0);
    }

    /** Speed in 1/10 knot; 1023 = not available, 1022 = 102.2 knots or more. */
    static double knotsFromTenths(int raw) {
        return raw >= 1023 ? Double.NaN : raw / 10.0;
    }

    /** Course in 1/10 degree; 3600 = not available, above it invalid. */
    static double degreesFromTenths(int raw) {
        return raw >= 3600 ? Double.NaN : raw / 10.0;
    }

    /** True heading in degrees; 511 = not available, 360..510 invalid. */
    static double heading(int raw) {
        return raw >= 360 ? Double.NaN : raw;
    }

    private static double limit(double degrees, double max) {
        return Math.abs(degrees) > max ? Double.NaN : degrees;
    }
}
