package io.watchkeeper.ais.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * An open text input read line by line; made by {@link LineFiles}. Lines are split and decoded as
 * {@link LineSplitter} describes. Not thread-safe, except {@link #bytesRead()}, which a progress display
 * may read from another thread.
 */
public final class LineInput implements Closeable {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final String name;
    private final InputStream text;
    private final CountingInputStream counted;
    private final long sizeBytes;
    private final boolean gzip;
    private final LineSplitter splitter = new LineSplitter(LineSplitter.DEFAULT_MAX_LINE_CHARS);
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private boolean ended;
    /** The unterminated last line, held from end of input until it is read. */
    private @Nullable String lastLine;

    LineInput(String name, InputStream text, CountingInputStream counted, long sizeBytes, boolean gzip) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.counted = Objects.requireNonNull(counted, "counted");
        this.sizeBytes = sizeBytes;
        this.gzip = gzip;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public @Nullable String readLine() throws IOException {
        // Pulled from the splitter one at a time: a queue of lines in between cost ~4 % of a decode run.
        while (!ended) {
            String line = splitter.nextLine();
            if (line != null) {
                return line;
            }
            int n = text.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
                splitter.flush(last -> lastLine = last);
            } else {
                splitter.start(chunk, 0, n);
            }
        }
        String line = lastLine;
        lastLine = null;
        return line;
    }

    /** What was opened: the path, or {@code "-"} for standard input. */
    public String name() {
        return name;
    }

    /** Bytes taken from the file so far: compressed bytes for gzip, so comparable with {@link #sizeBytes()}. */
    public long bytesRead() {
        return counted.count();
    }

    /** The file's size in bytes, or -1 when unknown (standard input, a pipe). */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** True if the input was gzip-compressed (recognised by its magic bytes). */
    public boolean gzip() {
        return gzip;
    }

    /** Lines cut at the line-length limit so far. */
    public long overlongLines() {
        return splitter.overlongLines();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
