package io.watchkeeper.ais.csv;

import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jetbrains.annotations.Nullable;

/**
 * Reads a row's static columns into a {@link VesselInfo}. MarineCadastre gives only overall length and
 * width, not the antenna offsets AIS reports; we put the antenna amidships (half each way), so that
 * {@link VesselInfo#lengthMetres()} and {@link VesselInfo#beamMetres()} are right and the offsets are an
 * approximation. DMA's A/B/C/D columns are the real offsets and win when present.
 */
final class StaticColumns {

    /** Far beyond any ship; a bigger number is a broken cell. */
    private static final int MAX_DIMENSION_METRES = 1023;

    private StaticColumns() {
    }

    /** The row's static data, or null if it has none. */
    static @Nullable VesselInfo read(RowParser row, List<String> fields, VesselId vessel, Instant time)
            throws RowException {
        int[] offsets = offsets(row, fields);
        VesselInfo info = new VesselInfo(vessel,
                text(row, fields, Column.NAME), text(row, fields, Column.CALL_SIGN), imo(row, fields),
                shipType(row, fields), offsets[0], offsets[1], offsets[2], offsets[3],
                draught(row, fields), text(row, fields, Column.DESTINATION), eta(row, fields), time);
        return info.equals(VesselInfo.unknown(vessel, time)) ? null : info;
    }

    private static @Nullable String text(RowParser row, List<String> fields, Column column) {
        String text = row.cell(fields, column);
        return text.isEmpty() ? null : text;
    }

    /** MarineCadastre writes {@code IMO9307839}, DMA the bare number; 0 is "none". */
    private static int imo(RowParser row, List<String> fields) throws RowException {
        String text = row.cell(fields, Column.IMO);
        if (text.toUpperCase(Locale.ROOT).startsWith("IMO")) {
            text = text.substring(3);
        }
        if (text.isEmpty() || text.equalsIgnoreCase("unknown")) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new RowException(RejectReason.INVALID_VALUE, "IMO is not a number: '" + row.cell(fields, Column.IMO) + "'");
        }
    }

    private static int shipType(RowParser row, List<String> fields) throws RowException {
        String text = row.cell(fields, Column.SHIP_TYPE);
        if (text.isEmpty()) {
            return -1;
        }
        if (row.layout() == CsvLayout.DMA) {
            if (DmaText.isUndefinedShipType(text)) {
                return -1;
            }
            OptionalInt code = DmaText.shipType(text, row.cell(fields, Column.CARGO_TYPE));
            if (code.isEmpty()) {
                throw new RowException(RejectReason.INVALID_VALUE, "unknown ship type '" + text + "'");
            }
            return code.getAsInt();
        }
        // MarineCadastre 2009-2017 used its own codes above 1000 for some years: not AIS codes, so unknown.
        long code = row.integral(fields, Column.SHIP_TYPE, 0, Integer.MAX_VALUE);
        return code <= 99 ? (int) code : -1;
    }

    /** Bow, stern, port, starboard. */
    private static int[] offsets(RowParser row, List<String> fields) throws RowException {
        int bow = dimension(row, fields, Column.TO_BOW);
        int stern = dimension(row, fields, Column.TO_STERN);
        int port = dimension(row, fields, Column.TO_PORT);
        int starboard = dimension(row, fields, Column.TO_STARBOARD);
        if (bow < 0 && stern < 0) {
            int length = dimension(row, fields, Column.LENGTH);
            bow = length < 0 ? -1 : (length + 1) / 2;
            stern = length < 0 ? -1 : length / 2;
        }
        if (port < 0 && starboard < 0) {
            int width = dimension(row, fields, Column.WIDTH);
            port = width < 0 ? -1 : (width + 1) / 2;
            starboard = width < 0 ? -1 : width / 2;
        }
        return new int[] {bow, stern, port, starboard};
    }

    private static int dimension(RowParser row, List<String> fields, Column column) throws RowException {
        double metres = row.ranged(fields, column, Double.NaN, 0, MAX_DIMENSION_METRES);
        return Double.isNaN(metres) ? -1 : (int) Math.round(metres);
    }

    private static double draught(RowParser row, List<String> fields) throws RowException {
        return row.ranged(fields, Column.DRAUGHT, Double.NaN, 0, 100);
    }

    private static @Nullable String eta(RowParser row, List<String> fields) throws RowException {
        String text = row.cell(fields, Column.ETA);
        return text.isEmpty() ? null : RowParser.eta(text);
    }
}
