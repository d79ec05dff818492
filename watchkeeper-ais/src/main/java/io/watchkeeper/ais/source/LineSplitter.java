package io.watchkeeper.ais.source;

import java.util.function.Consumer;

/**
 * Cuts bytes into lines the way every source does: {@code \n}, {@code \r\n} and a lone {@code \r} end a
 * line; bytes are ISO-8859-1, so any byte is a character and junk never throws (NMEA is ASCII). A line
 * longer than the limit is cut there and the rest up to its terminator dropped, so a peer that never
 * sends a newline cannot exhaust memory. Not thread-safe: one per stream.
 */
final class LineSplitter {

    /** Far above any NMEA sentence (82 characters plus a tag block) or CSV row we read. */
    static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024;

    private final int maxLineChars;
    private final StringBuilder line = new StringBuilder(128);
    private boolean afterCr;
    private boolean overflowing;
    private long overlongLines;

    LineSplitter(int maxLineChars) {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be positive: " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
    }

    /** Feeds bytes; each completed line goes to {@code sink}. */
    void feed(byte[] bytes, int offset, int length, Consumer<String> sink) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = (char) (bytes[i] & 0xFF);
            if (c == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            if (c == '\n' || c == '\r') {
                emit(sink);
            } else if (line.length() < maxLineChars) {
                line.append(c);
            } else if (!overflowing) {
                overflowing = true;
                overlongLines++;
            }
        }
    }

    /** Hands on a last line that had no terminator; call at end of input. A {@code true} result means one was pending. */
    boolean flush(Consumer<String> sink) {
        afterCr = false;
        if (line.length() == 0 && !overflowing) {
            return false;
        }
        emit(sink);
        return true;
    }

    /** Lines that were cut at the limit. */
    long overlongLines() {
        return overlongLines;
    }

    private void emit(Consumer<String> sink) {
        String text = line.toString();
        line.setLength(0);
        overflowing = false;
        sink.accept(text);
    }
}
