package io.watchkeeper.ais.message;

/**
 * Type 5: class A static and voyage related data. Text fields are trimmed of {@code @} padding and
 * trailing spaces; {@code draughtRaw} is in 1/10 metre (0 = n/a); ETA parts are raw (month 0, day 0,
 * hour 24, minute 60 = n/a). {@code dte} is true when the data terminal is <em>not</em> ready.
 */
public record StaticAndVoyageData(int type, int repeat, int mmsi, int aisVersion, int imo, String callsign,
        String shipName, int shipType, int toBow, int toStern, int toPort, int toStarboard, int epfd,
        int etaMonth, int etaDay, int etaHour, int etaMinute, int draughtRaw, String destination, boolean dte)
        implements AisMessage {

    /** Draught in metres; NaN when not available (0). */
    public double draughtMetres() {
        return draughtRaw == 0 ? Double.NaN : draughtRaw / 10.0;
    }

    /** Length overall in metres from the reference point offsets; NaN if either is not available (0). */
    public double lengthMetres() {
        return toBow == 0 || toStern == 0 ? Double.NaN : toBow + toStern;
    }

    /** Beam in metres; NaN if either offset is not available (0). */
    public double beamMetres() {
        return toPort == 0 || toStarboard == 0 ? Double.NaN : toPort + toStarboard;
    }
}
