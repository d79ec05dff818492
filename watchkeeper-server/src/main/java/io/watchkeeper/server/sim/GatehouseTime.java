package io.watchkeeper.server.sim;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jetbrains.annotations.Nullable;

/**
 * Reads and moves the UTC receive time of a Gatehouse {@code $PGHP,1,yyyy,M,d,h,m,s,ms,...*hh} line, the
 * way Danish AIS recordings stamp each sentence. Moving it rewrites the seven time fields and the checksum,
 * so the line stays valid NMEA and the detector reads the new time as if the recording had been made then.
 */
final class GatehouseTime {

    /** {@link #millis} of a line that is not a {@code $PGHP} type-1 line with a valid time. */
    static final long NO_TIME = Long.MIN_VALUE;

    private static final String PREFIX = "$PGHP,1,";
    /** Fields 2..8 of the sentence: year, month, day, hour, minute, second, millisecond. */
    private static final int TIME_FIELDS = 7;

    private GatehouseTime() {
    }

    /** The line's receive time in epoch milliseconds, or {@link #NO_TIME}. */
    static long millis(String line) {
        int[] f = fields(line);
        if (f == null) {
            return NO_TIME;
        }
        try {
            return LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5]).toInstant(ZoneOffset.UTC).toEpochMilli()
                    + f[6];
        } catch (DateTimeException e) {
            return NO_TIME; // an impossible date: the line is replayed as it is, and the detector refuses it
        }
    }

    /**
     * The line with its time moved by {@code offsetMillis} and a fresh checksum; any other line unchanged.
     */
    static String shift(String line, long offsetMillis) {
        long t = millis(line);
        if (t == NO_TIME || offsetMillis == 0) {
            return line;
        }
        LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(t + offsetMillis), ZoneOffset.UTC);
        String time = String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d", at.getYear(), at.getMonthValue(),
                at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(), at.getNano() / 1_000_000);
        int restStart = indexOfField(line, PREFIX.length(), TIME_FIELDS);
        int star = line.lastIndexOf('*');
        String body = line.substring(1, PREFIX.length()) + time + line.substring(restStart - 1, star);
        String after = line.substring(Math.min(line.length(), star + 3)); // trailing columns, if any
        return "$" + body + "*" + String.format(Locale.ROOT, "%02X", xor(body)) + after;
    }

    /** The seven time fields, or null if the line is not a {@code $PGHP,1} line with seven numbers there. */
    private static int @Nullable [] fields(String line) {
        if (!line.startsWith(PREFIX) || line.lastIndexOf('*') < PREFIX.length()) {
            return null;
        }
        int[] out = new int[TIME_FIELDS];
        int from = PREFIX.length();
        for (int i = 0; i < TIME_FIELDS; i++) {
            int end = line.indexOf(',', from);
            if (end < 0) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(line, from, end, 10);
            } catch (NumberFormatException e) {
                return null; // not a time this class can move: the line is left as it is
            }
            from = end + 1;
        }
        return out;
    }

    /** The index just past the {@code n}th comma from {@code from}. */
    private static int indexOfField(String line, int from, int n) {
        int at = from;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at) + 1;
        }
        return at;
    }

    private static int xor(String body) {
        int x = 0;
        for (int i = 0; i < body.length(); i++) {
            x ^= body.charAt(i);
        }
        return x;
    }
}
