package io.watchkeeper.core.fsm;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.detect.Detector;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * When a timed transition becomes due, in event time, as a function of the vessel's place; a state may
 * have several. A timer is data, not a scheduled task: the engine reads {@link Place#dueAtMillis()} and
 * fires it on its sweep, or before the next fix that comes later, at the time it was due. A million
 * vessels need no timer threads, and a replay fires exactly where the live run did.
 *
 * <p>The three forms the detectors and rules need: counted from entering the state, from the latest fix
 * (a silence), or from any time the data keeps (e.g. since a condition began).
 */
@Evolving
@FunctionalInterface
public interface Timer<D> {

    /**
     * Epoch ms at which the transition is due, or {@link Detector#NO_TIMER}, from the parts of the place
     * it is computed for (the place itself is built once this is known, so a step allocates it once).
     *
     * @param enteredAtMillis when the state was entered ({@link Long#MIN_VALUE} for a vessel's first)
     * @param lastFixMillis   event time of the latest fix
     */
    long dueAtMillis(long enteredAtMillis, long lastFixMillis, D data);

    /** {@code after} since the state was entered. */
    static <D> Timer<D> inState(Duration after) {
        long millis = after.toMillis();
        return (entered, last, data) -> plus(entered, millis);
    }

    /** {@code after} since the latest fix: a silence. */
    static <D> Timer<D> silentFor(Duration after) {
        long millis = after.toMillis();
        return (entered, last, data) -> plus(last, millis);
    }

    /** A silence whose length depends on the data (e.g. shorter in port). */
    static <D> Timer<D> silentFor(ToLongFunction<D> millis) {
        return (entered, last, data) -> plus(last, millis.applyAsLong(data));
    }

    /** {@code start + millis}, where {@link Long#MIN_VALUE} (not yet) means no timer, saturating. */
    static long plus(long start, long millis) {
        if (start == Long.MIN_VALUE) {
            return Detector.NO_TIMER;
        }
        return start > Long.MAX_VALUE - millis ? Detector.NO_TIMER : start + millis;
    }
}
