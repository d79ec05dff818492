package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.fix.VesselId;
import org.jetbrains.annotations.Nullable;

/**
 * What an MMSI says about its station, by the formats of ITU-R M.585-9 ("Assignment and use of
 * identities in the maritime mobile service"), and whether its MID is allocated ({@link MidTable}).
 *
 * @param digits the MMSI as nine digits (AIS carries it as a number, so leading zeros are restored)
 * @param kind   the station it identifies, by format
 * @param mid    the Maritime Identification Digits it carries, or -1 for a format without them
 */
public record Mmsi(String digits, Kind kind, int mid) {

    /** The formats of ITU-R M.585-9 (Annexes 1 to 6), and one for none of them. */
    public enum Kind {
        /** {@code MIDXXXXXX}, MID 2xx..7xx: a ship station. */
        SHIP(true),
        /** {@code 0MIDXXXXX}: a group of ship stations, called together; no transmitter has it. */
        GROUP(false),
        /** {@code 00MIDXXXX}: a coast station (AIS base stations); it sends no vessel positions. */
        COAST_STATION(false),
        /** {@code 111MIDXXX}: a search-and-rescue aircraft (AIS message 9). */
        SAR_AIRCRAFT(true),
        /** {@code 8MIDXXXXX}: a handheld VHF transceiver with DSC and GNSS. */
        HANDHELD(true),
        /** {@code 98MIDXXXX}: a craft associated with a parent ship (a tender, a lifeboat). */
        CRAFT_OF_PARENT_SHIP(true),
        /** {@code 99MIDXXXX}: an aid to navigation (AIS message 21); it sends no vessel positions. */
        AID_TO_NAVIGATION(false),
        /** {@code 970YYZZZZ}, {@code 972YYZZZZ}, {@code 974YYZZZZ}: AIS-SART, man-overboard device, EPIRB-AIS. */
        DISTRESS_DEVICE(true),
        /** Fits no format: 0, {@code 1xxxxxxxx} other than 111, {@code 9xxxxxxxx} other than the above, over 9 digits. */
        NONE(false);

        private final boolean sendsPositions;

        Kind(boolean sendsPositions) {
            this.sendsPositions = sendsPositions;
        }

        /** Whether a station of this kind reports its own position (the only ones a fix may come from). */
        public boolean sendsPositions() {
            return sendsPositions;
        }
    }

    /** Whether the MID is allocated; true for a format without MID. */
    public boolean midAllocated() {
        return mid < 0 || MidTable.isAllocated(mid);
    }

    /**
     * The MMSI of a vessel id, or null if the id is not one: scoped ids (boats numbered by a station)
     * and ids with other than decimal digits (a native fix's free-form {@code vessel}) are not MMSIs.
     */
    public static @Nullable Mmsi of(VesselId vessel) {
        if (!vessel.scope().isEmpty()) {
            return null;
        }
        String id = vessel.id();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return parse(id);
    }

    /** Classifies a string of decimal digits; more than nine significant digits fit no format. */
    static Mmsi parse(String decimal) {
        String trimmed = stripLeadingZeros(decimal);
        if (trimmed.length() > 9) {
            return new Mmsi(trimmed, Kind.NONE, -1);
        }
        String d = "0".repeat(9 - trimmed.length()) + trimmed;
        return classify(d);
    }

    private static Mmsi classify(String d) {
        char first = d.charAt(0);
        if (isMidLead(first)) {
            return new Mmsi(d, Kind.SHIP, mid(d, 0));
        }
        if (d.startsWith("00")) {
            return isMidLead(d.charAt(2)) ? new Mmsi(d, Kind.COAST_STATION, mid(d, 2)) : none(d);
        }
        if (first == '0') {
            return isMidLead(d.charAt(1)) ? new Mmsi(d, Kind.GROUP, mid(d, 1)) : none(d);
        }
        if (d.startsWith("111")) {
            return isMidLead(d.charAt(3)) ? new Mmsi(d, Kind.SAR_AIRCRAFT, mid(d, 3)) : none(d);
        }
        if (first == '8') {
            return isMidLead(d.charAt(1)) ? new Mmsi(d, Kind.HANDHELD, mid(d, 1)) : none(d);
        }
        if (d.startsWith("98")) {
            return isMidLead(d.charAt(2)) ? new Mmsi(d, Kind.CRAFT_OF_PARENT_SHIP, mid(d, 2)) : none(d);
        }
        if (d.startsWith("99")) {
            return isMidLead(d.charAt(2)) ? new Mmsi(d, Kind.AID_TO_NAVIGATION, mid(d, 2)) : none(d);
        }
        if (d.startsWith("970") || d.startsWith("972") || d.startsWith("974")) {
            return new Mmsi(d, Kind.DISTRESS_DEVICE, -1);
        }
        return none(d);
    }

    /** MIDs begin with 2..7 (Europe, the Americas, Asia, Oceania, Africa, South America). */
    private static boolean isMidLead(char c) {
        return c >= '2' && c <= '7';
    }

    private static int mid(String d, int at) {
        return Integer.parseInt(d.substring(at, at + 3));
    }

    private static Mmsi none(String d) {
        return new Mmsi(d, Kind.NONE, -1);
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
