package io.watchkeeper.server.durable;

import io.watchkeeper.server.input.log.LogSettings;
import io.watchkeeper.server.input.log.MemoryLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * How the detector keeps its promises across failures.
 *
 * <p>Input is always appended to an input log and acknowledged as soon as the log holds it. With a
 * state directory the log is on disk there, beside the checkpoints, and a restart (even after
 * {@code kill -9}) resumes from the last checkpoint and replays the log from its position: nothing is
 * lost. Without one, the log is in memory ({@link MemoryLog}): bursts are still taken in full, but what
 * was acknowledged and not yet detected is gone if the process dies.
 *
 * @param durableSession  whether input is read in a broker session that outlives the process, so that
 *                        what is published while the detector is down waits at the broker
 * @param stateDir        where the checkpoint and the input log live, or null to keep no state
 * @param checkpointEvery how often a checkpoint is taken while input comes
 * @param sessionExpiry   how long the broker keeps the input session while the detector is down
 * @param log             the input log's segment size, size limit, sync and retention (on disk)
 * @param memoryLogBytes  the most the in-memory log holds when there is no state directory
 */
public record Durability(boolean durableSession, @Nullable Path stateDir, Duration checkpointEvery,
                         Duration sessionExpiry, LogSettings log, long memoryLogBytes) {

    /** The broker keeps the session a day by default: room for a night's outage. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    /** Checkpoints every 2 s: a restart replays at most about that much of the log. */
    public static final Duration DEFAULT_CHECKPOINT_EVERY = Duration.ofSeconds(2);

    /** No durable session, no state, log in memory: tests and tools. */
    public static final Durability NONE = new Durability(false, null, DEFAULT_CHECKPOINT_EVERY,
            DEFAULT_SESSION_EXPIRY, LogSettings.DEFAULTS, MemoryLog.DEFAULT_MAX_BYTES);

    public Durability {
        Objects.requireNonNull(checkpointEvery, "checkpointEvery");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(log, "log");
        if (checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive");
        }
        if (memoryLogBytes < 1) {
            throw new IllegalArgumentException("memoryLogBytes must be positive");
        }
    }

    /** Everything on: durable session, checkpoints and the input log in {@code dir}. */
    public static Durability stateIn(Path dir) {
        return new Durability(true, Objects.requireNonNull(dir, "dir"), DEFAULT_CHECKPOINT_EVERY,
                DEFAULT_SESSION_EXPIRY, LogSettings.DEFAULTS, MemoryLog.DEFAULT_MAX_BYTES);
    }

    /** Durable session, input log in memory, no state kept. */
    public static Durability withoutState() {
        return new Durability(true, null, DEFAULT_CHECKPOINT_EVERY, DEFAULT_SESSION_EXPIRY, LogSettings.DEFAULTS,
                MemoryLog.DEFAULT_MAX_BYTES);
    }

    /** Where the input log lives under {@code stateDir}. */
    public static Path logDir(Path stateDir) {
        return stateDir.resolve("input-log");
    }

    public Durability withCheckpointEvery(Duration d) {
        return new Durability(durableSession, stateDir, d, sessionExpiry, log, memoryLogBytes);
    }

    public Durability withSessionExpiry(Duration d) {
        return new Durability(durableSession, stateDir, checkpointEvery, d, log, memoryLogBytes);
    }

    public Durability withLog(LogSettings s) {
        return new Durability(durableSession, stateDir, checkpointEvery, sessionExpiry, s, memoryLogBytes);
    }
}
