package io.watchkeeper.ais.message;

/**
 * The position, speed, course and heading that types 1/2/3, 18 and 19 transmit in the same fields and
 * units: lon/lat in 1/10000 minute (181°/91° = n/a), speed in 1/10 knot (1023 = n/a), course in 1/10
 * degree (3600 = n/a), heading in degrees (511 = n/a). The scaled values turn those into NaN here, once.
 */
public sealed interface PositionReport extends AisMessage
        permits PositionReportClassA, ClassBPositionReport, ClassBExtendedReport {

    int lonRaw();

    int latRaw();

    int speedRaw();

    int courseRaw();

    int headingRaw();

    default double lonDegrees() {
        return Units.lonDegreesFromTenThousandthMinutes(lonRaw());
    }

    default double latDegrees() {
        return Units.latDegreesFromTenThousandthMinutes(latRaw());
    }

    default double sogKnots() {
        return Units.knotsFromTenths(speedRaw());
    }

    default double cogDegrees() {
        return Units.degreesFromTenths(courseRaw());
    }

    default double headingDegrees() {
        return Units.heading(headingRaw());
    }
}
