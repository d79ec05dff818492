package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.geo.Geo;
import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the {@link CpaDetector}.
 *
 * @param cpaMetres           a closest point of approach nearer than this, within {@code tcpaHorizon}, is a risk
 * @param clearCpaMetres      a warning clears when the closest point opens beyond this (hysteresis against
 *                            course noise around {@code cpaMetres})
 * @param portCpaMetres       {@code cpaMetres} while either vessel is inside a port, berth or anchorage zone
 * @param portClearCpaMetres  {@code clearCpaMetres} while either vessel is inside such a zone
 * @param tcpaHorizon         how far ahead a closest point counts: 0 <= TCPA <= this
 * @param minSpeedKnots       both vessels must be at least this fast over ground (under way); a warning
 *                            clears when one is slower
 * @param confirmFixes        consecutive fixes (of either vessel) that must find the risk before a warning,
 *                            and find it over before a clear, so one noisy course neither warns nor clears
 * @param minRiskDuration     the risk must also have lasted this long before a warning; also how often a
 *                            vessel looks for new risks (once in each such interval of its fix times)
 * @param maxRangeMetres      vessels farther apart are not looked at; the spatial grid's cell size
 * @param silenceDuration     a vessel not heard from for this long clears its warnings and is forgotten
 * @param maxPairsPerVessel   bound on the pairs at risk a vessel takes part in
 */
public record CpaSettings(double cpaMetres, double clearCpaMetres, double portCpaMetres, double portClearCpaMetres,
                          Duration tcpaHorizon, double minSpeedKnots, int confirmFixes, Duration minRiskDuration,
                          double maxRangeMetres, Duration silenceDuration, int maxPairsPerVessel) {

    /**
     * <ul>
     *   <li>The alarm rule is ARPA's "dangerous target": CPA at most the CPA limit and 0 <= TCPA <= the
     *       TCPA limit (e.g. JRC JMA-9800 series ARPA operation manual, section 5.7 "Alarm display"); IMO
     *       MSC.192(79) (radar performance standards, 2004) requires the limits to be set by the user and
     *       fixes no values.</li>
     *   <li>0.5 nm (926 m) within 12 min: a usual open-sea setting of those limits in bridge practice
     *       (ARPA manuals leave the values to the officer of the watch; none is in a standard); the clear
     *       at 0.6 nm (1.2 x) is ours.</li>
     *   <li>0.2 nm (370 m) in a port, berth or anchorage zone: the ship domain in harbours and narrow
     *       channels is much smaller than at sea (Fujii and Tanaka 1971: an ellipse of 6 x 1.6 ship lengths
     *       against 8 x 3.2 at sea), and 0.2 nm is about half of that domain's length for a 120 m ship;
     *       the value is ours, the clear at 1.2 x too.</li>
     *   <li>Under way at 2 kn: ITU-R M.1371 separates moving from stationary Class B "CS" stations at
     *       2 kn (30 s against 3 min reporting), so slower vessels are taken as anchored, moored or
     *       drifting, which this warning leaves out.</li>
     *   <li>3 fixes over 30 s: ours. AIS gives course and speed directly, so the minute an ARPA needs to
     *       establish a target's trend (MSC.192(79)) is not needed; 3 fixes ride out one bad course, and
     *       30 s covers 3 reports of a Class A ship at 14-23 kn (6 s interval, ITU-R M.1371).</li>
     *   <li>12 nm (22,224 m) range: two 30 kn ships close 12 nm in 12 min, so nothing farther can reach
     *       a closest point within the horizon.</li>
     *   <li>3 min silence: the longest ITU-R M.1371 reporting interval of a ship (Class A at anchor,
     *       Class B below 2 kn); a vessel under way unheard for longer has lost its reports. 8 pairs per
     *       vessel is ours.</li>
     * </ul>
     */
    public static final CpaSettings DEFAULTS = new CpaSettings(926.0, 1111.0, 370.0, 444.0, Duration.ofMinutes(12),
            2.0, 3, Duration.ofSeconds(30), 12 * Geo.METRES_PER_NAUTICAL_MILE, Duration.ofMinutes(3), 8);

    public CpaSettings {
        Objects.requireNonNull(tcpaHorizon, "tcpaHorizon");
        Objects.requireNonNull(minRiskDuration, "minRiskDuration");
        Objects.requireNonNull(silenceDuration, "silenceDuration");
        if (!(maxRangeMetres >= 1 && maxRangeMetres <= 100_000)) {
            throw new IllegalArgumentException("cpa maxRangeMetres must be in [1, 100000], was " + maxRangeMetres);
        }
        requireBand("cpaMetres", cpaMetres, "clearCpaMetres", clearCpaMetres, maxRangeMetres);
        requireBand("portCpaMetres", portCpaMetres, "portClearCpaMetres", portClearCpaMetres, maxRangeMetres);
        if (tcpaHorizon.isNegative() || tcpaHorizon.isZero()) {
            throw new IllegalArgumentException("cpa tcpaHorizon must be positive, was " + tcpaHorizon);
        }
        if (!(minSpeedKnots > 0 && minSpeedKnots < 100)) {
            throw new IllegalArgumentException("cpa minSpeedKnots must be in (0, 100), was " + minSpeedKnots);
        }
        if (confirmFixes < 1 || confirmFixes > 1000) {
            throw new IllegalArgumentException("cpa confirmFixes must be in [1, 1000], was " + confirmFixes);
        }
        if (minRiskDuration.isNegative()) {
            throw new IllegalArgumentException("cpa minRiskDuration must be >= 0, was " + minRiskDuration);
        }
        if (silenceDuration.isNegative() || silenceDuration.isZero()) {
            throw new IllegalArgumentException("cpa silenceDuration must be positive, was " + silenceDuration);
        }
        if (maxPairsPerVessel < 1) {
            throw new IllegalArgumentException("cpa maxPairsPerVessel must be >= 1, was " + maxPairsPerVessel);
        }
    }

    /** The warning distance at sea or in port. */
    double cpaMetres(boolean inPort) {
        return inPort ? portCpaMetres : cpaMetres;
    }

    /** The clearing distance at sea or in port. */
    double clearCpaMetres(boolean inPort) {
        return inPort ? portClearCpaMetres : clearCpaMetres;
    }

    private static void requireBand(String warnName, double warn, String clearName, double clear, double range) {
        if (!(warn > 0 && clear >= warn && clear <= range)) {
            throw new IllegalArgumentException("cpa needs 0 < " + warnName + " <= " + clearName + " <= maxRangeMetres ("
                    + range + "), were " + warn + " and " + clear);
        }
    }
}
