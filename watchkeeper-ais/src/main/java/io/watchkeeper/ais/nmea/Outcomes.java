package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.EnumMap;
import java.util.Map;

/** Hands each outcome to the listener and counts it; owned by one framer's thread. */
final class Outcomes {

    private final FrameListener listener;
    private final long[] rejected = new long[RejectReason.values().length];
    long lines;
    private long payloads;
    private long payloadLines;
    private long rejectedLines;
    private long ignored;

    Outcomes(FrameListener listener) {
        this.listener = listener;
    }

    void payload(AisPayload payload, int lineCount) {
        payloads++;
        payloadLines += lineCount;
        listener.onPayload(payload);
    }

    void reject(RejectReason reason, String detail, String raw, int lineCount) {
        rejected[reason.ordinal()]++;
        rejectedLines += lineCount;
        listener.onRejected(reason, detail, raw);
    }

    void reject(RejectReason reason, String detail, CharSequence line) {
        reject(reason, detail, line.toString(), 1);
    }

    void ignore(CharSequence line) {
        ignored++;
        listener.onIgnored(line.toString());
    }

    FramerStats stats(int pendingGroups, int pendingLines) {
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            if (rejected[reason.ordinal()] > 0) {
                byReason.put(reason, rejected[reason.ordinal()]);
            }
        }
        return new FramerStats(lines, payloads, payloadLines, byReason, rejectedLines, ignored, pendingGroups,
                pendingLines);
    }
}
