package io.watchkeeper.ais.csv;

import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jetbrains.annotations.Nullable;

/**
 * Turns the fields of one row into a fix and, if the row has static data, a vessel info. Empty cells
 * and the AIS "not available" values (lat 91, lon 181, SOG 102.3, COG 360, heading 511) are absent;
 * other out-of-range numbers reject the row, since a CSV export should not contain them.
 */
final class RowParser {

    private static final DateTimeFormatter DMA_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter AIS_ETA = DateTimeFormatter.ofPattern("MM-dd'T'HH:mm'Z'");
    private static final int MAX_MMSI = 999_999_999;

    private final CsvLayout layout;
    private final Map<Column, Integer> indexes;
    private final String site;

    RowParser(CsvLayout layout, Map<Column, Integer> indexes, String site) {
        this.layout = layout;
        this.indexes = indexes;
        this.site = site;
    }

    /** A parsed row: the fix, and the static data if the row had any. */
    record Row(Fix fix, @Nullable VesselInfo info) {
    }

    Row parse(List<String> fields) throws RowException {
        VesselId vessel = VesselId.of(Integer.toString(mmsi(fields)));
        Instant time = time(fields);
        double lat = ranged(fields, Column.LAT, 91, -90, 90);
        double lon = ranged(fields, Column.LON, 181, -180, 180);
        double sog = ranged(fields, Column.SOG, 102.3, 0, 102.2);
        double cog = ranged(fields, Column.COG, 360, 0, Math.nextDown(360.0));
        double heading = ranged(fields, Column.HEADING, 511, 0, Math.nextDown(360.0));
        Fix fix = Fix.geo(vessel, site, time, lat, lon, sog, cog, heading, navStatus(fields), null);
        return new Row(fix, StaticColumns.read(this, fields, vessel, time));
    }

    private int mmsi(List<String> fields) throws RowException {
        String text = required(fields, Column.MMSI);
        try {
            int mmsi = Integer.parseInt(text);
            if (mmsi > 0 && mmsi <= MAX_MMSI) {
                return mmsi;
            }
        } catch (NumberFormatException e) {
            // Falls through to the rejection below, which carries the text.
        }
        throw new RowException(RejectReason.INVALID_VALUE, "MMSI is not 1..999999999: '" + text + "'");
    }

    private Instant time(List<String> fields) throws RowException {
        if (layout == CsvLayout.AMSA) {
            String epoch = cell(fields, Column.EPOCH_MILLIS);
            if (!epoch.isEmpty()) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(epoch));
                } catch (NumberFormatException e) {
                    throw new RowException(RejectReason.INVALID_VALUE, "epoch_ms is not a number: '" + epoch + "'");
                }
            }
        }
        String text = required(fields, Column.TIME);
        try {
            if (layout == CsvLayout.DMA) {
                return LocalDateTime.parse(text, DMA_TIME).toInstant(ZoneOffset.UTC);
            }
            return isoUtc(text);
        } catch (DateTimeParseException e) {
            throw new RowException(RejectReason.INVALID_VALUE, "time does not parse: '" + text + "'");
        }
    }

    /** ISO date-time with {@code T} or a space, optional fraction, no zone or {@code Z}; UTC either way. */
    private static Instant isoUtc(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.endsWith("Z")) {
            iso = iso.substring(0, iso.length() - 1);
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    private int navStatus(List<String> fields) throws RowException {
        String text = cell(fields, Column.NAV_STATUS);
        if (text.isEmpty()) {
            return Fix.NO_NAV_STATUS;
        }
        if (layout == CsvLayout.DMA && !Character.isDigit(text.charAt(0))) {
            OptionalInt code = DmaText.navStatus(text);
            if (code.isEmpty()) {
                throw new RowException(RejectReason.INVALID_VALUE, "unknown navigational status '" + text + "'");
            }
            return code.getAsInt();
        }
        return (int) integral(fields, Column.NAV_STATUS, 0, 15);
    }

    /** A number in [min, max]; NaN if empty or equal to {@code notAvailable}. */
    double ranged(List<String> fields, Column column, double notAvailable, double min, double max) throws RowException {
        double value = number(fields, column);
        if (Double.isNaN(value) || value == notAvailable) {
            return Double.NaN;
        }
        if (value < min || value > max) {
            throw new RowException(RejectReason.INVALID_VALUE, column + " out of range: " + value);
        }
        return value;
    }

    /** A whole number in [min, max] (MarineCadastre writes {@code 70.0}); -1 if empty. */
    long integral(List<String> fields, Column column, long min, long max) throws RowException {
        double value = number(fields, column);
        if (Double.isNaN(value)) {
            return -1;
        }
        if (value != Math.rint(value) || value < min || value > max) {
            throw new RowException(RejectReason.INVALID_VALUE, column + " is not a whole number in " + min + ".." + max
                    + ": '" + cell(fields, column) + "'");
        }
        return (long) value;
    }

    /** The cell as a finite number; NaN if the column is missing or the cell empty. */
    double number(List<String> fields, Column column) throws RowException {
        String text = cell(fields, column);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the rejection below, which carries the text.
        }
        throw new RowException(RejectReason.INVALID_VALUE, column + " is not a number: '" + text + "'");
    }

    /** The trimmed cell, or empty text when this layout has no such column. */
    String cell(List<String> fields, Column column) {
        Integer index = indexes.get(column);
        return index == null ? "" : fields.get(index).strip();
    }

    boolean has(Column column) {
        return indexes.containsKey(column);
    }

    CsvLayout layout() {
        return layout;
    }

    private String required(List<String> fields, Column column) throws RowException {
        String text = cell(fields, column);
        if (text.isEmpty()) {
            throw new RowException(RejectReason.MISSING_FIELD, column + " is empty");
        }
        return text;
    }

    /** DMA's ETA ({@code dd/MM/yyyy HH:mm:ss}) in AIS's yearless form; other text as written. */
    static String eta(String text) throws RowException {
        try {
            return LocalDateTime.parse(text, DMA_TIME).format(AIS_ETA);
        } catch (DateTimeParseException e) {
            throw new RowException(RejectReason.INVALID_VALUE, "ETA does not parse: '" + text + "'");
        }
    }
}
