package io.watchkeeper.ais;

import io.watchkeeper.ais.nmea.FramerStats;
import io.watchkeeper.core.deadletter.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an {@link AisDecoder}'s counters: messages per AIS type (index 0..63), rejections per
 * reason (framing and decoding together), and the framer's own counters.
 */
public record AisDecoderStats(long[] messagesByType, Map<RejectReason, Long> rejected, FramerStats framer) {

    public AisDecoderStats {
        Objects.requireNonNull(messagesByType, "messagesByType");
        if (messagesByType.length != 64) {
            throw new IllegalArgumentException("messagesByType needs 64 entries, got " + messagesByType.length);
        }
        messagesByType = messagesByType.clone();
        rejected = Map.copyOf(rejected);
        Objects.requireNonNull(framer, "framer");
    }

    @Override
    public long[] messagesByType() {
        return messagesByType.clone();
    }

    /** Messages decoded of {@code type} (0..63). */
    public long messages(int type) {
        return messagesByType[type];
    }

    public long messagesTotal() {
        long total = 0;
        for (long count : messagesByType) {
            total += count;
        }
        return total;
    }

    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Array components compare by identity in a record; these counters compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AisDecoderStats other && java.util.Arrays.equals(messagesByType, other.messagesByType)
                && rejected.equals(other.rejected) && framer.equals(other.framer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(messagesByType), rejected, framer);
    }

    /** Only the types seen, as {@code {1=24000, 5=130}}, so that logs stay readable. */
    @Override
    public String toString() {
        StringBuilder types = new StringBuilder("{");
        for (int type = 0; type < messagesByType.length; type++) {
            if (messagesByType[type] > 0) {
                types.append(types.length() > 1 ? ", " : "").append(type).append('=').append(messagesByType[type]);
            }
        }
        return "AisDecoderStats[messagesByType=" + types.append('}') + ", rejected=" + rejected + ", framer=" + framer
                + "]";
    }

    static Map<RejectReason, Long> copy(long[] byReason) {
        Map<RejectReason, Long> map = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            if (byReason[reason.ordinal()] > 0) {
                map.put(reason, byReason[reason.ordinal()]);
            }
        }
        return map;
    }
}
