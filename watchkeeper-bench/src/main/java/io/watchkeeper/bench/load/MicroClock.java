package io.watchkeeper.bench.load;

import java.time.Instant;

/**
 * Wall-clock time in epoch microseconds, cheap and monotonic: one {@link Instant#now()} anchors it and
 * {@link System#nanoTime()} advances it. The publishers stamp {@code position.ts} and the collectors stamp
 * arrivals with the same instance, so DATA→EVENT latency is a difference of two readings of one clock.
 * Thread-safe (immutable).
 */
public final class MicroClock {

    private final long anchorMicros;
    private final long anchorNanos;

    public MicroClock() {
        Instant now = Instant.now();
        this.anchorNanos = System.nanoTime();
        this.anchorMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Epoch microseconds now. */
    public long nowMicros() {
        return anchorMicros + (System.nanoTime() - anchorNanos) / 1_000;
    }
}
