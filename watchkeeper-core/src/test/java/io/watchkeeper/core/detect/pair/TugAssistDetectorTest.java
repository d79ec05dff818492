package io.watchkeeper.core.detect.pair;

import static io.watchkeeper.core.detect.pair.PairHarness.T0;
import static io.watchkeeper.core.detect.pair.PairHarness.fix;
import static io.watchkeeper.core.detect.pair.PairHarness.metresPerSecond;
import static io.watchkeeper.core.detect.pair.PairHarness.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.ShipType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TugAssistDetectorTest {

    private static final VesselId TUG = VesselId.of("235000052");
    private static final VesselId SHIP = VesselId.of("636000001");

    /**
     * The tug reports every 10 s, the ship 5 s later, 50 m apart, both at 6 kn on course 090 for
     * {@code movingSeconds}; then both stop (0 kn) where they are and keep reporting for 3 min.
     */
    private static void escort(PairHarness h, VesselId tug, VesselId ship, int movingSeconds) {
        for (int s = 0; s <= movingSeconds + 180; s += 10) {
            boolean moving = s <= movingSeconds;
            double east = metresPerSecond(6) * Math.min(s, movingSeconds);
            double[] t = offset(50.80, -1.10, 0, east);
            double[] p = offset(50.80, -1.10, 50, east);
            h.feed(fix(tug, s, t[0], t[1], moving ? 6 : 0, 90));
            h.feed(fix(ship, s + 5, p[0], p[1], moving ? 6 : 0, moving ? 92 : 0));
        }
    }

    @Test
    void aTugEscortingAShipForTenMinutesStartsAfterFiveAndEndsWhenTheyStop() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "SD FAITHFUL", ShipType.TUG);
        h.shipType(SHIP, "CARGO ONE", 70);
        escort(h, TUG, SHIP, 600);

        assertThat(h.summary()).containsExactly(
                // formed when the tug (only tugs search) finds the ship at 10 s; more than 300 s later is
                // the ship's fix at 315 s
                "TUG_ASSIST_START 235000052 2024-03-01T00:05:15Z assisting",
                "TUG_ASSIST_START 636000001 2024-03-01T00:05:15Z assisting",
                // last held at the ship's fix at 605 s; 60 s of grace later
                "TUG_ASSIST_END 235000052 2024-03-01T00:11:05Z conditions",
                "TUG_ASSIST_END 636000001 2024-03-01T00:11:05Z conditions");
        Event start = h.events.get(0);
        assertThat(start.details()).containsEntry("tug", TUG.key()).containsEntry("assisted", SHIP.key())
                .containsEntry("tugName", "SD FAITHFUL").containsEntry("assistedName", "CARGO ONE")
                .containsEntry("startTime", T0.plusSeconds(10).toString()).containsEntry("durationSeconds", 305L);
        assertThat(h.events.get(2).details()).containsEntry("durationSeconds", 595L)
                .containsEntry("reason", "conditions");
        assertThat(h.events.get(3).details()).containsEntry("otherVessel", TUG.key())
                .containsEntry("vesselName", "CARGO ONE").containsEntry("tug", TUG.key());
    }

    @Test
    void twoVesselsThatAreNotTugsMakeNoAssist() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "NOT A TUG", 70);
        escort(h, TUG, SHIP, 600);
        assertThat(h.events).isEmpty();
    }

    @Test
    void twoTugsTogetherAreNoAssistAsInRtec() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "T1", ShipType.TUG);
        h.shipType(SHIP, "T2", ShipType.TUG);
        escort(h, TUG, SHIP, 600);
        assertThat(h.events).isEmpty();
    }

    @Test
    void aTugNamedInTheSettingsNeedsNoShipType() {
        PairHarness h = new PairHarness(new TugAssistDetector(TugAssistSettings.DEFAULTS.withTugVessels(Set.of(TUG.key()))));
        escort(h, TUG, SHIP, 600);
        assertThat(h.events).extracting(Event::type).containsExactly(TugAssistDetector.START, TugAssistDetector.START,
                TugAssistDetector.END, TugAssistDetector.END);
    }

    @Test
    void tooShortAnEscortIsNoAssist() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "T", ShipType.TUG);
        escort(h, TUG, SHIP, 300);
        assertThat(h.events).isEmpty();
    }

    @Test
    void divergingCoursesBreakTheConditions() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "T", ShipType.TUG);
        for (int s = 0; s <= 600; s += 10) {
            double[] t = offset(50.80, -1.10, 0, 0);
            h.feed(fix(TUG, s, t[0], t[1], 6, 90));
            h.feed(fix(SHIP, s + 5, t[0] + 0.0005, t[1], 6, 170)); // 80 degrees off: crossing, not assisting
        }
        assertThat(h.events).isEmpty();
    }

    @Test
    void aSilentShipEndsTheAssistThroughAdvanceTo() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "T", ShipType.TUG);
        for (int s = 0; s <= 400; s += 10) {
            double[] t = offset(50.80, -1.10, 0, metresPerSecond(6) * s);
            double[] p = offset(50.80, -1.10, 50, metresPerSecond(6) * s);
            h.feed(fix(TUG, s, t[0], t[1], 6, 90));
            h.feed(fix(SHIP, s + 5, p[0], p[1], 6, 90));
        }
        assertThat(h.events).hasSize(2);
        h.events.clear();
        h.advanceTo(T0.plusSeconds(400 + 600 + 30));
        assertThat(h.summary()).containsExactly(
                "TUG_ASSIST_END 235000052 2024-03-01T00:16:40Z silent", // the tug's last fix (400 s) + 10 min
                "TUG_ASSIST_END 636000001 2024-03-01T00:16:40Z silent");
        PairDetector detector = h.detector;
        assertThat(detector.trackedPairs()).isZero();
        assertThat(detector.trackedVessels()).isZero();
    }

    @Test
    void drivingApartEndsAtOnce() {
        PairHarness h = new PairHarness(new TugAssistDetector());
        h.shipType(TUG, "T", ShipType.TUG);
        escortThenSplit(h);
        List<Event> ends = h.events.stream().filter(e -> e.type().equals(TugAssistDetector.END)).toList();
        assertThat(ends).hasSize(2).allSatisfy(e -> assertThat(e.details()).containsEntry("reason", "apart"));
    }

    private static void escortThenSplit(PairHarness h) {
        for (int s = 0; s <= 400; s += 10) {
            double[] t = offset(50.80, -1.10, 0, metresPerSecond(6) * s);
            double[] p = offset(50.80, -1.10, 50, metresPerSecond(6) * s);
            h.feed(fix(TUG, s, t[0], t[1], 6, 90));
            h.feed(fix(SHIP, s + 5, p[0], p[1], 6, 90));
        }
        double[] far = offset(50.80, -1.10, 2000, 0);
        h.feed(fix(TUG, 410, far[0], far[1], 6, 0));
    }

    @Test
    void settingsRejectNonsenseWithClearMessages() {
        assertThatThrownBy(() -> new TugAssistSettings(200, 300, 15, 1.2, 3, 60, Duration.ofSeconds(300),
                Duration.ofSeconds(60), Duration.ofMinutes(10), Set.of(), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSpeedKnots < maxSpeedKnots");
        assertThatThrownBy(() -> new TugAssistSettings(200, 300, 1.2, 15, 3, 200, Duration.ofSeconds(300),
                Duration.ofSeconds(60), Duration.ofMinutes(10), Set.of(), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCourseDifferenceDegrees");
    }
}
