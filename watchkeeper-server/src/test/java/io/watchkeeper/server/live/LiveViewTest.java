package io.watchkeeper.server.live;

import io.watchkeeper.core.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static Fix fix(String mmsi, Instant t, double lat, double lon) {
        return Fix.geo(VesselId.of(mmsi), "SOLENT", t, lat, lon, 7.5, 90, 91, 0, null);
    }

    static Event event(String mmsi, String machine, String from, String to, Instant t) {
        Fix cause = fix(mmsi, t, 50.8, -1.1);
        return Event.at("STATETRANSITION", machine, from, to, cause, t, t, Map.of(), "");
    }

    @Test
    void aVesselShowsItsLatestFixStatesAndStaticData() {
        VesselRegistry registry = new VesselRegistry();
        registry.merge(new VesselInfo(VesselId.of("235024149"), "RED FALCON", "MKZV7", 0, 60, 10, 80, 5, 5,
                Double.NaN, "SOUTHAMPTON", null, T0));
        LiveView live = new LiveView(registry);
        live.onFix(fix("235024149", T0, 50.80, -1.10));
        live.onFix(fix("235024149", T0.plusSeconds(5), 50.81, -1.11));
        live.onFix(fix("235024149", T0.plusSeconds(2), 50.70, -1.00)); // late: not the latest
        live.accept(event("235024149", "boat", "moving", "resting", T0.plusSeconds(5)));
        live.accept(event("235024149", "portcall", "outside", "approaching", T0.plusSeconds(5)));

        List<VesselSnapshot> all = live.vessels();
        assertThat(all).hasSize(1);
        VesselSnapshot v = all.get(0);
        assertThat(v.id()).isEqualTo("235024149");
        assertThat(v.time()).isEqualTo(T0.plusSeconds(5));
        assertThat(v.last().lat()).isEqualTo(50.81);
        assertThat(v.states()).containsExactly(Map.entry("boat", "resting"), Map.entry("portcall", "approaching"));
        assertThat(v.staticData()).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("RED FALCON"));
        assertThat(live.vessels("OTHER")).isEmpty();
        assertThat(live.vessels("SOLENT")).hasSize(1);
    }

    @Test
    void theEngineStateIsKnownBeforeAnyEventAndOverridesTheLastEventsState() {
        LiveView live = new LiveView(new VesselRegistry());
        live.onFix(fix("1", T0, 50, -1));
        live.onState(VesselId.of("1"), "boat", io.watchkeeper.core.detect.boat.BoatState.MOVING);
        assertThat(live.vessels().get(0).states()).containsExactly(Map.entry("boat", "moving"));

        live.accept(event("1", "speeding", "normal", "speeding", T0.plusSeconds(10)));
        live.accept(event("1", "boat", "moving", "resting", T0.plusSeconds(10)));
        live.onState(VesselId.of("1"), "boat", io.watchkeeper.core.detect.boat.BoatState.MOVING); // moved off again
        assertThat(live.vessels().get(0).states())
                .containsExactly(Map.entry("boat", "moving"), Map.entry("speeding", "speeding"));
        assertThat(live.vessel("1").orElseThrow().vessel().states()).containsEntry("boat", "moving");
    }

    @Test
    void aLateEventDoesNotRollAStateBack() {
        LiveView live = new LiveView(new VesselRegistry());
        live.onFix(fix("1", T0, 50, -1));
        live.accept(event("1", "boat", "moving", "resting", T0.plusSeconds(60)));
        live.accept(event("1", "boat", "resting", "moving", T0.plusSeconds(30)));
        assertThat(live.vessels().get(0).states()).containsEntry("boat", "resting");
        // both are in the recent events though, newest arrival first
        assertThat(live.vessel("1").orElseThrow().events()).extracting(Event::to).containsExactly("moving", "resting");
    }

    @Test
    void theTrackKeepsOnePointPerTenSecondsAndTheLastHundred() {
        LiveView live = new LiveView(new VesselRegistry());
        for (int i = 0; i < 1000; i++) {
            live.onFix(fix("1", T0.plusSeconds(i * 3L), 50 + i * 0.001, -1));
        }
        List<TrackPoint> track = live.vessel("1").orElseThrow().track();
        assertThat(track).hasSize(LiveView.TRACK_POINTS);
        for (int i = 1; i < track.size(); i++) {
            assertThat(Duration.between(track.get(i - 1).time(), track.get(i).time()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
        // fixes every 3 s, so points at 0, 12, 24, ... s; the last fix is at 2,997 s
        assertThat(track.get(track.size() - 1).time()).isEqualTo(T0.plusSeconds(2988));
        assertThat(track.get(0).time()).isEqualTo(T0.plusSeconds(2988 - 99 * 12L));
    }

    @Test
    void eventsAreCappedNewestFirst() {
        LiveView live = new LiveView(new VesselRegistry());
        live.onFix(fix("1", T0, 50, -1));
        for (int i = 0; i < 70; i++) {
            live.accept(event("1", "boat", "a", "s" + i, T0.plusSeconds(i)));
        }
        List<Event> events = live.vessel("1").orElseThrow().events();
        assertThat(events).hasSize(LiveView.EVENTS_PER_VESSEL);
        assertThat(events.get(0).to()).isEqualTo("s69");
        assertThat(events.get(LiveView.EVENTS_PER_VESSEL - 1).to()).isEqualTo("s" + (70 - LiveView.EVENTS_PER_VESSEL));
    }

    @Test
    void aVesselWithEventsButNoFixIsNotListedYet() {
        LiveView live = new LiveView(new VesselRegistry());
        live.accept(event("7", "pair", "apart", "close", T0));
        assertThat(live.vessels()).isEmpty();
        assertThat(live.vessel("7")).isEmpty();
        live.onFix(fix("7", T0, 50, -1));
        assertThat(live.vessel("7").orElseThrow().vessel().states()).containsEntry("pair", "close");
    }

    @Test
    void planarBoatsAreKeyedByStationAndHaveNoTrack() {
        LiveView live = new LiveView(new VesselRegistry());
        live.onFix(Fix.planar(VesselId.scoped("PORT1", "3", true), "PORT1", T0, 10, 20, null));
        VesselDetail d = live.vessel("PORT1/3").orElseThrow();
        assertThat(d.vessel().last().x()).isEqualTo(10);
        assertThat(d.track()).isEmpty();
    }

    @Test
    void silentVesselsAreForgottenAndTheCapRefusesNewOnes() {
        ManualClock clock = new ManualClock(T0);
        LiveView live = new LiveView(new VesselRegistry(), clock, Duration.ofHours(24), 2);
        live.onFix(fix("1", T0, 50, -1));
        live.onFix(fix("2", T0, 50, -1));
        live.onFix(fix("3", T0, 50, -1));
        assertThat(live.vessels()).extracting(VesselSnapshot::id).containsExactly("1", "2");
        assertThat(live.refused()).isEqualTo(1);

        clock.advance(Duration.ofHours(23));
        live.onFix(fix("2", T0.plusSeconds(60), 50, -1));
        clock.advance(Duration.ofHours(2));
        live.onFix(fix("3", T0.plusSeconds(60), 50, -1)); // a new vessel triggers the sweep: 1 goes, 3 fits
        assertThat(live.vessels()).extracting(VesselSnapshot::id).containsExactly("2", "3");
        assertThat(live.forgotten()).isEqualTo(1);
    }
}
