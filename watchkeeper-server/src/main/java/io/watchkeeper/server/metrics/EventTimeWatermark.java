package io.watchkeeper.server.metrics;

import io.watchkeeper.core.fix.Fix;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Consumer;

/**
 * The latest event time among the fixes the engine has processed, for
 * {@code watchkeeper_engine_event_lag_seconds} (wall clock minus this).
 *
 * <p>Use it as the engine's fix tap ({@code DetectionSetup.withFixTap(watermark)}): {@link #accept} is
 * called on every worker thread for every accepted fix. It is a {@link LongAccumulator} taking the
 * maximum, striped under contention, so the hot path costs one uncontended add and no lock. The maximum
 * (not the last write) is kept, so one vessel's old fix arriving late does not make the lag jump.
 */
public final class EventTimeWatermark implements Consumer<Fix> {

    private final LongAccumulator latestMillis = new LongAccumulator(Math::max, Long.MIN_VALUE);

    @Override
    public void accept(Fix fix) {
        latestMillis.accumulate(fix.time().toEpochMilli());
    }

    /** Records an event time directly (for inputs that are not fixes, and tests). */
    public void advanceTo(Instant eventTime) {
        latestMillis.accumulate(eventTime.toEpochMilli());
    }

    /** The latest event time seen, empty before the first fix. */
    public Optional<Instant> latest() {
        long millis = latestMillis.get();
        return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
