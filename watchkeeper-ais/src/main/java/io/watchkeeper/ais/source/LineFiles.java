package io.watchkeeper.ais.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Opens files as {@link LineInput}s: plain text or gzip, recognised by the gzip magic bytes
 * ({@code 1f 8b}) rather than by the name, because recordings are often renamed or piped.
 */
public final class LineFiles {

    /** The name that means standard input. */
    public static final String STDIN = "-";

    private static final int BUFFER_BYTES = 64 * 1024;

    private LineFiles() {
    }

    /** Opens {@code pathOrDash}: a file path, or {@value #STDIN} for standard input. */
    public static LineInput open(String pathOrDash) throws IOException {
        Objects.requireNonNull(pathOrDash, "pathOrDash");
        if (STDIN.equals(pathOrDash)) {
            return of(System.in, STDIN, -1);
        }
        return open(Path.of(pathOrDash));
    }

    /** Opens a file. */
    public static LineInput open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        long size = Files.size(path);
        return of(Files.newInputStream(path), path.toString(), size);
    }

    /**
     * Wraps an already open stream, which the returned input closes.
     *
     * @param sizeBytes the stream's total length for progress, or -1 if unknown
     */
    public static LineInput of(InputStream in, String name, long sizeBytes) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        CountingInputStream counted = new CountingInputStream(in);
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_BYTES);
        try {
            boolean gzip = startsWithGzipMagic(buffered);
            InputStream text = gzip ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
            return new LineInput(name, text, counted, sizeBytes, gzip);
        } catch (IOException e) {
            // A gzip header that does not parse: do not leak the file handle.
            try {
                buffered.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }
}
