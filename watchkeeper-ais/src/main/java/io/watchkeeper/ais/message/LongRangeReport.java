package io.watchkeeper.ais.message;

/**
 * Type 27: long-range broadcast (satellite). Coarser than type 1: {@code lonRaw}/{@code latRaw} in 1/10
 * minute (181°/91° = n/a), {@code speedRaw} in whole knots (63 = n/a), {@code courseRaw} in whole
 * degrees (511 = n/a). {@code gnss} is the raw bit: false means the position is current GNSS.
 */
public record LongRangeReport(int type, int repeat, int mmsi, boolean accuracy, boolean raim, int navStatus,
        int lonRaw, int latRaw, int speedRaw, int courseRaw, boolean gnss) implements AisMessage {

    public double lonDegrees() {
        return Units.lonDegreesFromTenthMinutes(lonRaw);
    }

    public double latDegrees() {
        return Units.latDegreesFromTenthMinutes(latRaw);
    }

    public double sogKnots() {
        return speedRaw == 63 ? Double.NaN : speedRaw;
    }

    public double cogDegrees() {
        return courseRaw >= 360 ? Double.NaN : courseRaw;
    }
}
