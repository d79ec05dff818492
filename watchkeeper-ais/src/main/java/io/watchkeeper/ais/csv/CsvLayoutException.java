package io.watchkeeper.ais.csv;

import java.io.IOException;
import java.util.List;

/** A CSV header that matches none of the {@link CsvLayout}s; the message names the missing columns. */
public final class CsvLayoutException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> missingColumns;

    CsvLayoutException(String message, List<String> missingColumns) {
        super(message);
        this.missingColumns = List.copyOf(missingColumns);
    }

    /** The columns the nearest layout needs and the header lacks. */
    public List<String> missingColumns() {
        return missingColumns;
    }
}
