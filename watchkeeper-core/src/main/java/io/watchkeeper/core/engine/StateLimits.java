package io.watchkeeper.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the engine's state, which grows with keys the input chooses: vessel ids and stations.
 *
 * @param evictAfter        a vessel silent this long, in the event time of its station, and with no
 *                          detector timer left to fire, is forgotten; {@link Duration#ZERO} never
 *                          forgets. Heard again later, it is a new vessel
 * @param vesselsPerStation vessels one station may have in the engine at once; a fix of a new vessel
 *                          beyond it is a {@code station_quota} dead letter
 * @param stations          stations (sites, each with its own event-time watermark) the engine keeps;
 *                          a fix from a new station beyond it is a {@code station_quota} dead letter
 * @param vessels           vessels in the engine over all stations; a fix of a new vessel beyond it is a
 *                          {@code station_quota} dead letter too
 */
public record StateLimits(Duration evictAfter, int vesselsPerStation, int stations, int vessels) {

    /**
     * A week. A forgotten vessel that returns is new to every detector, so an AIS gap longer than this
     * ends without GAP_END; ships out of coverage for days on an ocean passage are what a gap desk
     * watches for, so the default covers a week. Made-up ids are bounded by the station quota, not by
     * this. A vessel with a timer pending is kept whatever this says.
     */
    public static final Duration DEFAULT_EVICT_AFTER = Duration.ofDays(7);
    /**
     * A real AIS receiver hears a few thousand vessels; a national network's feed under one station
     * name some tens of thousands. A world feed under one name needs more (set it).
     */
    public static final int DEFAULT_VESSELS_PER_STATION = 100_000;
    /** Stations are few (one per receiver, port or feed); each costs a watermark per engine worker. */
    public static final int DEFAULT_STATIONS = 10_000;

    /**
     * Vessels in the engine over every station: the bound on memory whatever names stations use (without a
     * login anyone may publish on {@code DATA/<any name>}, and stations times vessels per station is 10^9).
     * A million vessels with every detector is about 1 GB of heap (about 950 B each, BENCHMARKS.md), more
     * than the whole world's AIS fleet heard at once.
     */
    public static final int DEFAULT_VESSELS = 1_000_000;

    /** What {@code detect}, {@code demo} and {@code replay} use unless configured. */
    public static final StateLimits DEFAULTS = new StateLimits(DEFAULT_EVICT_AFTER, DEFAULT_VESSELS_PER_STATION,
            DEFAULT_STATIONS, DEFAULT_VESSELS);
    /** No bound at all: the library's default, for tools and benchmarks that measure the engine itself. */
    public static final StateLimits NONE = new StateLimits(Duration.ZERO, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    public StateLimits {
        Objects.requireNonNull(evictAfter, "evictAfter");
        if (evictAfter.isNegative()) {
            throw new IllegalArgumentException("evictAfter must not be negative, was " + evictAfter);
        }
        if (vesselsPerStation < 1 || stations < 1 || vessels < 1) {
            throw new IllegalArgumentException("vesselsPerStation, stations and vessels must be at least 1, were "
                    + vesselsPerStation + ", " + stations + " and " + vessels);
        }
    }

    /** {@link #evictAfter} in milliseconds, {@link Long#MAX_VALUE} for never. */
    long evictAfterMillis() {
        return evictAfter.isZero() ? Long.MAX_VALUE : evictAfter.toMillis();
    }
}
