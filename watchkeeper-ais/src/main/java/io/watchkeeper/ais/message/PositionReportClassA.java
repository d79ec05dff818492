package io.watchkeeper.ais.message;

/**
 * Types 1, 2 and 3: class A position report. Raw fields as transmitted: {@code speedRaw} in 1/10 knot
 * (1023 = n/a), {@code lonRaw}/{@code latRaw} in 1/10000 minute (181°/91° = n/a), {@code courseRaw} in
 * 1/10 degree (3600 = n/a), {@code headingRaw} in degrees (511 = n/a), {@code turnRaw} the signed ROT
 * indicator (-128 = n/a). {@code radio} is the 19-bit communication state (see DIFFERENCES for short
 * messages).
 */
public record PositionReportClassA(int type, int repeat, int mmsi, int navStatus, int turnRaw, int speedRaw,
        boolean accuracy, int lonRaw, int latRaw, int courseRaw, int headingRaw, int second, int maneuver,
        boolean raim, int radio) implements PositionReport {

    /**
     * Rate of turn in degrees per minute, from ROT_AIS = 4.733 √ROT. NaN when not available (-128) and
     * for ±127, which only says "turning faster than 5° per 30 s" without a value.
     */
    public double rateOfTurnDegreesPerMinute() {
        if (turnRaw == -128 || turnRaw == 127 || turnRaw == -127) {
            return Double.NaN;
        }
        double root = turnRaw / 4.733;
        return Math.copySign(root * root, turnRaw);
    }
}
