package io.watchkeeper.ais.csv;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import java.util.List;
import java.util.Objects;

/** A whole CSV file in memory, for tests and small files; see {@link CsvTrackReader#readAll}. */
public record CsvTrack(CsvReadStats stats, List<Fix> fixes, List<VesselInfo> vesselInfos, List<CsvRejection> rejections) {

    public CsvTrack {
        Objects.requireNonNull(stats, "stats");
        fixes = List.copyOf(fixes);
        vesselInfos = List.copyOf(vesselInfos);
        rejections = List.copyOf(rejections);
    }
}
