package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;

/**
 * Closest point of approach from two AIS fixes, by relative motion on a local flat-earth frame (east
 * and north metres, equirectangular around the two vessels' mean latitude). Within the tens of kilometres
 * a collision warning looks at, the frame's error is far below AIS position noise; the longitude
 * difference is taken the short way round, so the antimeridian is no edge.
 *
 * <p>Each vessel is moved along its course over ground at its speed over ground from the time of its
 * fix to the later of the two fix times, because two vessels' reports arrive at different moments and a
 * 20 kn ship moves 100 m in 10 s.
 */
public final class CpaMath {

    private static final double METRES_PER_SECOND_PER_KNOT = Geo.METRES_PER_NAUTICAL_MILE / 3600.0;
    /**
     * Relative speeds below this (about 0.1 kn) count as none: the range would change by less than 40 m
     * in 12 minutes, and the division for the time to the closest point would only amplify noise.
     */
    static final double MIN_RELATIVE_METRES_PER_SECOND = 0.05;

    private CpaMath() {
    }

    /** Between two geographic fixes; {@link Cpa#UNKNOWN} if either lacks a usable speed or course. */
    public static Cpa between(Fix a, Fix b) {
        return between(a.lat(), a.lon(), a.sogKnots(), a.cogDegrees(), a.time().toEpochMilli(),
                b.lat(), b.lon(), b.sogKnots(), b.cogDegrees(), b.time().toEpochMilli());
    }

    /** As {@link #between(Fix, Fix)} with the bearing NaN: for a detector that only needs CPA and TCPA. */
    static Cpa withoutBearing(Fix a, Fix b) {
        if (!usable(a.sogKnots(), a.cogDegrees()) || !usable(b.sogKnots(), b.cogDegrees())) {
            return Cpa.UNKNOWN;
        }
        return between(a.lat(), a.lon(), eastMetresPerSecond(a.sogKnots(), a.cogDegrees()),
                northMetresPerSecond(a.sogKnots(), a.cogDegrees()), a.time().toEpochMilli(),
                b.lat(), b.lon(), eastMetresPerSecond(b.sogKnots(), b.cogDegrees()),
                northMetresPerSecond(b.sogKnots(), b.cogDegrees()), b.time().toEpochMilli(),
                Geo.metresPerDegreeLon((a.lat() + b.lat()) / 2.0), false);
    }

    /**
     * Between vessel a (position, speed over ground, course over ground, fix time) and vessel b;
     * {@link Cpa#UNKNOWN} if a speed is missing or negative or a course is missing or outside 0..360.
     */
    public static Cpa between(double latA, double lonA, double sogA, double cogA, long millisA,
                              double latB, double lonB, double sogB, double cogB, long millisB) {
        if (!usable(sogA, cogA) || !usable(sogB, cogB)) {
            return Cpa.UNKNOWN;
        }
        return between(latA, lonA, eastMetresPerSecond(sogA, cogA), northMetresPerSecond(sogA, cogA), millisA,
                latB, lonB, eastMetresPerSecond(sogB, cogB), northMetresPerSecond(sogB, cogB), millisB,
                Geo.metresPerDegreeLon((latA + latB) / 2.0), true);
    }

