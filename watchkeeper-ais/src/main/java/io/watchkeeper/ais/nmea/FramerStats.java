package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an {@link NmeaFramer}'s counters. Every line is accounted for exactly once:
 * {@code lines == payloadLines + rejectedLines + ignored + pendingLines} (see {@link #balanced()}).
 *
 * @param lines         lines accepted
 * @param payloads      complete payloads handed on
 * @param payloadLines  lines that went into those payloads
 * @param rejected      rejections (listener calls) per reason; reasons never seen are absent
 * @param rejectedLines lines inside those rejections (a rejected fragment group holds several)
 * @param ignored       blank lines, comments, context lines and non-AIS sentences
 * @param pendingGroups incomplete multi-fragment messages waiting now
 * @param pendingLines  lines held by those groups
 */
public record FramerStats(long lines, long payloads, long payloadLines, Map<RejectReason, Long> rejected,
                          long rejectedLines, long ignored, int pendingGroups, int pendingLines) {

    public FramerStats {
        Objects.requireNonNull(rejected, "rejected");
        EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
        copy.putAll(rejected);
        rejected = Collections.unmodifiableMap(copy);
    }

    /** Rejections for one reason, 0 if none. */
    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(Objects.requireNonNull(reason, "reason"), 0L);
    }

    /** Rejections for all reasons. */
    public long rejectedTotal() {
        long total = 0;
        for (long count : rejected.values()) {
            total += count;
        }
        return total;
    }

    /** True when every line is a payload line, a rejected line, an ignored line or a pending line. */
    public boolean balanced() {
        return lines == payloadLines + rejectedLines + ignored + pendingLines;
    }
}
