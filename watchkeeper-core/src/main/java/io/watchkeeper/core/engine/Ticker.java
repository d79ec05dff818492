package io.watchkeeper.core.engine;

/**
 * Elapsed time in milliseconds, from a clock that setting the system time cannot move: what the
 * wall-clock fallback counts. With the wall clock instead, an operator (or NTP) setting it an hour
 * forward would run every quiet source's event time an hour on and fire an hour of timers at once.
 * Only differences between two readings mean anything.
 */
@FunctionalInterface
interface Ticker {

    /** {@link System#nanoTime()}, which the JVM keeps monotonic. */
    Ticker SYSTEM = () -> System.nanoTime() / 1_000_000L;

    long millis();
}
