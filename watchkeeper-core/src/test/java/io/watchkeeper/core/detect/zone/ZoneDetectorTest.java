package io.watchkeeper.core.detect.zone;

import static io.watchkeeper.core.testing.BruteForceZones.box;
import static io.watchkeeper.core.testing.BruteForceZones.circle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.testing.BruteForceZones;
import io.watchkeeper.core.testing.DirectRunner;
import io.watchkeeper.core.testing.StepContext;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZoneDetectorTest {

    private static final Instant T0 = Instant.parse("2024-03-09T23:50:00Z");
    private static final VesselId SHIP = VesselId.scoped("SOLENT", "235000001", true);
    private static final double LAT = 50.80;
    private static final double LON = -1.10;

    /** A berth (150 m) inside a port (2 km) inside a pilot area (10 km), all centred on one point. */
    private static final Zone BERTH = circle("berth-1", "Berth 1", ZoneKind.BERTH, LAT, LON, 150);
    private static final Zone PORT = circle("port-1", "Port One", ZoneKind.PORT, LAT, LON, 2_000);
    private static final Zone PILOT = circle("pilot-1", "Pilot Area", ZoneKind.PILOT_BOARDING, LAT, LON, 10_000);

    private static Fix fixAt(int seconds, double northMetres) {
        return Fix.geo(SHIP, "SOLENT", T0.plusSeconds(seconds), LAT + northMetres / Geo.METRES_PER_DEGREE_LAT, LON,
                5.0, 0.0, Double.NaN, 0, null);
    }

    private static DirectRunner<ZonePresence> runner(ZoneSettings settings, Zone... zones) {
        return new DirectRunner<>(new ZoneDetector(settings), new BruteForceZones(4_000, List.of(zones)), SHIP);
    }

    @Test
    void entersAndExitsWithDurationAndZoneDetails() {
        DirectRunner<ZonePresence> run = runner(ZoneSettings.DEFAULTS, PORT);
        run.fix(fixAt(0, 3_000));                       // outside, within the margin
        List<Event> enter = run.fix(fixAt(600, 1_000)); // inside
        run.fix(fixAt(1_200, 2_300));                   // 300 m out: still in (exit beyond 500 m)
        List<Event> exit = run.fix(fixAt(1_800, 2_600)); // 600 m out

        assertThat(enter).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ZoneDetector.ZONE_ENTER);
            assertThat(e.machine()).isEqualTo("zone");
            assertThat(e.from()).isEqualTo("outside");
            assertThat(e.to()).isEqualTo("inside");
            assertThat(e.time()).isEqualTo(T0.plusSeconds(600));
            assertThat(e.details()).containsEntry("zoneId", "port-1").containsEntry("zoneName", "Port One")
                    .containsEntry("zoneKind", "port").containsEntry("firstSeenInside", false);
        });
        assertThat(exit).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ZoneDetector.ZONE_EXIT);
            assertThat(e.details()).containsEntry("zoneId", "port-1").containsEntry("durationSeconds", 1_200L);
        });
        assertThat(run.state().size()).isZero();
    }

    @Test
    void jitterAcrossTheEdgeGivesOneEnterAndNoExit() {
        DirectRunner<ZonePresence> run = runner(ZoneSettings.DEFAULTS, PORT);
        double[] northMetres = {2_100, 1_990, 2_050, 1_950, 2_400, 1_999, 2_450, 2_010};
        for (int i = 0; i < northMetres.length; i++) {
            run.fix(fixAt(i * 60, northMetres[i]));
        }
        assertThat(run.events()).extracting(Event::type).containsExactly(ZoneDetector.ZONE_ENTER);
    }

    @Test
    void nestedZonesAreHeldTogetherAndLeftInEntryOrder() {
        DirectRunner<ZonePresence> run = runner(ZoneSettings.DEFAULTS, PILOT, PORT, BERTH);
        run.fix(fixAt(0, 20_000)); // nowhere (beyond the margin of all)
        List<Event> pilot = run.fix(fixAt(60, 9_000));
        List<Event> port = run.fix(fixAt(120, 1_500));
        List<Event> berth = run.fix(fixAt(180, 0));
        List<Event> gone = run.fix(fixAt(240, 20_000)); // a jump out of everything: no hit at all

        assertThat(pilot).extracting(e -> e.details().get("zoneId")).containsExactly("pilot-1");
        assertThat(port).extracting(e -> e.details().get("zoneId")).containsExactly("port-1");
        assertThat(berth).extracting(e -> e.details().get("zoneId")).containsExactly("berth-1");
        assertThat(gone).extracting(Event::type).containsOnly(ZoneDetector.ZONE_EXIT);
        assertThat(gone).extracting(e -> e.details().get("zoneId")).containsExactly("pilot-1", "port-1", "berth-1");
        assertThat(gone).extracting(e -> e.details().get("durationSeconds")).containsExactly(180L, 120L, 60L);
        assertThat(gone).extracting(Event::eventId).doesNotHaveDuplicates();
    }

    @Test
    void severalZonesEnteredAtOneFixComeInsideFirstThenByDistance() {
        Zone near = circle("near", "Near", ZoneKind.OTHER, LAT + 0.001, LON, 0);
        ZoneDetector detector = new ZoneDetector(new ZoneSettings(50, 500, EnumSet.allOf(ZoneKind.class), 8));
        List<ZoneHit> hits = List.of(new ZoneHit(PORT, 0), new ZoneHit(BERTH, 0), new ZoneHit(near, 20),
                new ZoneHit(PILOT, 0));
        Step<ZonePresence> step = detector.step(ZonePresence.INITIAL, fixAt(0, 0), StepContext.at(T0, hits));

        assertThat(step.events()).extracting(e -> e.details().get("zoneId"))
                .containsExactly("port-1", "berth-1", "near", "pilot-1");
        assertThat(step.events()).allSatisfy(e -> assertThat(e.details()).containsEntry("firstSeenInside", true));
        assertThat(step.state().zoneIds()).containsExactly("port-1", "berth-1", "near", "pilot-1");
    }

    @Test
    void crossingTheSharedEdgeOfAdjacentZonesExitsThenEntersAtOneFixWithoutHysteresis() {
        // Two quays side by side: west of LON is A, east is B; they share the meridian LON.
        Zone a = box("quay-a", "Quay A", ZoneKind.BERTH, LAT - 0.001, LON - 0.004, LAT + 0.001, LON);
        Zone b = box("quay-b", "Quay B", ZoneKind.BERTH, LAT - 0.001, LON, LAT + 0.001, LON + 0.004);
        DirectRunner<ZonePresence> run = runner(new ZoneSettings(0, 0, EnumSet.allOf(ZoneKind.class), 8), a, b);
        run.fix(geo(0, LAT, LON - 0.002));
        List<Event> crossing = run.fix(geo(60, LAT, LON + 0.002));

        assertThat(crossing).extracting(Event::type).containsExactly(ZoneDetector.ZONE_EXIT, ZoneDetector.ZONE_ENTER);
        assertThat(crossing).extracting(e -> e.details().get("zoneId")).containsExactly("quay-a", "quay-b");
    }

    @Test
    void withTheDefaultBandTheNeighbourIsEnteredBeforeTheFirstQuayIsLeft() {
        Zone a = box("quay-a", "Quay A", ZoneKind.BERTH, LAT - 0.001, LON - 0.004, LAT + 0.001, LON);
        Zone b = box("quay-b", "Quay B", ZoneKind.BERTH, LAT - 0.001, LON, LAT + 0.001, LON + 0.004);
        DirectRunner<ZonePresence> run = runner(ZoneSettings.DEFAULTS, a, b);
        run.fix(geo(0, LAT, LON - 0.002));
        List<Event> intoB = run.fix(geo(60, LAT, LON + 0.002));  // 140 m east of A
        List<Event> farther = run.fix(geo(120, LAT, LON + 0.0080)); // ~560 m east of A, ~280 m east of B

        assertThat(intoB).extracting(Event::type, e -> e.details().get("zoneId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_ENTER, "quay-b"));
        assertThat(farther).extracting(Event::type, e -> e.details().get("zoneId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_EXIT, "quay-a"));
    }

    @Test
    void overlappingZonesAreEnteredAndLeftIndependently() {
        Zone west = circle("west", "West", ZoneKind.OTHER, LAT, LON - 0.01, 1_000);
        Zone east = circle("east", "East", ZoneKind.OTHER, LAT, LON + 0.01, 1_000);
        DirectRunner<ZonePresence> run = runner(new ZoneSettings(0, 100, EnumSet.allOf(ZoneKind.class), 8), west, east);
        for (int i = 0; i <= 10; i++) {
            run.fix(geo(i * 60, LAT, LON - 0.02 + i * 0.004)); // west to east through the overlap
        }
        assertThat(run.events()).extracting(Event::type, e -> e.details().get("zoneId")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_ENTER, "west"),
                org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_ENTER, "east"),
                org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_EXIT, "west"));
    }

    @Test
    void reportsOnlyTheConfiguredKinds() {
        DirectRunner<ZonePresence> run = runner(new ZoneSettings(0, 500, Set.of(ZoneKind.BERTH), 8), PILOT, PORT, BERTH);
        run.fix(fixAt(0, 0));
        assertThat(run.events()).extracting(e -> e.details().get("zoneId")).containsExactly("berth-1");
    }

    @Test
    void aFullStateSkipsFurtherZonesUntilASlotFrees() {
        Zone small = circle("small", "Small", ZoneKind.OTHER, LAT, LON, 100);
        ZoneDetector detector = new ZoneDetector(new ZoneSettings(0, 0, EnumSet.allOf(ZoneKind.class), 2));
        List<ZoneHit> all = List.of(new ZoneHit(PILOT, 0), new ZoneHit(PORT, 0), new ZoneHit(small, 0));
        Step<ZonePresence> full = detector.step(ZonePresence.INITIAL, fixAt(0, 0), StepContext.at(T0, all));
        Step<ZonePresence> still = detector.step(full.state(), fixAt(60, 0), StepContext.at(T0, all));
        List<ZoneHit> portGone = List.of(new ZoneHit(PILOT, 0), new ZoneHit(small, 0));
        Step<ZonePresence> freed = detector.step(still.state(), fixAt(120, 0), StepContext.at(T0, portGone));

        assertThat(full.state().zoneIds()).containsExactly("pilot-1", "port-1");
        assertThat(still.events()).isEmpty();
        assertThat(still.state()).isSameAs(full.state());
        assertThat(freed.events()).extracting(Event::type, e -> e.details().get("zoneId")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_EXIT, "port-1"),
                org.assertj.core.groups.Tuple.tuple(ZoneDetector.ZONE_ENTER, "small"));
        assertThat(freed.state().zoneIds()).containsExactly("pilot-1", "small");
    }

    @Test
    void quietFixesReturnTheSameStateAndOddFixesChangeNothing() {
        ZoneDetector detector = new ZoneDetector();
        List<ZoneHit> inside = List.of(new ZoneHit(PORT, 0));
        ZonePresence in = detector.step(ZonePresence.INITIAL, fixAt(0, 0), StepContext.at(T0, inside)).state();

        assertThat(detector.step(in, fixAt(60, 10), StepContext.at(T0, inside)).state()).isSameAs(in);
        Fix planar = Fix.planar(SHIP, "SOLENT", T0.plusSeconds(120), 1, 2, null);
        assertThat(detector.step(in, planar, StepContext.at(T0, List.of())).events()).isEmpty();
        Fix older = fixAt(-60, 50_000);
        assertThat(detector.step(in, older, StepContext.at(T0, List.of())).state()).isSameAs(in);
        ZonePresence seen = detector.step(ZonePresence.INITIAL, fixAt(0, 50_000), StepContext.at(T0, List.of())).state();
        assertThat(seen.neverSeen()).isFalse();
        assertThat(detector.step(seen, fixAt(60, 50_000), StepContext.at(T0, List.of())).state()).isSameAs(seen);
    }

    @Test
    void theSameInputGivesTheSameEventIds() {
        List<String> first = idsOfARun();
        List<String> second = idsOfARun();
        assertThat(first).hasSize(6).isEqualTo(second).doesNotHaveDuplicates();
    }

    private List<String> idsOfARun() {
        DirectRunner<ZonePresence> run = runner(ZoneSettings.DEFAULTS, PILOT, PORT, BERTH);
        for (int i = 0; i <= 40; i++) {
            run.fix(fixAt(i * 60, 12_000 - i * 600.0)); // in towards the centre, then out the other side
        }
        return run.events().stream().map(Event::eventId).toList();
    }

    @Test
    void settingsRejectNonsense() {
        Set<ZoneKind> all = EnumSet.allOf(ZoneKind.class);
        assertThatThrownBy(() -> new ZoneSettings(-1, 500, all, 8)).hasMessageContaining("enterMetres");
        assertThatThrownBy(() -> new ZoneSettings(100, 50, all, 8)).hasMessageContaining("exitMetres");
        assertThatThrownBy(() -> new ZoneSettings(0, 500, Set.of(), 8)).hasMessageContaining("kinds");
        assertThatThrownBy(() -> new ZoneSettings(0, 500, all, 0)).hasMessageContaining("maxZonesPerVessel");
        assertThat(ZoneSettings.DEFAULTS.requiredMarginMetres()).isEqualTo(500.0);
    }

    private static Fix geo(int seconds, double lat, double lon) {
        return Fix.geo(SHIP, "SOLENT", T0.plusSeconds(seconds), lat, lon, 5.0, 90.0, Double.NaN, 0, null);
    }
}
