package io.watchkeeper.core.detect.boat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.engine.EngineTestDriver;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MOVING/RESTING machine on real ships: speed over ground against a hysteresis band and a minimum dwell. */
class BoatSpeedProfileTest {

    private static final Instant T0 = Instant.parse("2013-11-12T12:00:00Z");
    private static final VesselId SHIP = VesselId.of("219000001");

    private final EngineTestDriver driver = new EngineTestDriver(List.of(new BoatDetector()));

    private static Fix fix(int second, double lat, double lon, double sogKnots) {
        return Fix.geo(SHIP, "DK", T0.plusSeconds(second), lat, lon, sogKnots, Double.NaN, Double.NaN, -1, null);
    }

    @Test
    void aShipThatStaysBelowHalfAKnotForAMinuteComesToRestAndSaysItsSpeed() {
        driver.feed(fix(0, 55.0, 12.0, 8.0)).feed(fix(10, 55.001, 12.0, 0.3)).feed(fix(40, 55.001, 12.0, 0.2));
        assertThat(driver.events()).isEmpty();

        driver.feed(fix(70, 55.001, 12.0, 0.3));
        List<Event> events = driver.events();
        assertThat(events).extracting(Event::from, Event::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("moving", "resting"));
        assertThat(events.get(0).details()).containsEntry("sogKnots", 0.3);
        assertThat(events.get(0).time()).isEqualTo(T0.plusSeconds(70));
    }

    @Test
    void jitterInsideTheBandDoesNotFlap() {
        restAt(0);
        for (int i = 1; i <= 20; i++) {
            driver.feed(fix(100 + i * 10, 55.0, 12.0, i % 2 == 0 ? 0.4 : 0.9));
        }
        assertThat(driver.events()).isEmpty();

        driver.feed(fix(400, 55.0, 12.0, 1.4)).feed(fix(460, 55.0, 12.0, 1.6));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("moving");
    }

    @Test
    void aSingleSpikeAcrossTheBandIsNotAMove() {
        restAt(0);
        driver.feed(fix(200, 55.0, 12.0, 4.2)).feed(fix(210, 55.0, 12.0, 0.1)).feed(fix(400, 55.0, 12.0, 0.0));
        assertThat(driver.events()).isEmpty();
        assertThat(driver.state(SHIP, BoatDetector.class)).hasValueSatisfying(t ->
                assertThat(BoatDetector.stateOf(t)).isEqualTo(BoatState.RESTING));
    }

    @Test
    void withoutSpeedOverGroundTheSpeedIsDerivedFromPositions() {
        // 0.001° of latitude is about 111 m; in 60 s that is about 3.6 kn, then the ship stays put.
        driver.feed(fix(0, 55.000, 12.0, Double.NaN)).feed(fix(60, 55.001, 12.0, Double.NaN));
        assertThat(driver.events()).isEmpty();

        driver.feed(fix(120, 55.001, 12.0, Double.NaN)).feed(fix(180, 55.001, 12.0, Double.NaN));
        List<Event> events = driver.takeEvents();
        assertThat(events).extracting(Event::to).containsExactly("resting");
        assertThat((Double) events.get(0).details().get("sogKnots")).isZero();
    }

    @Test
    void positionJitterOfReportsSecondsApartIsNotSpeed() {
        restAt(0);
        // 20 m jumps one second apart would read as 39 kn; the 10 s time base smooths them away.
        for (int i = 1; i <= 120; i++) {
            driver.feed(fix(100 + i, 55.0 + (i % 2) * 0.00018, 12.0, Double.NaN));
        }
        assertThat(driver.events()).isEmpty();
    }

    @Test
    void zeroDwellChangesOnTheFirstReport() {
        EngineTestDriver eager = new EngineTestDriver(
                List.of(new BoatDetector(SpeedProfile.DEFAULT.withMinDwell(java.time.Duration.ZERO))));
        eager.feed(fix(0, 55.0, 12.0, 0.0));
        assertThat(eager.events()).extracting(Event::to).containsExactly("resting");
        assertThatThrownBy(() -> SpeedProfile.DEFAULT.withMinDwell(java.time.Duration.ofSeconds(-1)))
                .hasMessageContaining("minDwell");
    }

    private void restAt(int second) {
        driver.feed(fix(second, 55.0, 12.0, 0.0)).feed(fix(second + 60, 55.0, 12.0, 0.0));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("resting");
    }

    @Test
    void aRedeliveredOrOlderFixChangesNothing() {
        driver.feed(fix(0, 55.0, 12.0, 8.0));
        restAt(10);

        driver.feed(fix(10, 55.0, 12.0, 0.0)).feed(fix(5, 55.0, 12.0, 9.0));

        assertThat(driver.events()).isEmpty();
        assertThat(driver.state(SHIP, BoatDetector.class)).hasValueSatisfying(t ->
                assertThat(BoatDetector.stateOf(t)).isEqualTo(BoatState.RESTING));
    }

    @Test
    void theBandIsConfigurableAndChecked() {
        EngineTestDriver strict = new EngineTestDriver(List.of(new BoatDetector(new SpeedProfile(0.2, 0.5))));
        strict.feed(fix(0, 55.0, 12.0, 0.3));
        assertThat(strict.events()).isEmpty();

        assertThatThrownBy(() -> new SpeedProfile(1.0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restBelowKnots <= moveAboveKnots");
        assertThatThrownBy(() -> new SpeedProfile(Double.NaN, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSpeedMachineDrawsItsGuards() {
        assertThat(new BoatDetector().toMermaid())
                .contains("slower than rest speed").contains("faster than move speed");
    }
}
