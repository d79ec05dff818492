package io.watchkeeper.server.live;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jetbrains.annotations.Nullable;

/**
 * What the live view keeps of one vessel.
 *
 * <p>Fixes come from the one worker that owns the vessel, so the fix path writes volatile fields and the
 * {@link TrackRing} without a lock. Events may come from another worker too (a pair detector reports both
 * vessels), so the event part is an immutable {@link Events} value replaced under this object's lock; events
 * are rare, and readers never lock.
 */
final class LiveVessel {

    final VesselId vessel;
    final TrackRing track = new TrackRing();
    private volatile @Nullable Fix last;
    private volatile Events events = Events.EMPTY;
    /** Machine → the engine's state for this vessel after its latest step; replaced whole on a change. */
    private volatile Map<String, Enum<?>> engineStates = Map.of();
    /** Wall-clock millis of the latest fix or event, for forgetting silent vessels. */
    volatile long lastSeenMillis;

    LiveVessel(VesselId vessel, long nowMillis) {
        this.vessel = vessel;
        this.lastSeenMillis = nowMillis;
    }

    /** The owning worker only. */
    void onFix(Fix fix, long nowMillis) {
        Fix previous = last;
        if (previous == null || !fix.time().isBefore(previous.time())) {
            last = fix;
        }
        if (fix.isGeo()) {
            track.add(fix.time().toEpochMilli(), fix.lat(), fix.lon(), fix.sogKnots());
        }
        lastSeenMillis = nowMillis;
    }

    /** The owning worker only: the one writer, so a change is a plain copy and swap. */
    void onState(String machine, Enum<?> state) {
        Map<String, Enum<?>> current = engineStates;
        if (current.get(machine) == state) {
            return; // the common case: one read, no allocation
        }
        TreeMap<String, Enum<?>> copy = new TreeMap<>(current);
        copy.put(machine, state);
        engineStates = Collections.unmodifiableMap(copy);
    }

    /**
     * Machine → state: the {@code to} of each machine's latest event, overridden by the engine's own
     * state where it reports one (it is current even for a vessel that never changed state), sorted.
     */
    Map<String, String> states() {
        Map<String, String> out = events.stateNames();
        engineStates.forEach((machine, state) -> out.put(machine, state.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Any worker. */
    void onEvent(Event event, long nowMillis) {
        synchronized (this) {
            events = events.with(event);
        }
        lastSeenMillis = nowMillis;
    }

    @Nullable Fix last() {
        return last;
    }

    Events events() {
        return events;
    }

    /**
     * The machines' states and the latest events, immutable.
     *
     * @param states machine → (state, event time); a machine's state changes only to an event not older
     *               than the one that set it, so a late pair event cannot roll a state back
     * @param recent newest first, at most {@value LiveView#EVENTS_PER_VESSEL}
     */
    record Events(Map<String, StateAt> states, List<Event> recent) {

        static final Events EMPTY = new Events(Map.of(), List.of());

        Events with(Event e) {
            Map<String, StateAt> s = states;
            StateAt current = states.get(e.machine());
            if (current == null || !e.time().isBefore(current.time())) {
                TreeMap<String, StateAt> copy = new TreeMap<>(states);
                copy.put(e.machine(), new StateAt(e.to(), e.time()));
                s = Collections.unmodifiableMap(copy);
            }
            List<Event> r = new ArrayList<>(Math.min(recent.size() + 1, LiveView.EVENTS_PER_VESSEL));
            r.add(e);
            for (int i = 0; i < recent.size() && r.size() < LiveView.EVENTS_PER_VESSEL; i++) {
                r.add(recent.get(i));
            }
            return new Events(s, Collections.unmodifiableList(r));
        }

        /** Machine → state, sorted by machine name. */
        Map<String, String> stateNames() {
            TreeMap<String, String> out = new TreeMap<>();
            states.forEach((machine, at) -> out.put(machine, at.state()));
            return out;
        }
    }

    record StateAt(String state, Instant time) {
    }
}
