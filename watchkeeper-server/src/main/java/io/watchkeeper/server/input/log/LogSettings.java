package io.watchkeeper.server.input.log;

import java.time.Duration;
import java.util.Objects;

/**
 * How the input log keeps its records on disk.
 *
 * @param segmentBytes size of one segment file (preallocated, so a full disk shows at the roll, not mid-write)
 * @param maxBytes     the most the log may hold on disk; past it appends fail and input waits (backpressure)
 * @param sync         whether an append is acknowledged once it survives a process crash ({@link Sync#PROCESS})
 *                     or only once it is on the disk itself ({@link Sync#DISK}, group commit)
 * @param retention    how long released segments are kept anyway, for replays; zero deletes them at once
 */
public record LogSettings(long segmentBytes, long maxBytes, Sync sync, Duration retention) {

    /** 64 MiB segments, at most 2 GiB, process-crash safety, nothing kept after release. */
    public static final LogSettings DEFAULTS = new LogSettings(64L << 20, 2L << 30, Sync.PROCESS, Duration.ZERO);

    /** The smallest segment: room for a few maximal payloads. */
    public static final long MIN_SEGMENT_BYTES = 1L << 20;

    public LogSettings {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(retention, "retention");
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("log segment size must be 1 MiB to 2 GiB, got " + segmentBytes);
        }
        if (maxBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("log size limit must hold at least two segments ("
                    + 2 * segmentBytes + " bytes), got " + maxBytes);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("log retention must not be negative");
        }
    }

    /** When an appended record counts as safe. */
    public enum Sync {
        /** In the operating system's page cache: survives {@code kill -9} of the process, not power loss. */
        PROCESS,
        /** Forced to disk (fsync), in groups: survives power loss, at the cost measured in BENCHMARKS.md. */
        DISK
    }

    public LogSettings withSegmentBytes(long bytes) {
        return new LogSettings(bytes, maxBytes, sync, retention);
    }

    public LogSettings withMaxBytes(long bytes) {
        return new LogSettings(segmentBytes, bytes, sync, retention);
    }

    public LogSettings withSync(Sync s) {
        return new LogSettings(segmentBytes, maxBytes, s, retention);
    }

    public LogSettings withRetention(Duration d) {
        return new LogSettings(segmentBytes, maxBytes, sync, d);
    }
}
