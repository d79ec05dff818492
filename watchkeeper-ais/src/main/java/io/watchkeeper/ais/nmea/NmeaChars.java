package io.watchkeeper.ais.nmea;

/** Index-scanning primitives over a line, so the hot path needs no regex, split or substring. */
final class NmeaChars {

    /** Returned by the number parsers when the range is empty or not all digits. */
    static final long NOT_A_NUMBER = -1;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NmeaChars() {
    }

    /** XOR of the characters in [from, to), the NMEA 0183 checksum. */
    static int xor(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum ^= s.charAt(i);
        }
        return sum & 0xFF;
    }

    /** The value of two hex digits at {@code at} (either case), or -1. */
    static int hexByte(CharSequence s, int at, int end) {
        if (at + 2 > end) {
            return -1;
        }
        int high = Character.digit(s.charAt(at), 16);
        int low = Character.digit(s.charAt(at + 1), 16);
        // Character.digit also accepts non-ASCII digits; a checksum is ASCII only.
        if (high < 0 || low < 0 || s.charAt(at) > 'f' || s.charAt(at + 1) > 'f') {
            return -1;
        }
        return high << 4 | low;
    }

    static String hex(int value) {
        return new String(new char[] {HEX[value >> 4 & 0xF], HEX[value & 0xF]});
    }

    /** Index of {@code c} in [from, end), or end. */
    static int indexOf(CharSequence s, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return end;
    }

    /** The decimal number in [from, to), at most 18 digits, or {@link #NOT_A_NUMBER}. */
    static long parseLong(CharSequence s, int from, int to) {
        if (from >= to || to - from > 18) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The decimal number in [from, to), at most 9 digits, or -1. */
    static int parseInt(CharSequence s, int from, int to) {
        return to - from > 9 ? -1 : (int) parseLong(s, from, to);
    }

    /** True for the six-bit armour alphabet of ITU-R M.1371 / IEC 61162-1: ASCII 48..87 and 96..119. */
    static boolean isArmour(char c) {
        return c >= '0' && c <= 'W' || c >= '`' && c <= 'w';
    }

    /** Characters allowed in an NMEA address field: upper-case letters, digits, and '-' (null talker). */
    static boolean isAddressChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /**
     * Epoch milliseconds from a feed's unix time: values above 10^11 are already milliseconds
     * (10^11 seconds is the year 5138, so no real seconds value is that large).
     */
    static long unixToMillis(long value) {
        return value > 100_000_000_000L ? value : value * 1000;
    }

    static boolean startsWith(CharSequence s, int at, int end, String prefix) {
        if (at + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
