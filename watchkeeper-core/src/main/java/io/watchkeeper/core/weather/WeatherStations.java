package io.watchkeeper.core.weather;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The latest report of each weather station heard, for the map. Written by the decoding stage, read by
 * the web API: reports are immutable and replaced whole, so a reader always sees a consistent one.
 *
 * <p>Station ids are whoever transmits them, so at most {@code maxStations} are kept; the report of a
 * further new station is counted in {@link #refused()} and dropped. Nothing here is checkpointed: a
 * station reports every few minutes, so the map fills again soon after a restart.
 */
public final class WeatherStations {

    /** Far above the few thousand AIS weather stations in the world. */
    public static final int DEFAULT_MAX_STATIONS = 10_000;

    private final ConcurrentHashMap<String, WeatherReport> latest = new ConcurrentHashMap<>();
    private final int maxStations;
    private final LongAdder refused = new LongAdder();

    public WeatherStations() {
        this(DEFAULT_MAX_STATIONS);
    }

    public WeatherStations(int maxStations) {
        if (maxStations < 1) {
            throw new IllegalArgumentException("maxStations must be at least 1, was " + maxStations);
        }
        this.maxStations = maxStations;
    }

    /** Keeps {@code report} as its station's latest, unless an already kept one was received later. */
    public void update(WeatherReport report) {
        Objects.requireNonNull(report, "report");
        if (latest.size() >= maxStations && !latest.containsKey(report.station())) {
            refused.increment();
            return;
        }
        latest.merge(report.station(), report,
                (old, now) -> now.receivedAt().isBefore(old.receivedAt()) ? old : now);
    }

    /** Every station's latest report, by station id. */
    public List<WeatherReport> all() {
        List<WeatherReport> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparing(WeatherReport::station));
        return out;
    }

    public int size() {
        return latest.size();
    }

    /** Reports of new stations not kept because {@code maxStations} were kept already. */
    public long refused() {
        return refused.sum();
    }
}
