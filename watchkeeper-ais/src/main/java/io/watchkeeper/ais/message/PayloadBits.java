package io.watchkeeper.ais.message;

/**
 * Reads bit fields straight from the armoured characters, without unpacking them first. Bits past the
 * last character read as 0; fill bits inside the last character are read like any other bit, as gpsd
 * does for text (the decoder applies the length rules).
 *
 * <p>One instance per decode call; not thread-safe, never shared.
 */
final class PayloadBits {

    private final CharSequence armored;
    private final int start;
    private final int chars;
    private final int bitLength;

    PayloadBits(CharSequence armored, int start, int end, int fillBits) {
        this.armored = armored;
        this.start = start;
        this.chars = end - start;
        this.bitLength = 6 * chars - fillBits;
    }

    /** Payload length in bits, fill bits excluded. */
    int bitLength() {
        return bitLength;
    }

    /** The six-bit value of an armour character, or -1 if it is outside the alphabet. */
    static int sixBit(char c) {
        if (c >= 48 && c <= 87) {
            return c - 48;
        }
        if (c >= 96 && c <= 119) {
            return c - 56;
        }
        return -1;
    }

    /** Unsigned field of {@code width} (at most 32) bits at bit {@code offset}. */
    int u(int offset, int width) {
        long acc = 0;
        int index = offset / 6;
        int skip = offset % 6;
        int remaining = width;
        while (remaining > 0) {
            int value = index < chars ? sixBit(armored.charAt(start + index)) : 0;
            int available = 6 - skip;
            int take = Math.min(available, remaining);
            acc = (acc << take) | ((value >> (available - take)) & ((1 << take) - 1));
            remaining -= take;
            skip = 0;
            index++;
        }
        return (int) acc;
    }

    /** Two's complement signed field of {@code width} bits. */
    int s(int offset, int width) {
        int value = u(offset, width);
        int shift = 32 - width;
        return (value << shift) >> shift;
    }

    boolean bit(int offset) {
        return u(offset, 1) != 0;
    }

    /** Six-bit text of {@code count} characters, cut at the first {@code '@'}, trailing spaces trimmed. */
    String text(int offset, int count) {
        StringBuilder text = new StringBuilder(count);
        appendText(text, offset, count);
        return trimRight(text);
    }

    /**
     * Appends six-bit text to {@code text}, stopping at the first {@code '@'} (padding, "no more text").
     * Returns false if it stopped there, so that a caller gluing two text fields can stop too.
     */
    boolean appendText(StringBuilder text, int offset, int count) {
        for (int i = 0; i < count; i++) {
            int value = u(offset + 6 * i, 6);
            if (value == 0) {
                return false;
            }
            text.append((char) (value < 32 ? value + 64 : value));
        }
        return true;
    }

    static String trimRight(StringBuilder text) {
        int length = text.length();
        while (length > 0 && text.charAt(length - 1) == ' ') {
            length--;
        }
        return text.substring(0, length);
    }
}
