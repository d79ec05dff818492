package io.watchkeeper.ais.source;

import java.time.Duration;
import java.util.Objects;

/**
 * What a file replay did.
 *
 * @param lines     lines handed on
 * @param bytes     bytes read from the file (compressed bytes for gzip)
 * @param elapsed   wall time from open to end, by the replay's clock
 */
public record ReplayStats(long lines, long bytes, Duration elapsed) {

    public ReplayStats {
        Objects.requireNonNull(elapsed, "elapsed");
        if (lines < 0 || bytes < 0 || elapsed.isNegative()) {
            throw new IllegalArgumentException("negative stats: " + lines + " lines, " + bytes + " bytes, " + elapsed);
        }
    }

    /** Lines per second of wall time; 0 when no time elapsed (the rate is then unknown, not infinite). */
    public double linesPerSecond() {
        long millis = elapsed.toMillis();
        return millis == 0 ? 0 : lines * 1000.0 / millis;
    }
}
