package io.watchkeeper.ais.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

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
    private byte[] chunk = new byte[0];
    private int position;
    private int chunkEnd;
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
        start(bytes, offset, length);
        for (String next = nextLine(); next != null; next = nextLine()) {
            sink.accept(next);
        }
    }

    /**
     * Pull style, for a reader that wants one line at a time: makes {@code bytes[offset, offset + length)}
     * the chunk that {@link #nextLine()} cuts. The chunk must stay unchanged until nextLine returns null.
     */
    void start(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        chunk = bytes;
        position = offset;
        chunkEnd = offset + length;
    }

    /**
     * The next line completed by the current chunk, or null once the chunk is used up (its unterminated
     * tail is kept for the next chunk). A line lying wholly in the chunk becomes a String in one copy.
     */
    @Nullable String nextLine() {
        byte[] bytes = chunk;
        while (position < chunkEnd) {
            if (afterCr) {
                afterCr = false;
                if (bytes[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int from = position;
            int to = from;
            while (to < chunkEnd && bytes[to] != '\n' && bytes[to] != '\r') {
                to++;
            }
            if (to == chunkEnd) {
                keep(bytes, from, to);
                position = chunkEnd;
                return null;
            }
            afterCr = bytes[to] == '\r';
            position = to + 1;
            if (line.length() == 0 && !overflowing && to - from <= maxLineChars) {
                return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            }
            keep(bytes, from, to);
            return take();
        }
        return null;
    }

    /** Appends bytes to the pending line, up to the limit; counts the line once if it goes beyond. */
    private void keep(byte[] bytes, int from, int to) {
        int room = maxLineChars - line.length();
        int copy = Math.min(room, to - from);
        for (int i = from; i < from + copy; i++) {
            line.append((char) (bytes[i] & 0xFF));
        }
        if (copy < to - from && !overflowing) {
            overflowing = true;
            overlongLines++;
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
        sink.accept(take());
    }

    private String take() {
        String text = line.toString();
        line.setLength(0);
        overflowing = false;
        return text;
    }
}
