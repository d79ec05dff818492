package io.watchkeeper.core.zone;

import java.util.Locale;

/** What a zone is, which decides the detectors that care about it. */
public enum ZoneKind {
    /** A port or harbour area: port calls start and end here. */
    PORT,
    /** A berth or terminal inside a port: BERTHED / UNBERTHED. */
    BERTH,
    /** An anchorage: AT_ANCHOR, and GFW's port-entry distance is measured from these. */
    ANCHORAGE,
    /** A pilot boarding area. */
    PILOT_BOARDING,
    /** An area with a speed limit (see {@link Zone#speedLimitKnots()}). */
    SPEED_LIMIT,
    /** Anything else a user wants ZONE_ENTER / ZONE_EXIT for. */
    OTHER;

    /** Lower-case name as written in GeoJSON properties and YAML ({@code pilot_boarding}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; also accepts '-' for '_'. */
    public static ZoneKind parse(String text) {
        String key = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (ZoneKind k : values()) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown zone kind '" + text + "'; known: port, berth, anchorage, "
                + "pilot_boarding, speed_limit, other");
    }
}
