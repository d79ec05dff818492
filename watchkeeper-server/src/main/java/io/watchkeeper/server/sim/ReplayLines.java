package io.watchkeeper.server.sim;

import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * The lines of a recording for a replay station: once as recorded, or looped on the clock. Looped, the
 * {@code $PGHP} receive times are moved so that the first one is the moment the replay started, and each
 * pass starts {@link #LOOP_PAUSE_MILLIS} after the last time of the pass before: event time keeps
 * increasing, as a live feed's does, so the detectors never read a second pass as late or repeated input.
 * (A ship is then back where the recording first saw it, a jump the detectors treat like any other.)
 * One thread.
 */
public final class ReplayLines implements Closeable {

    /** Opens the recording afresh, for each pass. */
    @FunctionalInterface
    public interface Opener {
        LineInput open() throws IOException;
    }

    /** Event time between the last report of one pass and the first of the next. */
    static final long LOOP_PAUSE_MILLIS = 1_000;

    private final String name;
    private final Opener opener;
    private final @Nullable Clock clock;
    private @Nullable LineInput input;
    private long passes;
    private long linesThisPass;
    private boolean shifting;
    private long offsetMillis;
    private long firstMillis = GatehouseTime.NO_TIME;
    private long newestShiftedMillis = GatehouseTime.NO_TIME;

    private ReplayLines(String name, Opener opener, @Nullable Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = clock;
    }

    /** A file (plain or gzip), read once with its times as recorded. */
    public static ReplayLines once(String file) {
        return new ReplayLines(file, () -> LineFiles.open(file), null);
    }

    /** Any source, read once with its times as recorded. */
    public static ReplayLines once(String name, Opener opener) {
        return new ReplayLines(name, opener, null);
    }

    /** Any source, read again and again with its {@code $PGHP} times moved onto {@code clock}. */
    public static ReplayLines looped(String name, Opener opener, Clock clock) {
        return new ReplayLines(name, opener, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A recording on the class path (plain or gzip).
     *
     * @throws IllegalStateException if it is not there: the jar was built without it
     */
    public static Opener resource(String path) {
        Objects.requireNonNull(path, "path");
        return () -> {
            InputStream in = ReplayLines.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path; rebuild the jar");
            }
            return LineFiles.of(in, path, -1);
        };
    }

    public String name() {
        return name;
    }

    /** Passes begun so far (1 during the first). */
    public long passes() {
        return passes;
    }

    /** The next line, or null at the end (never while looping, unless a pass finds no line at all). */
    public @Nullable String next() throws IOException {
        while (true) {
            if (input == null) {
                if (passes > 0 && (clock == null || linesThisPass == 0)) {
                    return null;
                }
                startPass();
            }
            String line = input.readLine();
            if (line != null) {
                linesThisPass++;
                return clock == null ? line : shifted(line);
            }
            input.close();
            input = null;
        }
    }

    private void startPass() throws IOException {
        if (passes > 0 && newestShiftedMillis != GatehouseTime.NO_TIME) {
            offsetMillis = newestShiftedMillis + LOOP_PAUSE_MILLIS - firstMillis;
        }
        passes++;
        linesThisPass = 0;
        input = opener.open();
    }

    private String shifted(String line) {
        long t = GatehouseTime.millis(line);
        if (t == GatehouseTime.NO_TIME) {
            return line;
        }
        if (!shifting) {
            shifting = true;
            firstMillis = t;
            offsetMillis = clock.millis() - t;
        }
        newestShiftedMillis = Math.max(newestShiftedMillis, t + offsetMillis);
        return GatehouseTime.shift(line, offsetMillis);
    }

    @Override
    public void close() throws IOException {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
