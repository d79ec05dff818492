package io.watchkeeper.ais.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The decoded-position CSV layouts we read, recognised from the header by column names
 * (case-insensitive, in any order), never by position: columns get added and reordered between years.
 */
public enum CsvLayout {

    /** US MarineCadastre (BOEM/NOAA) daily files, 2023 and the lower-case 2014 variant. */
    MARINECADASTRE("MarineCadastre", Set.of(Column.MMSI, Column.TIME, Column.LAT, Column.LON),
            "mmsi", Column.MMSI, "basedatetime", Column.TIME, "lat", Column.LAT, "lon", Column.LON,
            "sog", Column.SOG, "cog", Column.COG, "heading", Column.HEADING, "status", Column.NAV_STATUS,
            "vesselname", Column.NAME, "imo", Column.IMO, "callsign", Column.CALL_SIGN,
            "vesseltype", Column.SHIP_TYPE, "length", Column.LENGTH, "width", Column.WIDTH, "draft", Column.DRAUGHT),

    /** Danish Maritime Authority historical AIS ({@code aisdata_*.csv}), text navigational status. */
    DMA("DMA", Set.of(Column.MMSI, Column.TIME, Column.LAT, Column.LON),
            "timestamp", Column.TIME, "mmsi", Column.MMSI, "latitude", Column.LAT, "longitude", Column.LON,
            "navigational status", Column.NAV_STATUS, "sog", Column.SOG, "cog", Column.COG,
            "heading", Column.HEADING, "imo", Column.IMO, "callsign", Column.CALL_SIGN, "name", Column.NAME,
            "ship type", Column.SHIP_TYPE, "cargo type", Column.CARGO_TYPE, "width", Column.WIDTH,
            "length", Column.LENGTH, "draught", Column.DRAUGHT, "destination", Column.DESTINATION,
            "eta", Column.ETA, "a", Column.TO_BOW, "b", Column.TO_STERN, "c", Column.TO_PORT,
            "d", Column.TO_STARBOARD),

    /** Stone Soup's Solent recording: positions, course and speed only. */
    SOLENT("Solent", Set.of(Column.MMSI, Column.TIME, Column.LAT, Column.LON),
            "time", Column.TIME, "mmsi", Column.MMSI, "latitude_degrees", Column.LAT,
            "longitude_degrees", Column.LON, "cog_degrees", Column.COG, "sog_knots", Column.SOG),

    /** AMSA track files as converted in our data folder; {@code epoch_ms} first, {@code time_utc} if empty. */
    AMSA("AMSA", Set.of(Column.MMSI, Column.EPOCH_MILLIS, Column.LAT, Column.LON),
            "mmsi", Column.MMSI, "epoch_ms", Column.EPOCH_MILLIS, "time_utc", Column.TIME, "lat", Column.LAT,
            "lon", Column.LON, "sog_knots", Column.SOG, "cog_deg", Column.COG, "heading_deg", Column.HEADING,
            "nav_status", Column.NAV_STATUS);

    private final String displayName;
    private final Set<Column> required;
    private final Map<String, Column> byName;

    CsvLayout(String displayName, Set<Column> required, Object... namesAndColumns) {
        this.displayName = displayName;
        this.required = required;
        Map<String, Column> names = new HashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            names.put((String) namesAndColumns[i], (Column) namesAndColumns[i + 1]);
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    public String displayName() {
        return displayName;
    }

    /** The header names this layout cannot do without, lower case. */
    public List<String> requiredColumnNames() {
        List<String> names = new ArrayList<>();
        byName.forEach((name, column) -> {
            if (required.contains(column)) {
                names.add(name);
            }
        });
        Collections.sort(names);
        return names;
    }

    /**
     * The layout whose required columns the header has.
     *
     * @throws CsvLayoutException naming the layout that came closest and the columns it lacks
     */
    public static CsvLayout detect(List<String> header) throws CsvLayoutException {
        List<String> names = header.stream().map(CsvLayout::normalise).toList();
        CsvLayout nearest = null;
        List<String> nearestMissing = List.of();
        for (CsvLayout layout : values()) {
            List<String> missing = new ArrayList<>(layout.requiredColumnNames());
            missing.removeAll(names);
            if (missing.isEmpty()) {
                return layout;
            }
            if (nearest == null || missing.size() < nearestMissing.size()) {
                nearest = layout;
                nearestMissing = missing;
            }
        }
        throw new CsvLayoutException("CSV header matches no known layout (MarineCadastre, DMA, Solent, AMSA); nearest is "
                + nearest.displayName + ", which lacks columns " + nearestMissing + "; header was " + header,
                nearestMissing);
    }

    /** Where each known column sits in this header. */
    Map<Column, Integer> indexes(List<String> header) {
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Column column = byName.get(normalise(header.get(i)));
            if (column != null) {
                indexes.putIfAbsent(column, i);
            }
        }
        return indexes;
    }

    /** Lower case, trimmed, without a byte-order mark or DMA's leading {@code "# "}. */
    static String normalise(String name) {
        String s = name.strip();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        if (s.startsWith("#")) {
            s = s.substring(1).strip();
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
