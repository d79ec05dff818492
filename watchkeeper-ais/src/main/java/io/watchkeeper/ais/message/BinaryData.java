package io.watchkeeper.ais.message;

import java.util.Arrays;

/**
 * Application bits nobody here decodes field by field: {@code bitCount} bits packed first bit highest
 * into {@code ceil(bitCount / 8)} bytes. How the unused low bits of the last byte are filled follows
 * gpsd per message type (see {@link AisMessageDecoder}). At most 1008 bits (126 bytes), the longest
 * AIS message (ITU-R M.1371-5, 5 slots).
 */
public record BinaryData(int bitCount, byte[] bytes) implements ApplicationData {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public BinaryData {
        if (bitCount < 0 || bytes.length != (bitCount + 7) / 8) {
            throw new IllegalArgumentException(bitCount + " bits do not fill " + bytes.length + " bytes");
        }
        bytes = bytes.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as lower-case hex, two digits each, as gpsd prints them. */
    public String hex() {
        StringBuilder hex = new StringBuilder(2 * bytes.length);
        appendHex(hex);
        return hex.toString();
    }

    /** Appends {@link #hex()} without building a string. */
    public void appendHex(StringBuilder out) {
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryData other && bitCount == other.bitCount && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bitCount + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BinaryData[" + bitCount + ":" + hex() + "]";
    }
}
