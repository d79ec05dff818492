package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.StepContext;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneLookup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * One per-vessel detector over a whole fleet, as a partition runs it: a state per vessel (in the order
 * vessels were first seen), a vessel's due timer fired before its next fix, and a sweep of every vessel
 * on the caller's schedule. It can checkpoint every state to bytes and be rebuilt from them on a fresh
 * detector, which is what the checkpoint tests compare against an uninterrupted run.
 */
final class VesselRun<S> {

    private final Detector<S> detector;
    private final ZoneLookup zones;
    private final Map<VesselId, S> states = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    VesselRun(Detector<S> detector, ZoneLookup zones) {
        this.detector = detector;
        this.zones = zones;
    }

    /** The vessel's timer if it is due at the fix's time, then the fix. */
    void fix(Fix fix) {
        VesselId vessel = fix.vessel();
        S state = states.computeIfAbsent(vessel, detector::initial);
        long millis = fix.time().toEpochMilli();
        if (detector.wakeAtMillis(state) <= millis) {
            state = take(detector.onTime(state, vessel, millis, StepContext.at(fix.time(), List.of())));
        }
        List<ZoneHit> hits = fix.isGeo() ? zones.near(fix.lat(), fix.lon()) : List.of();
        states.put(vessel, take(detector.step(state, fix, StepContext.at(fix.time(), hits))));
    }

    /** The engine's sweep: every vessel whose timer is due at {@code now}. */
    void sweep(Instant now) {
        long millis = now.toEpochMilli();
        for (Map.Entry<VesselId, S> e : states.entrySet()) {
            if (detector.wakeAtMillis(e.getValue()) <= millis) {
                e.setValue(take(detector.onTime(e.getValue(), e.getKey(), millis, StepContext.at(now, List.of()))));
            }
        }
    }

    List<Event> events() {
        return events;
    }

    Map<VesselId, S> states() {
        return states;
    }

    Detector<S> detector() {
        return detector;
    }

    /** Every vessel's state as bytes, in first-seen order, as the engine would write them at a barrier. */
    Map<VesselId, byte[]> checkpoint() {
        Map<VesselId, byte[]> out = new LinkedHashMap<>();
        states.forEach((vessel, state) -> out.put(vessel, write(detector, state)));
        return out;
    }

    /** A run on {@code fresh} (a new detector with the same settings) that resumes from a checkpoint. */
    static <S> VesselRun<S> restore(Detector<S> fresh, ZoneLookup zones, Map<VesselId, byte[]> checkpoint) {
        VesselRun<S> run = new VesselRun<>(fresh, zones);
        Function<String, @Nullable Zone> byId = byId(zones);
        checkpoint.forEach((vessel, bytes) -> run.states.put(vessel, read(fresh, bytes, vessel, byId)));
        return run;
    }

    static <S> byte[] write(Detector<S> detector, S state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateOut out = new StateOut(bytes);
            Detector.codecOf(detector).write(state, out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <S> S read(Detector<S> detector, byte[] bytes, VesselId vessel, Function<String, @Nullable Zone> zones) {
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            S state = Detector.codecOf(detector).read(new StateIn(in, zones), vessel);
            if (in.available() != 0) {
                throw new IllegalStateException(detector.name() + " left " + in.available() + " bytes unread");
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Function<String, @Nullable Zone> byId(ZoneLookup zones) {
        Map<String, Zone> map = new HashMap<>();
        zones.all().forEach(z -> map.put(z.id(), z));
        return map::get;
    }

    private S take(Step<S> step) {
        events.addAll(step.events());
        return step.state();
    }
}
