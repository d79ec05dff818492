package io.watchkeeper.server.live;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.weather.WeatherStations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;

/**
 * The live read model: per vessel, the latest fix, the last {@value #TRACK_POINTS} track points, each
 * machine's current state (the engine's own, through {@link StateListener}, where the suite reports it;
 * else that of the machine's latest event) and the latest {@value #EVENTS_PER_VESSEL} events.
 *
 * <p>Threads: {@link #onFix} is called by the engine worker that owns the fix's vessel (several workers
 * overall) and takes no lock; {@link #accept} by any worker; the queries by any thread, and they return
 * immutable snapshots. Static data is read from the {@link VesselRegistry} when a snapshot is made.
 *
 * <p>Memory is bounded twice. A vessel silent (no fix, no event) for {@code idle} of wall-clock time is
 * forgotten (default 24 h); a sweep runs at most once a minute, when a new vessel arrives or a query is made.
 * And at most {@code maxVessels} are tracked (default {@value #DEFAULT_MAX_VESSELS}); fixes of further vessels
 * are ignored and counted in {@link #refused()} until a sweep makes room. A vessel costs about 0.5 KB plus
 * 2.1 KB once its track is full, plus its events (about 0.5 KB each, kept only for vessels that had some).
 */
public final class LiveView implements EventSink, StateListener {

    public static final int TRACK_POINTS = TrackRing.CAPACITY;
    public static final int EVENTS_PER_VESSEL = 20;
    public static final Duration DEFAULT_IDLE = Duration.ofHours(24);
    public static final int DEFAULT_MAX_VESSELS = 50_000;
    private static final long SWEEP_EVERY_MILLIS = 60_000;

    private final VesselRegistry registry;
    private final Clock clock;
    private final long idleMillis;
    private final int maxVessels;
    private final ConcurrentHashMap<String, LiveVessel> vessels = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepMillis = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong forgotten = new AtomicLong();
    private final WeatherStations weather = new WeatherStations();

    /** Forgets vessels after {@link #DEFAULT_IDLE}, tracks at most {@link #DEFAULT_MAX_VESSELS}. */
    public LiveView(VesselRegistry registry) {
        this(registry, Clock.systemUTC(), DEFAULT_IDLE, DEFAULT_MAX_VESSELS);
    }

    public LiveView(VesselRegistry registry, Clock clock, Duration idle, int maxVessels) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(idle, "idle");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle must be positive, was " + idle);
        }
        if (maxVessels < 1) {
            throw new IllegalArgumentException("maxVessels must be >= 1, was " + maxVessels);
        }
        this.idleMillis = idle.toMillis();
        this.maxVessels = maxVessels;
        this.nextSweepMillis.set(clock.millis() + SWEEP_EVERY_MILLIS);
    }

    /** The weather stations heard on AIS, for the map's weather layer; their decoders write here. */
    public WeatherStations weather() {
        return weather;
    }

    /** An accepted fix; called on the worker that owns {@code fix.vessel()}. Cheap and lock-free once the vessel is known. */
    public void onFix(Fix fix) {
        long now = clock.millis();
        LiveVessel v = vessel(fix.vessel(), now);
        if (v != null) {
            v.onFix(fix, now);
        }
    }

    /** A machine's state after a step; called on the worker that owns {@code vessel}. */
    @Override
    public void onState(VesselId vessel, String machine, Enum<?> state) {
        LiveVessel v = vessels.get(vessel.key());
        if (v == null) {
            v = vessel(vessel, clock.millis()); // its fix tap has not run yet, or it was forgotten
        }
        if (v != null) {
            v.onState(machine, state);
        }
    }

    /** An event; called on any worker. */
    @Override
    public void accept(Event event) {
        long now = clock.millis();
        LiveVessel v = vessel(event.vessel(), now);
        if (v != null) {
            v.onEvent(event, now);
        }
    }

    private @Nullable LiveVessel vessel(VesselId id, long now) {
        String key = id.key();
        LiveVessel v = vessels.get(key);
        if (v != null) {
            return v;
        }
        // A new vessel: the slow path, where the bounds are enforced.
        maybeSweep(now);
        if (vessels.size() >= maxVessels) {
            refused.incrementAndGet();
            return null;
        }
        return vessels.computeIfAbsent(key, k -> new LiveVessel(id, now));
    }

    /** Vessels with at least one fix, sorted by id. */
    public List<VesselSnapshot> vessels() {
        return vessels(null);
    }

    /** Vessels with at least one fix whose latest fix is from {@code site} (all when null), sorted by id. */
    public List<VesselSnapshot> vessels(@Nullable String site) {
        maybeSweep(clock.millis());
        List<VesselSnapshot> out = new ArrayList<>(vessels.size());
        for (LiveVessel v : vessels.values()) {
            VesselSnapshot s = snapshot(v);
            if (s != null && (site == null || site.equals(s.site()))) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(VesselSnapshot::id));
        return out;
    }

    /** The vessel with this {@link VesselId#key()}, with track and events; empty if it has no fix yet. */
    public Optional<VesselDetail> vessel(String id) {
        Objects.requireNonNull(id, "id");
        maybeSweep(clock.millis());
        LiveVessel v = vessels.get(id);
        if (v == null) {
            return Optional.empty();
        }
        LiveVessel.Events events = v.events();
        Fix last = v.last();
        if (last == null) {
            return Optional.empty();
        }
        VesselSnapshot s = new VesselSnapshot(v.vessel.key(), last, v.states(), registry.get(v.vessel));
        return Optional.of(new VesselDetail(s, v.track.points(), events.recent()));
    }

    private @Nullable VesselSnapshot snapshot(LiveVessel v) {
        Fix last = v.last();
        if (last == null) {
            return null;
        }
        return new VesselSnapshot(v.vessel.key(), last, v.states(), registry.get(v.vessel));
    }

    /** How many vessels are tracked, including those with events but no fix yet. */
    public int size() {
        return vessels.size();
    }

    /** Vessels not tracked because {@code maxVessels} were: one count per refused fix or event. */
    public long refused() {
        return refused.get();
    }

    /** Vessels forgotten after being silent for {@code idle}. */
    public long forgotten() {
        return forgotten.get();
    }

    /** Forgets the vessels silent for longer than {@code idle}; returns how many. Any thread. */
    public int forgetIdle() {
        long now = clock.millis();
        int removed = 0;
        for (var e : vessels.entrySet()) {
            LiveVessel v = e.getValue();
            // remove(key, value): a vessel replaced meanwhile stays. A fix racing with the removal updates the
            // forgotten object and is lost; the vessel's next fix brings it back.
            if (now - v.lastSeenMillis > idleMillis && vessels.remove(e.getKey(), v)) {
                removed++;
            }
        }
        forgotten.addAndGet(removed);
        return removed;
    }

    private void maybeSweep(long now) {
        long due = nextSweepMillis.get();
        if (now >= due && nextSweepMillis.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            forgetIdle();
        }
    }

    @Override
    public String toString() {
        return "LiveView[" + vessels.size() + " vessels]";
    }
}
