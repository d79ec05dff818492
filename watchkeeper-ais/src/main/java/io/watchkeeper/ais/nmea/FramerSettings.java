package io.watchkeeper.ais.nmea;

import java.time.Duration;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * How an {@link NmeaFramer} treats one input source.
 *
 * @param defaultSource          the source named on payloads whose line has no tag block {@code s:}; null for none
 * @param maxPendingGroups       how many incomplete multi-fragment messages may wait at once; when full, the
 *                               oldest is evicted as {@code FRAGMENT_EXPIRED}
 * @param fragmentTimeout        how long (wall clock) the first fragment of a message may wait for the rest
 * @param requireChecksum        false accepts AIS sentences that have no {@code *hh} at all (a wrong checksum is
 *                               always rejected)
 * @param verifyTagBlockChecksum false accepts tag blocks whose checksum is wrong (some feeds write {@code *00})
 */
public record FramerSettings(@Nullable String defaultSource, int maxPendingGroups, Duration fragmentTimeout,
                             boolean requireChecksum, boolean verifyTagBlockChecksum) {

    /**
     * Fragments of one AIS message go out in consecutive 26.7 ms slots and receivers forward them
     * together, so a real group completes within a second even through relays and aggregators. The
     * sequential id cycles through 0..9, so a group held much longer can only collide with a newer
     * message; 10 s leaves a wide margin for buffering while keeping dead letters timely.
     */
    public static final Duration DEFAULT_FRAGMENT_TIMEOUT = Duration.ofSeconds(10);

    public static final int DEFAULT_MAX_PENDING_GROUPS = 1024;

    public FramerSettings {
        Objects.requireNonNull(fragmentTimeout, "fragmentTimeout");
        if (maxPendingGroups < 1) {
            throw new IllegalArgumentException("maxPendingGroups must be at least 1: " + maxPendingGroups);
        }
        if (fragmentTimeout.isNegative() || fragmentTimeout.isZero()) {
            throw new IllegalArgumentException("fragmentTimeout must be positive: " + fragmentTimeout);
        }
    }

    /** No default source, 1024 pending groups, a 10 s fragment timeout, strict checksums. */
    public static FramerSettings defaults() {
        return new FramerSettings(null, DEFAULT_MAX_PENDING_GROUPS, DEFAULT_FRAGMENT_TIMEOUT, true, true);
    }

    public FramerSettings withDefaultSource(@Nullable String source) {
        return new FramerSettings(source, maxPendingGroups, fragmentTimeout, requireChecksum, verifyTagBlockChecksum);
    }

    public FramerSettings withMaxPendingGroups(int max) {
        return new FramerSettings(defaultSource, max, fragmentTimeout, requireChecksum, verifyTagBlockChecksum);
    }

    public FramerSettings withFragmentTimeout(Duration timeout) {
        return new FramerSettings(defaultSource, maxPendingGroups, timeout, requireChecksum, verifyTagBlockChecksum);
    }

    public FramerSettings withRequireChecksum(boolean require) {
        return new FramerSettings(defaultSource, maxPendingGroups, fragmentTimeout, require, verifyTagBlockChecksum);
    }

    public FramerSettings withVerifyTagBlockChecksum(boolean verify) {
        return new FramerSettings(defaultSource, maxPendingGroups, fragmentTimeout, requireChecksum, verify);
    }
}
