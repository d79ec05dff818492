package io.watchkeeper.ais.csv;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;

/** Receives what {@link CsvTrackReader} makes of each row, in file order, on the reading thread. */
public interface TrackListener {

    /** A position row. */
    void onFix(Fix fix);

    /** A row that could not be read, with why. */
    void onRejected(CsvRejection rejection);

    /**
     * Static data of a row (name, call sign, type, size, ...) when the file has such columns and it
     * differs from what was last reported for that vessel; comes before the row's fix.
     */
    default void onVesselInfo(VesselInfo info) {
    }
}
