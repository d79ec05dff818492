package io.watchkeeper.core.detect.pair;

import static io.watchkeeper.core.detect.pair.PairHarness.T0;
import static io.watchkeeper.core.detect.pair.PairHarness.fix;
import static io.watchkeeper.core.detect.pair.PairHarness.metresPerSecond;
import static io.watchkeeper.core.detect.pair.PairHarness.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class CpaDetectorTest {

    private static final VesselId A = VesselId.of("111111111");
    private static final VesselId B = VesselId.of("222222222");
    private static final double LAT = 50.0;
    private static final double LON = -1.5;

    private final CpaDetector detector = new CpaDetector();
    private final PairHarness h = new PairHarness(detector);

    /**
     * A northbound and B westbound, both at 12 kn, both reaching the origin at {@code meetSecond}: a
     * collision course (CPA 0). A reports at every multiple of 10 s, B 5 s later, from 0 to {@code toSecond}.
     * B reports course {@code noisyCog} instead of 270 at {@code noisySecond} (or never).
     */
    private void crossing(double meetSecond, long toSecond, long noisySecond, double noisyCog) {
        double v = metresPerSecond(12);
        for (long t = 0; t <= toSecond; t += 5) {
            double before = meetSecond - t; // seconds until each reaches the origin
            if (t % 10 == 0) {
                double[] a = offset(LAT, LON, -v * before, 0);
                h.feed(fix(A, t, a[0], a[1], 12, 0));
            } else {
                double[] b = offset(LAT, LON, 0, v * before);
                h.feed(fix(B, t, b[0], b[1], 12, t == noisySecond ? noisyCog : 270));
            }
        }
    }

    private List<Event> of(String type) {
        return h.events.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void oneCrossingGivesOneWarningThenOneClear() {
        crossing(602.5, 900, -1, 0);

        // The pair forms at B's first fix (5 s): range 2 x 3719 m / sqrt(2), TCPA 597.5 s < 720 s, CPA 0.
        // Three risky fixes by 15 s, but 30 s of risk only at 35 s: the warning comes then.
        List<Event> warnings = of(CpaDetector.WARNING);
        assertThat(warnings).extracting(e -> e.vessel().key()).containsExactly(A.key(), B.key());
        assertThat(warnings).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(35));
            assertThat(e.machine()).isEqualTo("cpa");
            assertThat(e.from()).isEqualTo("watch");
            assertThat(e.to()).isEqualTo("warning");
            assertThat((Double) e.details().get("cpaMetres")).isCloseTo(0.0, within(1.0));
            assertThat((Long) e.details().get("tcpaSeconds")).isBetween(567L, 568L); // 602.5 - 35
            assertThat(e.details()).containsEntry("riskSince", T0.plusSeconds(5).toString())
                    .containsEntry("inPort", false).containsEntry("cpaLimitMetres", 926.0)
                    .containsEntry("sogKnots", 12.0).containsEntry("otherSogKnots", 12.0);
        });
        // A sees B to the north-east (045), B sees A to the south-west (225)
        assertThat(warnings.get(0).details()).containsEntry("otherVessel", B.key()).containsEntry("cogDegrees", 0.0)
                .containsEntry("otherCogDegrees", 270.0);
        assertThat((Double) warnings.get(0).details().get("bearingDegrees")).isCloseTo(45.0, within(0.2));
        assertThat((Double) warnings.get(1).details().get("bearingDegrees")).isCloseTo(225.0, within(0.2));

        // Closest at 602.5 s: the first fix after it is at 605, the third at 615: the clear, as passed.
        List<Event> clears = of(CpaDetector.CLEAR);
        assertThat(clears).hasSize(2).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(615));
            assertThat(e.from()).isEqualTo("warning");
            assertThat(e.to()).isEqualTo("clear");
            assertThat(e.details()).containsEntry("reason", "passed");
        });
        assertThat(h.events).hasSize(4);
        assertThat(detector.trackedPairs()).isZero();
    }

    @Test
    void oneWildCourseNeitherWarnsNorClears() {
        // B's course at 305 s reads 000 (the two would then run parallel, far apart): two fixes (B's and
        // A's at 310) see the risk over, B's good course at 315 ends that before the third.
        crossing(602.5, 900, 305, 0);
        assertThat(of(CpaDetector.WARNING)).hasSize(2);
        assertThat(of(CpaDetector.CLEAR)).hasSize(2).allSatisfy(e -> assertThat(e.time()).isEqualTo(T0.plusSeconds(615)));
    }

    @Test
    void oneWildCourseOnAPassingClearOfEachOtherDoesNotWarn() {
        // A north, B south on a track 2 nm to the east: CPA 3704 m, no risk. B's course at 205 s points at A.
        double v = metresPerSecond(12);
        for (long t = 0; t <= 900; t += 5) {
            double before = 600 - t;
            if (t % 10 == 0) {
                double[] a = offset(LAT, LON, -v * before, 0);
                h.feed(fix(A, t, a[0], a[1], 12, 0));
            } else {
                double[] b = offset(LAT, LON, v * before, 3704);
                h.feed(fix(B, t, b[0], b[1], 12, t == 205 ? 263 : 180));
            }
        }
        assertThat(h.events).isEmpty();
        assertThat(detector.trackedPairs()).isZero();
    }

    @Test
    void vesselsBelowTwoKnotsDoNotWarn() {
        // Two ships swinging at anchor 150 m apart with 0.5 kn towards each other, and a third at 10 kn
        // heading straight for the first: none is a pair of ships under way.
        VesselId c = VesselId.of("333333333");
        for (long t = 0; t <= 300; t += 10) {
            double[] a = offset(LAT, LON, 0, 0);
            double[] b = offset(LAT, LON, 150, 0);
            double[] other = offset(LAT, LON, -1500 + metresPerSecond(10) * t, 0);
            h.feed(fix(A, t, a[0], a[1], 0.5, 0));
            h.feed(fix(B, t + 1, b[0], b[1], 0.5, 180));
            h.feed(fix(c, t + 2, other[0], other[1], 10, 0));
        }
        assertThat(h.events).isEmpty();
    }

    /** Head-on on parallel tracks {@code offsetMetres} apart, both at 10 kn, abeam at 600 s. */
    private void passing(double offsetMetres) {
        double v = metresPerSecond(10);
        for (long t = 0; t <= 900; t += 10) {
            double[] a = offset(LAT, LON, -v * (600 - t), 0);
            double[] b = offset(LAT, LON, v * (600 - t), offsetMetres);
            h.feed(fix(A, t, a[0], a[1], 10, 0));
            h.feed(fix(B, t + 5, b[0], b[1], 10, 180));
        }
    }

    private void inPort() {
        Zone port = new Zone("port-1", "Harbour", ZoneKind.PORT,
                new GeometryFactory().createPoint(new Coordinate(LON, LAT)), 20_000, Double.NaN, "test");
        h.zones = f -> List.of(new ZoneHit(port, 0.0));
    }

    @Test
    void aPassingAt600MetresWarnsAtSea() {
        passing(600);
        assertThat(of(CpaDetector.WARNING)).hasSize(2)
                .allSatisfy(e -> assertThat((Double) e.details().get("cpaMetres")).isCloseTo(600.0, within(1.0)));
        assertThat(of(CpaDetector.CLEAR)).hasSize(2);
    }

    @Test
    void theSamePassingInAPortIsNoRiskButOneAt300MetresIs() {
        inPort();
        passing(600);
        assertThat(h.events).isEmpty();

        CpaDetector fresh = new CpaDetector();
        PairHarness port = new PairHarness(fresh);
        port.zones = h.zones;
        double v = metresPerSecond(10);
        for (long t = 0; t <= 900; t += 10) {
            double[] a = offset(LAT, LON, -v * (600 - t), 0);
            double[] b = offset(LAT, LON, v * (600 - t), 300);
            port.feed(fix(A, t, a[0], a[1], 10, 0));
            port.feed(fix(B, t + 5, b[0], b[1], 10, 180));
        }
        assertThat(port.events).extracting(Event::type)
                .containsExactly(CpaDetector.WARNING, CpaDetector.WARNING, CpaDetector.CLEAR, CpaDetector.CLEAR);
        assertThat(port.events.get(0).details()).containsEntry("inPort", true).containsEntry("cpaLimitMetres", 370.0);
    }

    @Test
    void aVesselFallingSilentClearsTheWarningWhenTheSilenceIsComplete() {
        crossing(602.5, 100, -1, 0); // B's last fix at 95 s
        assertThat(of(CpaDetector.WARNING)).hasSize(2);
        h.advanceTo(T0.plusSeconds(95 + 180));
        List<Event> clears = of(CpaDetector.CLEAR);
        assertThat(clears).hasSize(2).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(95 + 180));
            assertThat(e.to()).isEqualTo("silent");
            assertThat(e.details()).containsEntry("reason", "silent").doesNotContainKey("cpaMetres");
        });
    }

    @Test
    void aShipThatStopsClearsItsWarning() {
        crossing(602.5, 100, -1, 0);
        double[] a = offset(LAT, LON, -metresPerSecond(12) * 500, 0);
        for (long t = 110; t <= 130; t += 10) {
            h.feed(fix(A, t, a[0], a[1], 0.5, 0));
        }
        assertThat(of(CpaDetector.CLEAR)).hasSize(2).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(130));
            assertThat(e.details()).containsEntry("reason", "stopped");
        });
    }

    @Test
    void settingsAreChecked() {
        CpaSettings d = CpaSettings.DEFAULTS;
        assertThatThrownBy(() -> new CpaSettings(926, 900, 370, 444, d.tcpaHorizon(), 2, 3, d.minRiskDuration(),
                d.maxRangeMetres(), d.silenceDuration(), 8)).hasMessageContaining("clearCpaMetres");
        assertThatThrownBy(() -> new CpaSettings(926, 1111, 370, 444, Duration.ZERO, 2, 3, d.minRiskDuration(),
                d.maxRangeMetres(), d.silenceDuration(), 8)).hasMessageContaining("tcpaHorizon");
        assertThatThrownBy(() -> new CpaSettings(926, 1111, 370, 444, d.tcpaHorizon(), 2, 3, d.minRiskDuration(),
                200_000, d.silenceDuration(), 8)).hasMessageContaining("maxRangeMetres");
        assertThatThrownBy(() -> new CpaSettings(926, 1111, 370, 444, d.tcpaHorizon(), 2, 0, d.minRiskDuration(),
                d.maxRangeMetres(), d.silenceDuration(), 8)).hasMessageContaining("confirmFixes");
        // the range covers two 30 kn ships closing for the whole horizon
        assertThat(d.maxRangeMetres()).isEqualTo(2 * 30 * 1852.0 * 12 / 60);
    }
}
