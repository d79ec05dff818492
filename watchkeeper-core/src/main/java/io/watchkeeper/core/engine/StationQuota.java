package io.watchkeeper.core.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.annotations.Nullable;

/**
 * The vessels of each station, counted across every partition of one engine, against
 * {@link StateLimits}. Shared by the partitions' threads; touched only when a vessel is created or
 * forgotten and when a partition first hears of a station, never on an ordinary fix.
 */
final class StationQuota {

    private final int maxStations;
    private final int maxVessels;
    private final int maxTotal;
    /** Vessels of every station together, against {@link StateLimits#vessels}. */
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> vesselsByStation = new ConcurrentHashMap<>();

    StationQuota(StateLimits limits) {
        this.maxStations = limits.stations();
        this.maxVessels = limits.vesselsPerStation();
        this.maxTotal = limits.vessels();
    }

    /** The vessel count of {@code station}, registering it if there is room for one more station; null if not. */
    @Nullable AtomicInteger station(String station) {
        AtomicInteger c = vesselsByStation.get(station);
        if (c != null) {
            return c;
        }
        synchronized (this) { // the size check and the insert must be one step, or two threads overshoot
            c = vesselsByStation.get(station);
            if (c == null && vesselsByStation.size() < maxStations) {
                c = new AtomicInteger();
                vesselsByStation.put(station, c);
            }
            return c;
        }
    }

    /**
     * A station from a checkpoint, registered even beyond the limit: the limit may have been lowered
     * since, and what the checkpoint holds drains by eviction.
     */
    AtomicInteger restoredStation(String station) {
        return vesselsByStation.computeIfAbsent(station, s -> new AtomicInteger());
    }

    /** Why a new vessel was refused, for its dead letter; null when it was admitted and counted. */
    @Nullable String admit(AtomicInteger vessels) {
        if (!below(vessels, maxVessels)) {
            return "its station has its quota of " + maxVessels + " vessels in the engine";
        }
        if (!below(total, maxTotal)) {
            vessels.decrementAndGet();
            return "the engine holds its limit of " + maxTotal + " vessels over all stations";
        }
        return null;
    }

    /** A vessel of this station was restored from a checkpoint: counted even beyond the limits, which eviction drains. */
    void restored(AtomicInteger vessels) {
        vessels.incrementAndGet();
        total.incrementAndGet();
    }

    /** A vessel of this station was forgotten. */
    void released(AtomicInteger vessels) {
        vessels.decrementAndGet();
        total.decrementAndGet();
    }

    /** Counts one more if {@code count} is under {@code max}. */
    private static boolean below(AtomicInteger count, int max) {
        while (true) {
            int n = count.get();
            if (n >= max) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    int maxVessels() {
        return maxVessels;
    }

    int maxStations() {
        return maxStations;
    }
}
