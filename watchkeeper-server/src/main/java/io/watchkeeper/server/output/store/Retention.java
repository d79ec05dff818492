package io.watchkeeper.server.output.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events detected more than {@code keep} before now. Detection time rather than event time, so
 * that a replay of an old recording is kept for {@code keep} after it ran instead of deleted at once. A {@code keep} of zero keeps
 * everything forever. Run it with {@link #schedule}: once at once, then every {@code period}.
 */
public final class Retention {

    public static final Duration DEFAULT_KEEP = Duration.ofDays(30);
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final EventStore store;
    private final Duration keep;
    private final Clock clock;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failedRuns = new AtomicLong();

    public Retention(EventStore store, Duration keep, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.keep = Objects.requireNonNull(keep, "keep");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, was " + keep);
        }
    }

    /** False when {@code keep} is zero: nothing is ever deleted. */
    public boolean enabled() {
        return !keep.isZero();
    }

    /** Deletes what is now older than {@code keep}; returns how many events. */
    public int runOnce() {
        if (!enabled()) {
            return 0;
        }
        int n = store.deleteOlderThan(clock.instant().minus(keep));
        deleted.addAndGet(n);
        if (n > 0) {
            LOG.info("Retention deleted {} events older than {}", n, keep);
        }
        return n;
    }

    /**
     * Runs {@link #runOnce()} on {@code scheduler} now and then every {@code period}; nothing when disabled.
     * A failing run is logged and counted, and the next one still happens (a scheduled task that throws
     * would silently never run again).
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration period) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return scheduler.scheduleAtFixedRate(this::runLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runLogged() {
        if (!enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            failedRuns.incrementAndGet();
            LOG.warn("Retention run failed; retrying at the next period", e);
        }
    }

    /** Events deleted so far. */
    public long deleted() {
        return deleted.get();
    }

    /** Scheduled runs that failed. */
    public long failedRuns() {
        return failedRuns.get();
    }
}
