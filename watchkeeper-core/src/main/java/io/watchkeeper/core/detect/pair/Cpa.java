package io.watchkeeper.core.detect.pair;

/**
 * The closest point of approach of two vessels, as a radar's ARPA shows it for a target: where their
 * relative motion brings them closest if neither alters course or speed.
 *
 * @param rangeMetres    their distance now (both extrapolated to the later of their two fixes)
 * @param cpaMetres      their distance at the closest point; the range itself when they do not move
 *                       relative to each other
 * @param tcpaSeconds    seconds from now to the closest point: negative once it is behind them, NaN when
 *                       they do not move relative to each other (the range never changes)
 * @param bearingDegrees true bearing now from the first vessel to the second, 0..360
 */
public record Cpa(double rangeMetres, double cpaMetres, double tcpaSeconds, double bearingDegrees) {

    /** Neither vessel's motion is known (a missing speed or course). */
    public static final Cpa UNKNOWN = new Cpa(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Whether both motions were known. */
    public boolean known() {
        return !Double.isNaN(rangeMetres);
    }

    /** The bearing from the second vessel to the first. */
    public double reverseBearingDegrees() {
        return (bearingDegrees + 180.0) % 360.0;
    }
}
