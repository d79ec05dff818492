package io.watchkeeper.ais.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Replays messages at a speed relative to their own time: {@link #pace(long)} blocks until the wall time
 * since the first timed message is about (message time since then) / speed. Speed 1 is real time, 60 is
 * an hour a minute, {@link #unpaced()} never waits.
 *
 * <ul>
 *   <li>A message without time ({@link #NO_TIME}) passes at once.</li>
 *   <li>A message older than the newest seen passes at once: feeds from several receivers arrive a little
 *       out of order, and we never sleep for time already past. A step back of more than
 *       {@link #REANCHOR_AFTER} (recordings joined out of order) starts pacing afresh from that message,
 *       rather than racing unpaced until message time catches up again.</li>
 *   <li>A slow consumer is not punished: if we are behind, we do not wait, and we catch up later.</li>
 *   <li>{@code maxSleep}: no cap by default, since a faithful replay keeps gaps. With a cap, a gap that
 *       would need a longer sleep sleeps the cap and pacing continues from there, so a six-hour silence in
 *       a recording costs a demo only the cap. Detectors see event time, so the cap changes no event.</li>
 * </ul>
 *
 * Used by one thread.
 */
public final class Pacer {

    /** Passed to {@link #pace(long)} for a message whose time is absent. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** A step back in message time beyond this restarts pacing. */
    public static final Duration REANCHOR_AFTER = Duration.ofMinutes(10);

    /** Sleeps; {@link Thread#sleep(long)} in production, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepMillis(long millis) throws InterruptedException;
    }

    private static final Pacer UNPACED = new Pacer(Double.POSITIVE_INFINITY, null, Clock.systemUTC(), millis -> {
    });

    private final double speed;
    private final long maxSleepMillis;
    private final Clock clock;
    private final Sleeper sleeper;
    private boolean anchored;
    private long wallAnchorMillis;
    private long eventAnchorMillis;
    private long newestEventMillis;

    private Pacer(double speed, @Nullable Duration maxSleep, Clock clock, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        if (maxSleep != null && (maxSleep.isNegative() || maxSleep.isZero())) {
            throw new IllegalArgumentException("maxSleep must be positive: " + maxSleep);
        }
        this.speed = speed;
        this.maxSleepMillis = maxSleep == null ? Long.MAX_VALUE : maxSleep.toMillis();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Never waits. */
    public static Pacer unpaced() {
        return UNPACED;
    }

    /** Real time times {@code speed}, sleeping with {@link Thread#sleep(long)}; no cap on gaps. */
    public static Pacer atSpeed(double speed) {
        return of(speed, null, Clock.systemUTC(), Thread::sleep);
    }

    /**
     * @param speed    message-time seconds per wall-clock second; {@link Double#POSITIVE_INFINITY} never waits
     * @param maxSleep the longest single wait, or null for no cap
     * @param clock    the wall clock
     * @param sleeper  how to wait
     */
    public static Pacer of(double speed, @Nullable Duration maxSleep, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        return new Pacer(speed, maxSleep, clock, sleeper);
    }

    public double speed() {
        return speed;
    }

    /** Waits until the message at {@code eventMillis} (epoch ms, or {@link #NO_TIME}) is due. */
    public void pace(long eventMillis) throws InterruptedException {
        if (eventMillis == NO_TIME || speed == Double.POSITIVE_INFINITY) {
            return;
        }
        if (!anchored || eventMillis < newestEventMillis - REANCHOR_AFTER.toMillis()) {
            anchor(eventMillis);
            return;
        }
        if (eventMillis <= newestEventMillis) {
            return;
        }
        newestEventMillis = eventMillis;
        long dueMillis = wallAnchorMillis + (long) ((eventMillis - eventAnchorMillis) / speed);
        long waitMillis = dueMillis - clock.millis();
        if (waitMillis <= 0) {
            return;
        }
        if (waitMillis > maxSleepMillis) {
            sleeper.sleepMillis(maxSleepMillis);
            // Continue from here, so the part of the gap we skipped is not owed later.
            anchor(eventMillis);
        } else {
            sleeper.sleepMillis(waitMillis);
        }
    }

    private void anchor(long eventMillis) {
        anchored = true;
        wallAnchorMillis = clock.millis();
        eventAnchorMillis = eventMillis;
        newestEventMillis = eventMillis;
    }
}
