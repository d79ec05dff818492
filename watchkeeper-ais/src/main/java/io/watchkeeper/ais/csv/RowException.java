package io.watchkeeper.ais.csv;

import io.watchkeeper.core.deadletter.RejectReason;

/** A row that cannot be read; caught per row by {@link CsvTrackReader}, never escapes it. */
final class RowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    RowException(RejectReason reason, String detail) {
        // No stack trace: this is data, and a bad file can have millions of them.
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
