package io.watchkeeper.core.detect.pair;

import static io.watchkeeper.core.detect.pair.PairHarness.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Constructed encounters whose closest point is worked out by hand: one nautical mile is 1852 m, and
 * 10 kn is 10 x 1852 / 3600 = 5.1444 m/s.
 */
class CpaMathTest {

    private static final double LAT = 50.0;
    private static final double LON = -1.0;
    private static final double KN10 = 10 * 1852 / 3600.0;
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static Fix at(String mmsi, long second, double[] latLon, double knots, double cog) {
        return Fix.geo(VesselId.of(mmsi), "sea", T0.plusSeconds(second), latLon[0], latLon[1], knots, cog,
                Double.NaN, -1, null);
    }

    private static double[] metres(double north, double east) {
        return offset(LAT, LON, north, east);
    }

    @Test
    void headOnAtOneMileCloseAtTwentyKnotsInThreeMinutes() {
        // 1852 m at a closing speed of 20 kn (10.289 m/s): 180 s, and they meet (CPA 0)
        Cpa cpa = CpaMath.between(at("1", 0, metres(0, 0), 10, 0), at("2", 0, metres(1852, 0), 10, 180));
        assertThat(cpa.rangeMetres()).isCloseTo(1852, within(0.5));
        assertThat(cpa.tcpaSeconds()).isCloseTo(180, within(0.1));
        assertThat(cpa.cpaMetres()).isCloseTo(0, within(0.5));
        assertThat(cpa.bearingDegrees()).isCloseTo(0, within(0.01));
        assertThat(cpa.reverseBearingDegrees()).isCloseTo(180, within(0.01));
    }

    @Test
    void crossingAtNinetyDegrees() {
        // A north at 10 kn from the origin, B westward at 10 kn from 1852 m east. Relative position
        // (1852, 0), relative velocity (-v, -v): TCPA = 1852 v / 2v^2 = 1852 / (2 x 5.1444) = 180 s;
        // then B is at (926, 0) and A at (0, 926): CPA = 926 sqrt(2) = 1309.5 m, bearing now 090.
        Cpa cpa = CpaMath.between(at("1", 0, metres(0, 0), 10, 0), at("2", 0, metres(0, 1852), 10, 270));
        assertThat(cpa.tcpaSeconds()).isCloseTo(180, within(0.1));
        assertThat(cpa.cpaMetres()).isCloseTo(926 * Math.sqrt(2), within(0.5));
        assertThat(cpa.bearingDegrees()).isCloseTo(90, within(0.01));
    }

    @Test
    void overtakingFromAstern() {
        // B 1852 m astern and 100 m to starboard of A, both north, B at 15 kn and A at 10 kn: it gains
        // 5 kn (2.5722 m/s), so TCPA = 1852 / 2.5722 = 720 s and CPA is the 100 m offset.
        Cpa cpa = CpaMath.between(at("1", 0, metres(0, 0), 10, 0), at("2", 0, metres(-1852, 100), 15, 0));
        assertThat(cpa.tcpaSeconds()).isCloseTo(720, within(0.5));
        assertThat(cpa.cpaMetres()).isCloseTo(100, within(0.5));
        assertThat(cpa.bearingDegrees()).isCloseTo(180 - Math.toDegrees(Math.atan(100.0 / 1852)), within(0.01));
    }

    @Test
    void parallelAtTheSameSpeedHaveNoTimeToClosestPoint() {
        Cpa cpa = CpaMath.between(at("1", 0, metres(0, 0), 10, 45), at("2", 0, metres(0, 300), 10, 45));
        assertThat(cpa.tcpaSeconds()).isNaN();
        assertThat(cpa.cpaMetres()).isCloseTo(300, within(0.5));
        assertThat(cpa.rangeMetres()).isCloseTo(300, within(0.5));
    }

    @Test
    void divergingHaveTheirClosestPointBehindThem() {
        // B 1852 m ahead, both north, B faster by 5 kn: they were together 720 s ago
        Cpa cpa = CpaMath.between(at("1", 0, metres(0, 0), 10, 0), at("2", 0, metres(1852, 0), 15, 0));
        assertThat(cpa.tcpaSeconds()).isCloseTo(-720, within(0.5));
        assertThat(cpa.cpaMetres()).isCloseTo(0, within(0.5));
    }