    /**
     * The same from velocities already resolved into east and north components (metres per second),
     * with the length of a degree of longitude to use: what a caller that meets the same vessel many
     * times computes once per fix instead of once per pair. Without {@code withBearing} the bearing is
     * NaN, which spares an arc tangent where only CPA and TCPA matter.
     */
    static Cpa between(double latA, double lonA, double eastA, double northA, long millisA,
                       double latB, double lonB, double eastB, double northB, long millisB,
                       double metresPerDegreeLon, boolean withBearing) {
        long now = Math.max(millisA, millisB);
        double dLon = shortWayRound(lonB - lonA);
        double aheadA = (now - millisA) / 1000.0;
        double aheadB = (now - millisB) / 1000.0;
        // b relative to a, both at time now
        double x = dLon * metresPerDegreeLon + eastB * aheadB - eastA * aheadA;
        double y = (latB - latA) * Geo.METRES_PER_DEGREE_LAT + northB * aheadB - northA * aheadA;
        double vx = eastB - eastA;
        double vy = northB - northA;
        double range = Math.sqrt(x * x + y * y);
        double bearing = Double.NaN;
        if (withBearing) {
            bearing = Math.toDegrees(Math.atan2(x, y));
            if (bearing < 0) {
                bearing += 360.0;
            }
        }
        double relativeSquared = vx * vx + vy * vy;
        if (relativeSquared < MIN_RELATIVE_METRES_PER_SECOND * MIN_RELATIVE_METRES_PER_SECOND) {
            return new Cpa(range, range, Double.NaN, bearing);
        }
        double tcpa = -(x * vx + y * vy) / relativeSquared;
        double cx = x + vx * tcpa;
        double cy = y + vy * tcpa;
        return new Cpa(range, Math.sqrt(cx * cx + cy * cy), tcpa, bearing);
    }

    /**
     * Whether {@link #between(double, double, double, double, long, double, double, double, double, long,
     * double, boolean) between} would give {@code 0 <= tcpa <= horizonSeconds} and {@code cpa < limitMetres}:
     * the same arithmetic, without a {@link Cpa} to allocate, for a search that tests many candidates of
     * which few are a risk. No relative motion is no risk (its TCPA is NaN).
     */
    static boolean closesWithin(double latA, double lonA, double eastA, double northA, long millisA,
                                double latB, double lonB, double eastB, double northB, long millisB,
                                double metresPerDegreeLon, double horizonSeconds, double limitMetres) {
        long now = Math.max(millisA, millisB);
        double dLon = shortWayRound(lonB - lonA);
        double aheadA = (now - millisA) / 1000.0;
        double aheadB = (now - millisB) / 1000.0;
        double x = dLon * metresPerDegreeLon + eastB * aheadB - eastA * aheadA;
        double y = (latB - latA) * Geo.METRES_PER_DEGREE_LAT + northB * aheadB - northA * aheadA;
        double vx = eastB - eastA;
        double vy = northB - northA;
        double relativeSquared = vx * vx + vy * vy;
        if (relativeSquared < MIN_RELATIVE_METRES_PER_SECOND * MIN_RELATIVE_METRES_PER_SECOND) {
            return false;
        }
        double tcpa = -(x * vx + y * vy) / relativeSquared;
        if (!(tcpa >= 0 && tcpa <= horizonSeconds)) {
            return false;
        }
        double cx = x + vx * tcpa;
        double cy = y + vy * tcpa;
        return Math.sqrt(cx * cx + cy * cy) < limitMetres;
    }

    /** The east component of a speed over ground (knots) on a course over ground (degrees), in m/s. */
    static double eastMetresPerSecond(double sogKnots, double cogDegrees) {
        return sogKnots * METRES_PER_SECOND_PER_KNOT * Math.sin(Math.toRadians(cogDegrees));
    }

    /** The north component, in m/s. */
    static double northMetresPerSecond(double sogKnots, double cogDegrees) {
        return sogKnots * METRES_PER_SECOND_PER_KNOT * Math.cos(Math.toRadians(cogDegrees));
    }

    /** A speed and a course a CPA can be computed from. */
    static boolean usable(double sogKnots, double cogDegrees) {
        return sogKnots >= 0 && cogDegrees >= 0 && cogDegrees < 360.0;
    }

    /** A longitude difference the short way round: across the antimeridian, not around the world. */
    private static double shortWayRound(double dLon) {
        if (dLon > 180.0) {
            return dLon - 360.0;
        }
        return dLon < -180.0 ? dLon + 360.0 : dLon;
    }
}
