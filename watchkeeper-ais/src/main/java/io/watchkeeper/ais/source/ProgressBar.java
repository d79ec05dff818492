package io.watchkeeper.ais.source;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A one-line progress display for file replays: percent of file bytes (compressed bytes for gzip),
 * lines, and lines per second, redrawn in place with {@code \r} at most every {@value #REDRAW_MILLIS} ms
 * so that drawing never costs more than the replay. Meant for a terminal: the CLI enables it only when
 * {@code System.console() != null}, so logs and pipes do not fill with carriage returns.
 * Used by the replaying thread only.
 */
public final class ProgressBar {

    static final long REDRAW_MILLIS = 100;

    private static final ProgressBar DISABLED = new ProgressBar(null, Clock.systemUTC());

    private final @Nullable PrintStream out;
    private final Clock clock;
    private long startMillis;
    private long lastDrawMillis;
    private int lastWidth;

    private ProgressBar(@Nullable PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A progress bar that draws nothing. */
    public static ProgressBar disabled() {
        return DISABLED;
    }

    /** A progress bar drawing to {@code out} (in use: standard error), timed by {@code clock}. */
    public static ProgressBar to(PrintStream out, Clock clock) {
        return new ProgressBar(Objects.requireNonNull(out, "out"), Objects.requireNonNull(clock, "clock"));
    }

    public boolean enabled() {
        return out != null;
    }

    /** Marks the start, from which the rate is measured. */
    public void start() {
        if (out != null) {
            startMillis = clock.millis();
            lastDrawMillis = startMillis;
            lastWidth = 0;
        }
    }

    /** Redraws if the last drawing is at least {@value #REDRAW_MILLIS} ms old; cheap otherwise. */
    public void update(long bytesRead, long totalBytes, long lines) {
        if (out == null) {
            return;
        }
        long now = clock.millis();
        if (now - lastDrawMillis < REDRAW_MILLIS) {
            return;
        }
        lastDrawMillis = now;
        draw(render(bytesRead, totalBytes, lines, now - startMillis), false);
    }

    /** Draws the final state and ends the line. */
    public void finish(long bytesRead, long totalBytes, long lines) {
        if (out == null) {
            return;
        }
        draw(render(bytesRead, totalBytes, lines, clock.millis() - startMillis), true);
    }

    /** The text of one drawing, without the {@code \r}. */
    static String render(long bytesRead, long totalBytes, long lines, long elapsedMillis) {
        String done = totalBytes > 0
                ? String.format(Locale.ROOT, "%5.1f%%", Math.min(100.0, bytesRead * 100.0 / totalBytes))
                : String.format(Locale.ROOT, "%,d bytes", bytesRead);
        long rate = elapsedMillis > 0 ? lines * 1000 / elapsedMillis : 0;
        return String.format(Locale.ROOT, "%s  %,d lines  %,d lines/s  %.1f s", done, lines, rate, elapsedMillis / 1000.0);
    }

    private void draw(String text, boolean last) {
        // Pad with blanks so a shorter drawing fully covers the longer one before it.
        int pad = Math.max(0, lastWidth - text.length());
        lastWidth = text.length();
        out.print('\r' + text + " ".repeat(pad) + (last ? System.lineSeparator() : ""));
        out.flush();
    }
}
