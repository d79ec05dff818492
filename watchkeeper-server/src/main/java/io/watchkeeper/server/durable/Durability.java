package io.watchkeeper.server.durable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * How the detector keeps its promises across failures.
 *
 * @param acknowledgeLate whether input is read in a durable broker session and acknowledged only after
 *                        its events (and, with a state directory, its checkpoint) are safe: at least once
 *                        across crashes. Off, a message is acknowledged once handed to the engine, and
 *                        the session ends with the process (the behaviour of a plain subscriber).
 * @param stateDir        where the engine's checkpoint lives, or null to keep no state across restarts
 * @param checkpoints     when checkpoints (and so acknowledgements) happen
 * @param sessionExpiry   how long the broker keeps the input session, and queues for it, while the
 *                        detector is down; a longer outage loses what was published meanwhile
 */
public record Durability(boolean acknowledgeLate, @Nullable Path stateDir, AckedInput.Settings checkpoints,
                         Duration sessionExpiry) {

    /** The broker keeps the session a day by default: room for a night's outage. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);

    /** Acknowledge on receipt, no durable session, no state: tests and tools. */
    public static final Durability NONE = new Durability(false, null, AckedInput.Settings.DEFAULTS,
            DEFAULT_SESSION_EXPIRY);

    public Durability {
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (stateDir != null && !acknowledgeLate) {
            throw new IllegalArgumentException("a state directory needs late acknowledgement");
        }
    }

    /** Everything on: durable session, late acknowledgement, checkpoints in {@code dir}. */
    public static Durability stateIn(Path dir) {
        return new Durability(true, Objects.requireNonNull(dir, "dir"), AckedInput.Settings.DEFAULTS,
                DEFAULT_SESSION_EXPIRY);
    }

    /** Durable session and late acknowledgement, but no state kept. */
    public static Durability withoutState() {
        return new Durability(true, null, AckedInput.Settings.DEFAULTS, DEFAULT_SESSION_EXPIRY);
    }

    public Durability withCheckpoints(AckedInput.Settings s) {
        return new Durability(acknowledgeLate, stateDir, s, sessionExpiry);
    }

    public Durability withSessionExpiry(Duration d) {
        return new Durability(acknowledgeLate, stateDir, checkpoints, d);
    }
}
