package io.watchkeeper.ais.message;

/**
 * Type 9: standard SAR aircraft position report. {@code altitudeRaw} in metres (4095 = n/a, 4094 = 4094
 * or higher), {@code speedRaw} in whole knots (1023 = n/a), other raw fields as in
 * {@link PositionReportClassA}.
 */
public record SarAircraftReport(int type, int repeat, int mmsi, int altitudeRaw, int speedRaw, boolean accuracy,
        int lonRaw, int latRaw, int courseRaw, int second, int regional, boolean dte, boolean assigned,
        boolean raim, int radio) implements AisMessage {

    public double altitudeMetres() {
        return altitudeRaw == 4095 ? Double.NaN : altitudeRaw;
    }

    public double sogKnots() {
        return speedRaw >= 1023 ? Double.NaN : speedRaw;
    }

    public double lonDegrees() {
        return Units.lonDegreesFromTenThousandthMinutes(lonRaw);
    }

    public double latDegrees() {
        return Units.latDegreesFromTenThousandthMinutes(latRaw);
    }

    public double cogDegrees() {
        return Units.degreesFromTenths(courseRaw);
    }
}
