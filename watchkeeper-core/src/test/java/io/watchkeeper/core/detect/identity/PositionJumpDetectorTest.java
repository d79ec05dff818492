package io.watchkeeper.core.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PositionJumpDetectorTest {

    private static final PositionJumpDetector DETECTOR = new PositionJumpDetector();
    /** Metres of one degree of latitude (and of longitude on the equator): pi R / 180. */
    private static final double DEGREE = Geo.METRES_PER_DEGREE_LAT;
    /** Degrees of latitude a ship covers in 10 s at 12 kn: 12 * 1852 / 360 metres. */
    private static final double STEP_12KN_10S = 12 * 1852.0 / 360 / DEGREE;

    private static Vessel<Place<PositionJumpDetector.None>> ship() {
        return new Vessel<>(DETECTOR, "219000001");
    }

    @Test
    void aShipSteamingOnAndItsFirstFixAreQuiet() {
        var v = ship();
        for (int i = 0; i < 100; i++) {
            v.at(i * 10, 55.0 + i * STEP_12KN_10S, 10.0);
        }
        assertThat(v.events()).isEmpty();
        assertThat(v.state().lastFix()).isNotNull();
    }

    @Test
    void halfADegreeInAMinuteIsAJumpWithItsNumbers() {
        var v = ship().at(0, 55.0, 10.0).at(60, 55.5, 10.0);
        assertThat(v.events()).hasSize(1);
        Event e = v.events().get(0);
        assertThat(e.type()).isEqualTo("POSITION_JUMP");
        assertThat(e.from()).isEqualTo("steady");
        assertThat(e.to()).isEqualTo("jumped");
        // 0.5 degree of latitude = 55,597.5 m = 30.0203 nm, in 60 s (1/60 h) = 1,801.2 kn
        assertThat(e.details()).containsEntry("fromLat", 55.0).containsEntry("toLat", 55.5)
                .containsEntry("distanceMetres", 55_598L).containsEntry("seconds", 60.0)
                .containsEntry("impliedKnots", 1801.2).containsEntry("limitKnots", 50.0);
    }

    @Test
    void oneBadFixOutAndBackIsOneEvent() {
        var v = ship().at(0, 55.0, 10.0).at(10, 55.0, 10.0).at(20, 60.0, 20.0).at(30, 55.0, 10.0).at(40, 55.0, 10.0);
        assertThat(v.events()).extracting(Event::type).containsExactly("POSITION_JUMP");
        assertThat(v.events().get(0).time()).isEqualTo(Vessel.time(20));
    }

    @Test
    void jumpsWithinTheQuietPeriodAreOneEventAndALaterJumpIsAnother() {
        var v = ship();
        for (int i = 0; i < 60; i++) { // 10 min of fixes alternating 1 degree apart
            v.at(i * 10, i % 2 == 0 ? 55.0 : 56.0, 10.0);
        }
        assertThat(v.events()).hasSize(1);
        // steady for 30 min after the last jump (at 590 s, on 56.0): back to steady, then a new jump
        for (int s = 600; s <= 590 + 1800; s += 10) {
            v.at(s, 56.0, 10.0);
        }
        assertThat(v.state().state()).isZero(); // steady
        v.at(2400, 57.0, 10.0);
        assertThat(v.events()).hasSize(2);
    }

    @Test
    void gpsJitterOnShortIntervalsIsNotAJump() {
        // 0.005 degree (556 m) back and forth every second: 1,080 kn, but under 1 nm
        var v = ship();
        for (int i = 0; i < 120; i++) {
            v.at(i, 55.0 + (i % 2) * 0.005, 10.0);
        }
        assertThat(v.events()).isEmpty();
    }

    @Test
    void theFirstFixAfterALongGapIsNotAJump() {
        // 3 degrees (180 nm) in 6 h = 30 kn
        var v = ship().at(0, 55.0, 10.0).at(6 * 3600, 58.0, 10.0);
        assertThat(v.events()).isEmpty();
    }

    @Test
    void twoPlacesAtTheSameTimeAreAJumpWithoutASpeed() {
        var v = ship().at(0, 55.0, 10.0).at(0, 55.05, 10.0); // 5.6 km at the same instant
        assertThat(v.events()).hasSize(1);
        assertThat(v.events().get(0).details()).containsEntry("seconds", 0.0).doesNotContainKey("impliedKnots");
    }

    @Test
    void acrossTheAntimeridianDistancesAreTheShortWay() {
        // 0.002 degree on the equator (222 m) in 60 s: a crossing, not a 360-degree jump
        var crossing = ship().at(0, 0.0, 179.999).at(60, 0.0, -179.999);
        assertThat(crossing.events()).isEmpty();
        // 1 degree across it in 60 s: 60 nm, a jump of 111,195 m
        var jump = ship().at(0, 0.0, 179.5).at(60, 0.0, -179.5);
        assertThat(jump.events()).hasSize(1);
        assertThat(jump.events().get(0).details()).containsEntry("distanceMetres", Math.round(DEGREE));
    }

    @Test
    void sarAircraftFlyFasterThanShips() {
        // 200 kn for 60 s = 3.33 nm: a jump for a ship, not for MMSI 111219001
        double step = 200 * 1852.0 / 60 / DEGREE;
        var aircraft = new Vessel<>(DETECTOR, "111219001");
        var ship = ship();
        for (int i = 0; i < 10; i++) {
            aircraft.at(i * 60, 55.0 + i * step, 10.0);
            ship.at(i * 60, 55.0 + i * step, 10.0);
        }
        assertThat(aircraft.events()).isEmpty();
        assertThat(ship.events()).hasSize(1);
        // from the last fix (540 s), 1,500 kn for 60 s is beyond message 9's 1,022 kn
        aircraft.at(600, 55.0 + 9 * step + 1500 * 1852.0 / 60 / DEGREE, 10.0);
        assertThat(aircraft.events()).hasSize(1);
        assertThat(aircraft.events().get(0).details()).containsEntry("limitKnots", 1022.0);
    }

    @Test
    void highSpeedCraftByShipTypeGetTheirOwnLimit() {
        // 70 kn for 60 s = 1.17 nm: over the ship limit, under the 100 kn of ship types 40-49
        double step = 70 * 1852.0 / 60 / DEGREE;
        var hsc = new Vessel<>(DETECTOR, "219000002").info(0, 0, 40, 20, 20);
        var unknown = new Vessel<>(DETECTOR, "219000003");
        for (int i = 0; i < 5; i++) {
            hsc.at(i * 60, 55.0 + i * step, 10.0);
            unknown.at(i * 60, 55.0 + i * step, 10.0);
        }
        assertThat(hsc.events()).isEmpty();
        assertThat(unknown.events()).hasSize(1);
    }

    @Test
    void planarFixesAndInvalidPositionsChangeNothing() {
        var v = new Vessel<>(DETECTOR, VesselId.scoped("port-1", "3", true));
        for (int i = 0; i < 10; i++) {
            v.fix(Fix.planar(v.id(), "port-1", Vessel.time(i), i * 1000.0, 0.0, null));
        }
        assertThat(v.events()).isEmpty();
        assertThat(v.state()).isSameAs(DETECTOR.initial(v.id()));
        var ship = ship().at(0, 55.0, 10.0);
        ship.fix(Fix.geo(ship.id(), "t", Vessel.time(10), 91.0, 181.0, Double.NaN, Double.NaN, Double.NaN, 0, null));
        ship.at(20, 55.0, 10.0);
        assertThat(ship.events()).isEmpty();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new PositionJumpDetector.Settings(50, 40, 1022, 1852, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fastCraftMaxKnots");
        assertThatThrownBy(() -> new PositionJumpDetector.Settings(0, 100, 1022, 1852, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shipMaxKnots");
    }
}
