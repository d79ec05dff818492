package io.watchkeeper.bench.fleet;

/**
 * How often a simulated vessel reports its position: the nominal intervals of Recommendation ITU-R
 * M.1371-5, "Technical characteristics for an automatic identification system using time division
 * multiple access in the VHF maritime mobile frequency band", Annex 1, Table 1 (Class A) and Table 2
 * (Class B "CS"). Our vessels hold their course, so the shorter "changing course" intervals do not apply.
 *
 * <ul>
 *   <li>Class A at anchor or moored and not faster than 3 kn: 3 min</li>
 *   <li>Class A, 0–14 kn: 10 s; 14–23 kn: 6 s; above 23 kn: 2 s</li>
 *   <li>Class B "CS" above 2 kn: 30 s; at or below 2 kn: 3 min</li>
 * </ul>
 */
public final class ReportingInterval {

    public static final int ANCHORED_MILLIS = 180_000;
    public static final int SLOW_MILLIS = 10_000;
    public static final int FAST_MILLIS = 6_000;
    public static final int VERY_FAST_MILLIS = 2_000;
    public static final int CLASS_B_MILLIS = 30_000;

    private ReportingInterval() {
    }

    /** Class A: {@code navStatus} 1 (at anchor) or 5 (moored) with SOG up to 3 kn reports every 3 min. */
    public static int classAMillis(double sogKnots, int navStatus) {
        if ((navStatus == 1 || navStatus == 5) && sogKnots <= 3.0) {
            return ANCHORED_MILLIS;
        }
        if (sogKnots <= 14.0) {
            return SLOW_MILLIS;
        }
        return sogKnots <= 23.0 ? FAST_MILLIS : VERY_FAST_MILLIS;
    }

    /** Class B "CS". */
    public static int classBMillis(double sogKnots) {
        return sogKnots > 2.0 ? CLASS_B_MILLIS : ANCHORED_MILLIS;
    }
}
