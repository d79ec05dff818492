package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AIS gaps: {@code GAP_START} once a vessel has been silent longer than its threshold (shorter in
 * port), {@code GAP_END} on its next fix, with the duration and the distance it jumped.
 *
 * <p>{@code GAP_START} carries the time the silence crossed the threshold, and its cause is the last
 * fix before it. The engine's sweep usually fires it; if the next fix arrives before any sweep saw
 * the gap (a replay whose only vessel goes quiet), the step emits it first, with the same time and
 * id, so the output never depends on when sweeps ran.
 */
public final class GapDetector implements Detector<GapState> {

    public static final String NAME = "ais-gap";
    public static final String GAP_START = "GAP_START";
    public static final String GAP_END = "GAP_END";
    private static final String REPORTING = "reporting";
    private static final String SILENT = "silent";

    private final GapSettings settings;

    public GapDetector(GapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GapState initial(VesselId vessel) {
        return GapState.INITIAL;
    }

    @Override
    public void writeState(GapState state, StateOut out) throws IOException {
        GapState.write(state, out);
    }

    @Override
    public GapState readState(StateIn in, VesselId vessel) throws IOException {
        return GapState.read(in, vessel);
    }

    @Override
    public Step<GapState> step(GapState state, Fix fix, DetectorContext ctx) {
        Fix last = state.last();
        GapState next = new GapState(fix, fix.isGeo() && inPort(ctx.zones()), false);
        if (last == null) {
            return Step.quiet(next);
        }
        long silentMillis = fix.time().toEpochMilli() - last.time().toEpochMilli();
        if (!state.open() && silentMillis < thresholdMillis(state)) {
            return Step.quiet(next);
        }
        List<Event> events = new ArrayList<>(2);
        if (!state.open()) {
            events.add(start(state, ctx));
        }
        events.add(end(last, fix, silentMillis, ctx));
        return new Step<>(next, events);
    }

    @Override
    public long wakeAtMillis(GapState state) {
        Fix last = state.last();
        return last == null || state.open() ? NO_TIMER : last.time().toEpochMilli() + thresholdMillis(state);
    }

    @Override
    public Step<GapState> onTime(GapState state, VesselId vessel, long nowMillis, DetectorContext ctx) {
        if (state.last() == null || state.open()) {
            return Step.quiet(state);
        }
        return Step.of(new GapState(state.last(), state.lastInPort(), true), start(state, ctx));
    }

    private Event start(GapState state, DetectorContext ctx) {
        Fix last = Objects.requireNonNull(state.last());
        long threshold = thresholdMillis(state);
        Instant due = last.time().plusMillis(threshold);
        Map<String, Object> details = Map.of("thresholdSeconds", threshold / 1000, "inPort", state.lastInPort(),
                "lastSeen", last.time().toString());
        return Event.at(GAP_START, NAME, REPORTING, SILENT, last, due, ctx.wallClock(), details, "");
    }

    private static Event end(Fix last, Fix fix, long silentMillis, DetectorContext ctx) {
        double metres = last.isGeo() && fix.isGeo()
                ? Geo.haversineMetres(last.lat(), last.lon(), fix.lat(), fix.lon()) : Double.NaN;
        Map<String, Object> details = Double.isNaN(metres)
                ? Map.of("durationSeconds", silentMillis / 1000, "lastSeen", last.time().toString())
                : Map.of("durationSeconds", silentMillis / 1000, "lastSeen", last.time().toString(),
                        "distanceMetres", Math.round(metres), "impliedKnots",
                        Math.round(Geo.knots(metres, silentMillis) * 10) / 10.0);
        return Event.transition(GAP_END, NAME, SILENT, REPORTING, fix, ctx.wallClock(), details);
    }

    private long thresholdMillis(GapState state) {
        return (state.lastInPort() ? settings.inPort() : settings.atSea()).toMillis();
    }

    private static boolean inPort(List<ZoneHit> zones) {
        for (int i = 0; i < zones.size(); i++) {
            ZoneHit hit = zones.get(i);
            if (!hit.inside()) {
                return false; // inside hits come first
            }
            ZoneKind kind = hit.zone().kind();
            if (kind == ZoneKind.PORT || kind == ZoneKind.BERTH || kind == ZoneKind.ANCHORAGE) {
                return true;
            }
        }
        return false;
    }
}
