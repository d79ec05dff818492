package io.watchkeeper.core.deadletter;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts dead letters per reason, then hands them on. Thread-safe: called from network and worker threads.
 */
public final class DeadLetterCounter implements DeadLetterSink {

    private static final RejectReason[] REASONS = RejectReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
    private final DeadLetterSink next;

    public DeadLetterCounter(DeadLetterSink next) {
        this.next = java.util.Objects.requireNonNull(next, "next");
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        counts.incrementAndGet(deadLetter.reason().ordinal());
        next.accept(deadLetter);
    }

    public long count(RejectReason reason) {
        return counts.get(reason.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** A snapshot of the non-zero counts. */
    public Map<RejectReason, Long> snapshot() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : REASONS) {
            long n = counts.get(reason.ordinal());
            if (n > 0) {
                out.put(reason, n);
            }
        }
        return out;
    }
}
