package io.watchkeeper.server.output.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a repeated WARN through at most once per period, so that a database outage or a stream of bad rows
 * gives a log line every few seconds with a running count instead of a line per event. Thread-safe.
 */
final class WarnLimiter {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** When the last line went out; far in the past at first, so that the first occurrence is logged. */
    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime() - PERIOD_NANOS);

    /** Whether to log now; true for at most one caller per period. */
    boolean allow() {
        long now = System.nanoTime();
        long last = lastNanos.get();
        return now - last >= PERIOD_NANOS && lastNanos.compareAndSet(last, now);
    }
}
