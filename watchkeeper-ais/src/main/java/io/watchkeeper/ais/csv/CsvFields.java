package io.watchkeeper.ais.csv;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * Splits one CSV line on commas, honouring double quotes (MarineCadastre quotes names that contain
 * commas) and {@code ""} as a quote inside quotes. Fields never span lines: the files we read have none.
 */
final class CsvFields {

    private CsvFields() {
    }

    /** The fields, unquoted but not trimmed; null if a quote is left open. */
    static @Nullable List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < length && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
