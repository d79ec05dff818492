package io.watchkeeper.core.detect.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Maritime Identification Digits the ITU has allocated (ITU-R M.585-9, Table of Maritime
 * Identification Digits), read once from the {@code mid.csv} resource beside this class, whose README
 * gives its source and licence.
 */
public final class MidTable {

    private static final String RESOURCE = "mid.csv";
    /** MIDs are three digits whose first is 2..7; an array indexed by MID holds the country names. */
    private static final String[] COUNTRIES = load();

    private MidTable() {
    }

    /** True if the ITU has allocated {@code mid} (e.g. 219 Denmark); false for 200, 217, 776 or 99. */
    public static boolean isAllocated(int mid) {
        return mid >= 0 && mid < COUNTRIES.length && COUNTRIES[mid] != null;
    }

    /** The country or area of an allocated MID, as the ITU names it. */
    public static Optional<String> country(int mid) {
        return isAllocated(mid) ? Optional.of(COUNTRIES[mid]) : Optional.empty();
    }

    /** How many MIDs are allocated. */
    public static int size() {
        int n = 0;
        for (String c : COUNTRIES) {
            n += c == null ? 0 : 1;
        }
        return n;
    }

    private static String[] load() {
        String[] countries = new String[800];
        try (InputStream in = MidTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + MidTable.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int comma = line.indexOf(',');
                int mid = comma == 3 ? parseMid(line.substring(0, 3)) : -1;
                if (mid < 200 || mid > 799) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": not 'MID,country' with a MID 2xx..7xx: "
                            + line);
                }
                countries[mid] = line.substring(comma + 1).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return countries;
    }

    private static int parseMid(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