    @Test
    void headOnAcrossTheAntimeridian() {
        // on the equator, 0.02 degrees of longitude apart the short way round: 0.02 x 111,194.9 m =
        // 2223.9 m, closed at 20 kn (10.289 m/s) in 216.1 s
        double metres = 0.02 * Math.PI * 6_371_008.8 / 180.0;
        Fix a = Fix.geo(VesselId.of("1"), "sea", T0, 0.0, 179.99, 10, 90, Double.NaN, -1, null);
        Fix b = Fix.geo(VesselId.of("2"), "sea", T0, 0.0, -179.99, 10, 270, Double.NaN, -1, null);
        Cpa cpa = CpaMath.between(a, b);
        assertThat(cpa.rangeMetres()).isCloseTo(metres, within(0.5));
        assertThat(cpa.tcpaSeconds()).isCloseTo(metres / (2 * KN10), within(0.1));
        assertThat(cpa.cpaMetres()).isCloseTo(0, within(0.5));
        assertThat(cpa.bearingDegrees()).isCloseTo(90, within(0.01));
    }

    @Test
    void theEarlierFixIsMovedOnToTheLaterOne() {
        // B reported 60 s before A, 1852 + 60 v m north heading south: at A's time it is 1852 m north,
        // so this is the head-on case from A's fix on: TCPA 180 s
        Cpa cpa = CpaMath.between(at("1", 60, metres(0, 0), 10, 0), at("2", 0, metres(1852 + 60 * KN10, 0), 10, 180));
        assertThat(cpa.rangeMetres()).isCloseTo(1852, within(0.5));
        assertThat(cpa.tcpaSeconds()).isCloseTo(180, within(0.1));
    }

    @Test
    void aMissingSpeedOrCourseGivesNoAnswer() {
        assertThat(CpaMath.between(at("1", 0, metres(0, 0), Double.NaN, 0), at("2", 0, metres(100, 0), 10, 180)).known())
                .isFalse();
        assertThat(CpaMath.between(at("1", 0, metres(0, 0), 10, 0), at("2", 0, metres(100, 0), 10, Double.NaN)).known())
                .isFalse();
        assertThat(CpaMath.between(at("1", 0, metres(0, 0), 10, 360), at("2", 0, metres(100, 0), 10, 180)).known())
                .isFalse();
    }

    @Test
    void closesWithinHeadOnAtOneMile() {
        // As headOnAtOneMile: TCPA 180 s, CPA 0. Inside a 200 s horizon and a 100 m limit; not within 170 s.
        double v = KN10;
        double[] b = metres(1852, 0);
        double perDegreeLon = io.watchkeeper.core.geo.Geo.metresPerDegreeLon((LAT + b[0]) / 2.0);
        assertThat(CpaMath.closesWithin(LAT, LON, 0, v, 0, b[0], b[1], 0, -v, 0, perDegreeLon, 200, 100)).isTrue();
        assertThat(CpaMath.closesWithin(LAT, LON, 0, v, 0, b[0], b[1], 0, -v, 0, perDegreeLon, 170, 100)).isFalse();
    }

    @Test
    void closesWithinCrossingRespectsTheLimit() {
        // As crossingAtNinetyDegrees: CPA 1309.5 m at 180 s; a risk under a 1310 m limit, not under 1309 m.
        double v = KN10;
        double[] b = metres(0, 1852);
        double perDegreeLon = io.watchkeeper.core.geo.Geo.metresPerDegreeLon((LAT + b[0]) / 2.0);
        assertThat(CpaMath.closesWithin(LAT, LON, 0, v, 0, b[0], b[1], -v, 0, 0, perDegreeLon, 720, 1310)).isTrue();
        assertThat(CpaMath.closesWithin(LAT, LON, 0, v, 0, b[0], b[1], -v, 0, 0, perDegreeLon, 720, 1309)).isFalse();
    }

    @Test
    void closesWithinNeverForVesselsWithTheSameMotion() {
        // side by side 10 m apart on the same course and speed: no time to a closest point, no risk
        double v = KN10;
        double[] b = metres(0, 10);
        assertThat(CpaMath.closesWithin(LAT, LON, 0, v, 0, b[0], b[1], 0, v, 0, 71_000, 720, 926)).isFalse();
    }

    @Test
    void closesWithinBehindIsNoRisk() {
        // B 500 m north heading north faster than A: the closest point is now-ish and behind (TCPA < 0)
        double[] b = metres(500, 0);
        assertThat(CpaMath.closesWithin(LAT, LON, 0, KN10, 0, b[0], b[1], 0, 2 * KN10, 0, 71_000, 720, 926)).isFalse();
    }
}
