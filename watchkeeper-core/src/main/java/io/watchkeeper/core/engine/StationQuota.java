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
    private final ConcurrentHashMap<String, AtomicInteger> vesselsByStation = new ConcurrentHashMap<>();

    StationQuota(StateLimits limits) {
        this.maxStations = limits.stations();
        this.maxVessels = limits.vesselsPerStation();
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

    /** Counts one more vessel of a station if it is under its quota. */
    boolean admit(AtomicInteger vessels) {
        while (true) {
            int n = vessels.get();
            if (n >= maxVessels) {
                return false;
            }
            if (vessels.compareAndSet(n, n + 1)) {
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
