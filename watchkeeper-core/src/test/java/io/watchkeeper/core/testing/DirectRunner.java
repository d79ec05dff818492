package io.watchkeeper.core.testing;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one detector over one vessel by calling {@link Detector#step} and {@link Detector#onTime}
 * directly, with the zones of a {@link ZoneLookup}, as the engine will once it supplies zones and
 * timers. Not thread-safe; one per test.
 */
public final class DirectRunner<S> {

    private final Detector<S> detector;
    private final ZoneLookup zones;
    private final VesselId vessel;
    private final List<Event> events = new ArrayList<>();
    private S state;

    public DirectRunner(Detector<S> detector, ZoneLookup zones, VesselId vessel) {
        this.detector = detector;
        this.zones = zones;
        this.vessel = vessel;
        this.state = detector.initial(vessel);
    }

    /** Feeds one fix (lat/lon ones get the lookup's hits); returns the events it caused. */
    public List<Event> fix(Fix fix) {
        List<ZoneHit> hits = fix.isGeo() ? zones.near(fix.lat(), fix.lon()) : List.of();
        return take(detector.step(state, fix, StepContext.at(fix.time(), hits)));
    }

    /** The engine's sweep: event time reached {@code now}; calls onTime if the state's timer is due. */
    public List<Event> advanceTo(Instant now) {
        long millis = now.toEpochMilli();
        if (detector.wakeAtMillis(state) > millis) {
            return List.of();
        }
        return take(detector.onTime(state, vessel, millis, StepContext.at(now, List.of())));
    }

    /** Sweeps at {@code fix.time()} first (as a live engine would between fixes), then feeds the fix. */
    public List<Event> sweepThenFix(Fix fix) {
        List<Event> out = new ArrayList<>(advanceTo(fix.time()));
        out.addAll(fix(fix));
        return out;
    }

    public S state() {
        return state;
    }

    /** Every event so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    private List<Event> take(Step<S> step) {
        state = step.state();
        events.addAll(step.events());
        return step.events();
    }
}
