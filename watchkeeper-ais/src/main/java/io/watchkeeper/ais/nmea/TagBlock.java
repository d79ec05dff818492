package io.watchkeeper.ais.nmea;

import org.jetbrains.annotations.Nullable;

/**
 * The fields of one NMEA 4.0 tag block ({@code \c:1418169601,s:rORBCOMM008,g:1-2-1604*hh\}) that the
 * framer uses. Mutable and reused for every line by its framer's thread; {@link #parse} fills it.
 */
final class TagBlock {

    /** {@link #groupId} when the tag block has no usable group. */
    static final long NO_GROUP = -1;

    boolean present;
    /** Epoch milliseconds from {@code c:}, or {@link AisPayload#NO_TIME}. */
    long timeMillis;
    @Nullable String source;
    /** From {@code g:n-m-id}, or the older {@code nGm:id} form; {@link #NO_GROUP} if absent or malformed. */
    long groupId;
    /** Index after the closing backslash. */
    int end;
    /** Set by {@link #parse} when its failure was a checksum (rather than framing) problem. */
    boolean checksumProblem;

    /** The last source text seen, reused while a feed repeats it so most lines allocate no String. */
    private @Nullable String lastSource;

    void reset() {
        present = false;
        timeMillis = AisPayload.NO_TIME;
        source = null;
        groupId = NO_GROUP;
        end = 0;
    }

    /**
     * Parses the tag block starting at the backslash at {@code start}.
     *
     * @return null on success, else a short reason (with {@link #checksumProblem} telling which kind)
     */
    @Nullable String parse(CharSequence line, int start, int lineEnd, boolean verifyChecksum) {
        reset();
        checksumProblem = false;
        int close = NmeaChars.indexOf(line, '\\', start + 1, lineEnd);
        if (close == lineEnd) {
            return "tag block not closed";
        }
        int star = NmeaChars.indexOf(line, '*', start + 1, close);
        if (star == close) {
            checksumProblem = true;
            return "tag block without checksum";
        }
        int given = star + 3 == close ? NmeaChars.hexByte(line, star + 1, close) : -1;
        if (given < 0) {
            checksumProblem = true;
            return "tag block checksum *" + line.subSequence(star + 1, close) + " malformed";
        }
        int expected = NmeaChars.xor(line, start + 1, star);
        if (verifyChecksum && given != expected) {
            checksumProblem = true;
            return "tag block checksum *" + NmeaChars.hex(given) + " expected *" + NmeaChars.hex(expected);
        }
        present = true;
        end = close + 1;
        for (int field = start + 1; field < star; ) {
            int fieldEnd = NmeaChars.indexOf(line, ',', field, star);
            parseField(line, field, fieldEnd);
            field = fieldEnd + 1;
        }
        return null;
    }

    private void parseField(CharSequence line, int from, int to) {
        int colon = NmeaChars.indexOf(line, ':', from, to);
        if (colon == to) {
            return;
        }
        if (colon == from + 1) {
            char key = line.charAt(from);
            if (key == 'c') {
                long value = NmeaChars.parseLong(line, colon + 1, to);
                timeMillis = value == NmeaChars.NOT_A_NUMBER ? AisPayload.NO_TIME : NmeaChars.unixToMillis(value);
            } else if (key == 's' && colon + 1 < to) {
                source = sourceText(line, colon + 1, to);
            } else if (key == 'g') {
                groupId = groupIdOfNewForm(line, colon + 1, to);
            }
        } else if (colon == from + 3 && line.charAt(from + 1) == 'G') {
            // NMEA 4.0's older grouping form, e.g. "1G2:0125" (sentence 1 of 2, group 125).
            groupId = NmeaChars.parseLong(line, colon + 1, to);
        }
    }

    /** The id of {@code n-m-id} where all three are numbers, else {@link #NO_GROUP}. */
    private static long groupIdOfNewForm(CharSequence line, int from, int to) {
        int dash1 = NmeaChars.indexOf(line, '-', from, to);
        int dash2 = NmeaChars.indexOf(line, '-', dash1 + 1, to);
        if (dash2 >= to || NmeaChars.parseLong(line, from, dash1) < 1
                || NmeaChars.parseLong(line, dash1 + 1, dash2) < 1) {
            return NO_GROUP;
        }
        return NmeaChars.parseLong(line, dash2 + 1, to);
    }

    private String sourceText(CharSequence line, int from, int to) {
        String last = lastSource;
        if (last != null && last.length() == to - from && NmeaChars.startsWith(line, from, to, last)) {
            return last;
        }
        String text = line.subSequence(from, to).toString();
        lastSource = text;
        return text;
    }
}
