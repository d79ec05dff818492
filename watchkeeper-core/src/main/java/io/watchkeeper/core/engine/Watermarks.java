package io.watchkeeper.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-time watermarks, one per source (the fix's site): the latest event time seen from it.
 * Sources are kept apart because a replay of 2013 and a live feed can run side by side; one
 * watermark would let either time out the other's vessels.
 *
 * <p>Owned by one thread (a partition's, or the pair stage's).
 */
final class Watermarks {

    private final Map<String, Integer> indexBySite = new HashMap<>();
    private final List<String> sites = new ArrayList<>();
    private long[] eventMillis = new long[4];
    private long[] tickerMillisAtAdvance = new long[4];
    private final boolean wallClockFallback;

    Watermarks(boolean wallClockFallback) {
        this.wallClockFallback = wallClockFallback;
    }

    /** The index of {@code site}, or -1 if it is not registered. */
    int find(String site) {
        Integer i = indexBySite.get(site);
        return i == null ? -1 : i;
    }

    /** The index of {@code site}, registering it on first sight. */
    int indexOf(String site) {
        Integer i = indexBySite.get(site);
        if (i != null) {
            return i;
        }
        int n = sites.size();
        sites.add(site);
        indexBySite.put(site, n);
        if (n == eventMillis.length) {
            eventMillis = java.util.Arrays.copyOf(eventMillis, n * 2);
            tickerMillisAtAdvance = java.util.Arrays.copyOf(tickerMillisAtAdvance, n * 2);
        }
        eventMillis[n] = Long.MIN_VALUE;
        return n;
    }

    /** Records a fix of source {@code index} at {@code millis}; never moves a watermark back. */
    void observe(int index, long millis, long tickerMillis) {
        if (millis > eventMillis[index]) {
            eventMillis[index] = millis;
            tickerMillisAtAdvance[index] = tickerMillis;
        }
    }

    /**
     * Where event time stands for source {@code index} at {@code tickerMillis} (a {@link Ticker}
     * reading): its latest event time, plus, with the fallback on, the time that passed since that
     * advanced, as the ticker measures it; a wall clock set forward does not count.
     */
    long current(int index, long tickerMillis) {
        long event = eventMillis[index];
        if (!wallClockFallback || event == Long.MIN_VALUE) {
            return event;
        }
        return event + Math.max(0L, tickerMillis - tickerMillisAtAdvance[index]);
    }

    /** The furthest watermark of any source, for deciding when to sweep. */
    long furthest(long tickerMillis) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < sites.size(); i++) {
            max = Math.max(max, current(i, tickerMillis));
        }
        return max;
    }

    int size() {
        return sites.size();
    }

    String site(int index) {
        return sites.get(index);
    }

    /** The latest event time of source {@code index}, for a checkpoint. */
    long eventMillis(int index) {
        return eventMillis[index];
    }

    /**
     * Puts back a checkpointed event time. It advanced at {@code nowTickerMillis}: the fallback
     * counts from the restart, since the time the engine was down is not event time.
     */
    void restore(int index, long millis, long nowTickerMillis) {
        eventMillis[index] = millis;
        tickerMillisAtAdvance[index] = nowTickerMillis;
    }}
