package io.watchkeeper.ais.source;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before reconnecting: {@code initial}, doubling after each failure up to {@code max}.
 * A successful connection starts again from {@code initial}. No jitter: a relay has few clients, so
 * there is no thundering herd to spread.
 */
public record Backoff(Duration initial, Duration max) {

    /** 100 ms doubling to 30 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
    }

    /** The wait after {@code failures} consecutive failures (1 = the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        // Past 2^30 times initial we are at max anyway; the cap keeps the shift from overflowing.
        int doublings = Math.min(failures - 1, 30);
        long millis = initial.toMillis();
        long maxMillis = max.toMillis();
        long scaled = millis > (maxMillis >> doublings) ? maxMillis : millis << doublings;
        return Duration.ofMillis(Math.min(scaled, maxMillis));
    }
}
