package io.watchkeeper.ais.message;

import io.watchkeeper.core.deadletter.RejectReason;

/**
 * Reads bit fields from the armoured characters. The first {@value #PACKED_BITS} bits (all of a type 1-3,
 * 4, 9, 18 or 27 message) are packed into three longs while the characters are checked, so that their
 * fields are read with two shifts; fields further on are read from the characters. Bits past the last
 * character read as 0; fill bits inside the last character are read like any other bit, as gpsd does for
 * text (the decoder applies the length rules).
 *
 * <p>One instance per decode call; not thread-safe, never shared.
 */
final class PayloadBits {

    /** Bits held in {@link #w0}..{@link #w2}: ten characters of six bits per long. */
    static final int PACKED_BITS = 180;
    private static final int WORD_BITS = 60;
    private static final int WORD_CHARS = 10;

    private final CharSequence armored;
    private final int start;
    private final int chars;
    private final int bitLength;
    /** Bits [0, 60), [60, 120) and [120, 180), first bit highest, in the low 60 bits of each. */
    private final long w0;
    private final long w1;
    private final long w2;

    /**
     * Checks every character of {@code armored[start, end)} and packs the first {@value #PACKED_BITS} bits.
     *
     * @throws AisPayloadException {@link io.watchkeeper.core.deadletter.RejectReason#AIS_PAYLOAD} for a
     *     character outside the armour alphabet
     */
    PayloadBits(CharSequence armored, int start, int end, int fillBits) throws AisPayloadException {
        this.armored = armored;
        this.start = start;
        this.chars = end - start;
        this.bitLength = 6 * chars - fillBits;
        // Three locals, not a long[]: escape analysis can then drop this object once decode is inlined.
        long a = 0;
        long b = 0;
        long c = 0;
        for (int i = 0; i < chars; i++) {
            int value = sixBit(armored.charAt(start + i));
            if (value < 0) {
                throw new AisPayloadException(RejectReason.AIS_PAYLOAD, "character 0x"
                        + Integer.toHexString(armored.charAt(start + i)) + " at " + i + " is not six-bit armour");
            }
            if (i < WORD_CHARS) {
                a = a << 6 | value;
            } else if (i < 2 * WORD_CHARS) {
                b = b << 6 | value;
            } else if (i < 3 * WORD_CHARS) {
                c = c << 6 | value;
            }
        }
        // A word not filled to ten characters is left-aligned: the missing bits read as 0.
        this.w0 = align(a, Math.min(chars, WORD_CHARS));
        this.w1 = align(b, Math.min(Math.max(chars - WORD_CHARS, 0), WORD_CHARS));
        this.w2 = align(c, Math.min(Math.max(chars - 2 * WORD_CHARS, 0), WORD_CHARS));
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
        if (offset + width > PACKED_BITS) {
            return fromChars(offset, width);
        }
        int first = offset / WORD_BITS;
        int last = (offset + width - 1) / WORD_BITS;
        int inWord = offset - first * WORD_BITS;
        if (first == last) {
            return (int) (word(first) >>> (WORD_BITS - inWord - width) & (1L << width) - 1);
        }
        int highBits = WORD_BITS - inWord;
        int lowBits = width - highBits;
        long high = word(first) & (1L << highBits) - 1;
        return (int) (high << lowBits | word(last) >>> (WORD_BITS - lowBits));
    }

    private static long align(long word, int charsIn) {
        return word << 6 * (WORD_CHARS - charsIn);
    }

    private long word(int index) {
        return index == 0 ? w0 : index == 1 ? w1 : w2;
    }

    private int fromChars(int offset, int width) {
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

    /**
     * Six-bit text running to the end of the message: as many whole characters as the bits from
     * {@code offset} hold, cut at the first {@code '@'}, trailing spaces trimmed (gpsd's reading of
     * the free text of types 12, 14 and of the DAC 1 text messages).
     */
    String textToEnd(int offset) {
        return text(offset, Math.max(0, (bitLength - offset) / 6));
    }

    /**
     * {@code bitCount} bits from {@code offset}, packed first bit highest into {@code ceil(bitCount / 8)}
     * bytes. The unused low bits of the last byte are the bits that follow (fill bits as transmitted,
     * 0 past the last character) unless {@code clearTail}, which zeroes them. Callers bound
     * {@code bitCount} by the message length, itself bounded by {@link AisMessageDecoder}.
     */
    byte[] bytes(int offset, int bitCount, boolean clearTail) {
        byte[] bytes = new byte[(bitCount + 7) / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) u(offset + 8 * i, 8);
        }
        int tail = bitCount % 8;
        if (clearTail && tail != 0) {
            bytes[bytes.length - 1] &= (byte) (0xFF << (8 - tail));
        }
        return bytes;
    }

    static String trimRight(StringBuilder text) {
        int length = text.length();
        while (length > 0 && text.charAt(length - 1) == ' ') {
            length--;
        }
        return text.substring(0, length);
    }
}
