package io.watchkeeper.ais.csv;

import java.util.Objects;

/**
 * What one CSV file gave.
 *
 * @param layout      the layout recognised from its header
 * @param rows        data rows (not counting the header and blank lines)
 * @param fixes       rows that became fixes
 * @param vesselInfos static-data reports handed on
 * @param rejected    rows rejected
 */
public record CsvReadStats(CsvLayout layout, long rows, long fixes, long vesselInfos, long rejected) {

    public CsvReadStats {
        Objects.requireNonNull(layout, "layout");
    }
}
