package io.watchkeeper.core.detect.boat;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.engine.EngineTestDriver;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.OriginalBoatModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BoatDetectorTest {

    private static final Instant T0 = Instant.parse("2017-07-19T18:00:00Z");
    private static final VesselId BOAT = VesselId.scoped("PORT1", "1", true);

    private final EngineTestDriver driver = new EngineTestDriver(List.of(new BoatDetector()));

    private static Fix at(VesselId boat, int second, double x, double y) {
        return Fix.planar(boat, boat.scope(), T0.plusSeconds(second), x, y, null);
    }

    @Test
    void firstReportAtOriginMeansResting() {
        driver.feed(at(BOAT, 0, 0.0, 0.0));

        List<Event> events = driver.events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).from()).isEqualTo("moving");
        assertThat(events.get(0).to()).isEqualTo("resting");
        assertThat(events.get(0).type()).isEqualTo(Event.STATE_TRANSITION);
        assertThat(events.get(0).site()).isEqualTo("PORT1");
    }

    @Test
    void firstReportElsewhereIsNoEventBecauseTheBoatStartsMoving() {
        driver.feed(at(BOAT, 0, 1.5, -2.0));

        assertThat(driver.events()).isEmpty();
        assertThat(driver.state(BOAT, BoatDetector.class)).hasValueSatisfying(t -> {
            assertThat(BoatDetector.stateOf(t)).isEqualTo(BoatState.MOVING);
            assertThat(t.data().lastX()).isEqualTo(1.5);
            assertThat(t.data().lastY()).isEqualTo(-2.0);
        });
    }

    @Test
    void noEventWithoutAChange() {
        driver.feed(at(BOAT, 0, 1, 1)).feed(at(BOAT, 1, 2, 2)).feed(at(BOAT, 2, 3, 3));
        assertThat(driver.events()).isEmpty();

        driver.feed(at(BOAT, 3, 3, 3)).feed(at(BOAT, 4, 3, 3)).feed(at(BOAT, 5, 3, 3));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("resting");

        driver.feed(at(BOAT, 6, 3, 3.0000001));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("moving");
    }

    @Test
    void onlyOneCoordinateChangedIsMoving() {
        driver.feed(at(BOAT, 0, 5, 5)).feed(at(BOAT, 1, 5, 5));
        driver.takeEvents();

        driver.feed(at(BOAT, 2, 5, 6));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("moving");
        driver.feed(at(BOAT, 3, 5, 6)).feed(at(BOAT, 4, 7, 6));
        assertThat(driver.takeEvents()).extracting(Event::to).containsExactly("resting", "moving");
    }

    @Test
    void aRedeliveredReportIsNotMistakenForABoatAtRest() {
        Fix moving = at(BOAT, 1, 2, 2);
        driver.feed(at(BOAT, 0, 1, 1)).feed(moving).feed(moving).feed(moving);

        assertThat(driver.events()).isEmpty();
        // The same place at a later time is a boat at rest, as in the original.
        driver.feed(at(BOAT, 2, 2, 2));
        assertThat(driver.events()).extracting(Event::to).containsExactly("resting");
    }

    @Test
    void boatsWithTheSameNumberAtDifferentStationsAreDifferentBoats() {
        VesselId other = VesselId.scoped("PORT2", "1", true);
        driver.feed(at(BOAT, 0, 4, 4)).feed(at(other, 0, 4, 4));

        assertThat(driver.events()).isEmpty();
        assertThat(driver.vesselCount()).isEqualTo(2);
    }

    @Test
    void eventCarriesEventTimeAndWallClockSeparately() {
        driver.advanceWallClock(Duration.ofDays(3000));
        driver.feed(at(BOAT, 42, 0, 0));

        Event e = driver.events().get(0);
        assertThat(e.time()).isEqualTo(T0.plusSeconds(42));
        assertThat(e.detectedAt()).isAfter(e.time());
    }

    @Test
    void eventIdsAreDeterministicAcrossRuns() {
        List<Fix> fixes = List.of(at(BOAT, 0, 0, 0), at(BOAT, 1, 1, 1), at(BOAT, 2, 1, 1));
        EngineTestDriver other = new EngineTestDriver(List.of(new BoatDetector()),
                Instant.parse("2030-01-01T00:00:00Z"));

        List<String> first = driver.feedAll(fixes).events().stream().map(Event::eventId).toList();
        List<String> second = other.feedAll(fixes).events().stream().map(Event::eventId).toList();

        assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void fixesWithoutAnyPositionLeaveTheBoatAlone() {
        driver.feed(Fix.geo(BOAT, "PORT1", T0, Double.NaN, Double.NaN, 0.0, Double.NaN, Double.NaN, -1, null));

        assertThat(driver.events()).isEmpty();
        assertThat(driver.state(BOAT, BoatDetector.class)).contains(new BoatDetector().initial(BOAT));
    }

    /** The detector agrees with an independent restatement of the original, event for event. */
    @Property(tries = 200)
    void agreesWithTheOriginalSemantics(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int reports) {
        Random random = new Random(seed);
        OriginalBoatModel oracle = new OriginalBoatModel();
        EngineTestDriver d = new EngineTestDriver(List.of(new BoatDetector()));
        double[][] pos = new double[4][2];
        for (int i = 0; i < reports; i++) {
            int boat = random.nextInt(4);
            if (random.nextDouble() < 0.5) {
                pos[boat][0] += random.nextInt(3) - 1; // small integer steps make "same position" common
                pos[boat][1] += random.nextInt(3) - 1;
            }
            VesselId id = VesselId.scoped("S", Integer.toString(boat), true);
            oracle.report(id.key(), pos[boat][0], pos[boat][1]);
            d.feed(at(id, i, pos[boat][0], pos[boat][1]));
        }

        List<OriginalBoatModel.Expected> actual = d.events().stream()
                .map(e -> new OriginalBoatModel.Expected(e.vessel().key(), e.to(), e.cause().x(), e.cause().y()))
                .toList();
        assertThat(actual).isEqualTo(oracle.expected());
    }
}
