package io.watchkeeper.ais.message;

/**
 * Type 21: aid-to-navigation report. {@code name} already includes the name extension (bits 272 on),
 * joined as gpsd does: 20 characters, then the extension, cut at the first {@code @}, trailing spaces
 * trimmed.
 */
public record AidToNavigationReport(int type, int repeat, int mmsi, int aidType, String name, boolean accuracy,
        int lonRaw, int latRaw, int toBow, int toStern, int toPort, int toStarboard, int epfd, int second,
        boolean offPosition, int regional, boolean raim, boolean virtualAid, boolean assigned)
        implements AisMessage {

    public double lonDegrees() {
        return Units.lonDegreesFromTenThousandthMinutes(lonRaw);
    }

    public double latDegrees() {
        return Units.latDegreesFromTenThousandthMinutes(latRaw);
    }
}
