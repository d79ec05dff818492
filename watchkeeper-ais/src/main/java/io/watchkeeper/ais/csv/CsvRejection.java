package io.watchkeeper.ais.csv;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.Objects;

/**
 * A CSV row that could not become a fix; the file goes on.
 *
 * @param lineNumber 1-based line in the file (the header is line 1)
 * @param reason     bounded reason, for metrics and dead letters
 * @param detail     which column and what was wrong, for people
 * @param rawLine    the line as read
 */
public record CsvRejection(long lineNumber, RejectReason reason, String detail, String rawLine) {

    public CsvRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(rawLine, "rawLine");
    }
}
