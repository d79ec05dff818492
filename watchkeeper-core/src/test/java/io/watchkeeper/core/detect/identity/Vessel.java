package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/** One vessel fed to one detector: fixes at seconds after T0, static data the test sets, the events. */
final class Vessel<S> implements DetectorContext {

    static final Instant T0 = Instant.parse("2013-11-12T12:00:00Z");

    private final Detector<S> detector;
    private final VesselId id;
    private S state;
    private @Nullable VesselInfo info;
    private Instant now = T0;
    private final List<Event> events = new ArrayList<>();

    Vessel(Detector<S> detector, VesselId id) {
        this.detector = detector;
        this.id = id;
        this.state = detector.initial(id);
    }

    Vessel(Detector<S> detector, String mmsi) {
        this(detector, VesselId.of(mmsi));
    }

    Vessel<S> at(double seconds, double lat, double lon) {
        return fix(Fix.geo(id, "test", time(seconds), lat, lon, 10.0, 0.0, 0.0, 0, null));
    }

    Vessel<S> fix(Fix fix) {
        now = fix.time();
        Step<S> step = detector.step(state, fix, this);
        state = step.state();
        events.addAll(step.events());
        return this;
    }

    Vessel<S> sweep(double seconds) {
        now = time(seconds);
        Step<S> step = detector.onTime(state, id, now.toEpochMilli(), this);
        state = step.state();
        events.addAll(step.events());
        return this;
    }

    /** Static data as merged by then: IMO, ship type, bow and stern (updatedAt = the given second). */
    Vessel<S> info(double seconds, int imo, int shipType, int toBow, int toStern) {
        info = new VesselInfo(id, "TEST", null, imo, shipType, toBow, toStern, -1, -1, Double.NaN, null, null,
                time(seconds));
        return this;
    }

    static Instant time(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    S state() {
        return state;
    }

    VesselId id() {
        return id;
    }

    List<Event> events() {
        return events;
    }

    @Override
    public Instant eventTime() {
        return now;
    }

    @Override
    public Instant wallClock() {
        return Instant.parse("2030-01-01T00:00:00Z");
    }

    @Override
    public @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return vessel.equals(id) ? info : null;
    }
}
