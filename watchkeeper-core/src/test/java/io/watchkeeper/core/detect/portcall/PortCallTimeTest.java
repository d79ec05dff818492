package io.watchkeeper.core.detect.portcall;

import static io.watchkeeper.core.detect.portcall.PortCallScenario.ANCHORAGE;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.BERTH;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.PORT;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.SHIP;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.fix;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.testing.StepContext;
import io.watchkeeper.core.zone.ZoneHit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers, silence, gaps and the inputs that must change nothing. */
class PortCallTimeTest {

    private final PortCallDetector detector = new PortCallDetector();

    @Test
    void aVesselThatStopsAndFallsSilentIsBerthedAtTheDueTimeAndNeverDeparts() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH);
        s.at(0, -1_000, 6);
        s.at(10, 500, 0.1, 5); // stops at the berth, then nothing more is heard

        assertThat(detector.wakeAtMillis(s.run.state())).isEqualTo(time(40).toEpochMilli());
        assertThat(s.run.advanceTo(time(39))).isEmpty();
        List<Event> berthed = s.run.advanceTo(time(55)); // the sweep runs late: the event does not
        assertThat(berthed).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("BERTHED");
            assertThat(e.time()).isEqualTo(time(40));
            assertThat(e.cause().time()).isEqualTo(time(10));
            assertThat(e.details()).containsEntry("basis", "berth_zone").containsEntry("waitingSeconds", 0L);
        });
        assertThat(detector.wakeAtMillis(s.run.state())).isEqualTo(Detector.NO_TIMER);
        assertThat(s.run.advanceTo(time(60 * 24 * 10))).isEmpty();
        assertThat(PortCallDetector.stateOf(s.run.state())).isEqualTo(PortCallState.BERTHED);
    }

    @Test
    void anInPortGapOfHoursDoesNotEndTheCall() {
        PortCallScenario s = new PortCallScenario(true, PORT, BERTH, ANCHORAGE);
        s.at(0, -1_000, 6);
        s.stay(10, 60, 500, 0.0, 5);
        s.at(60 + 10 * 60, 500, 0.0, 5); // ten hours of silence, still alongside
        s.at(60 + 10 * 60 + 10, 0, 4);
        s.at(60 + 10 * 60 + 40, -9_000, 12);

        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL", "BERTHED", "UNBERTHED",
                "PORT_DEPARTURE");
        assertThat(s.events().get(2).details()).containsEntry("berthSeconds", (670 - 10) * 60L);
    }

    @Test
    void aGapEndingAtSeaDepartsAtTheFirstFixOutsideAndClosesTheOpenPeriodThere() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH);
        s.at(0, -1_000, 6);
        s.stay(10, 60, 500, 0.0, 5);
        s.at(600, -30_000, 14); // heard again far at sea

        Event departure = s.events().get(s.events().size() - 1);
        assertThat(departure.type()).isEqualTo("PORT_DEPARTURE");
        assertThat(departure.from()).isEqualTo("berthed");
        assertThat(departure.time()).isEqualTo(time(600));
        assertThat(departure.details()).containsEntry("berthSeconds", 590 * 60L)
                .containsEntry("durationSeconds", 600 * 60L);
    }

    @Test
    void aConfirmationDueBeforeADepartingFixComesFirst() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH);
        s.at(0, -1_000, 6);
        s.at(10, 500, 0.0, 5);
        s.at(300, -30_000, 14);
        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL", "BERTHED", "PORT_DEPARTURE");
        assertThat(s.events().get(1).time()).isEqualTo(time(40));
    }

    @Test
    void fixesWithoutSpeedNeitherStartNorEndAStop() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH);
        s.at(0, -1_000, 6);
        s.at(10, 500, Double.NaN, 5);
        assertThat(s.run.state().data().stopping()).isFalse();
        s.at(20, 500, 0.0, 5);
        s.at(30, 500, Double.NaN, 5);
        assertThat(s.run.state().data().stopping()).isTrue();
        s.at(50, 500, 0.0, 5);
        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL", "BERTHED");
        assertThat(s.events().get(1).time()).isEqualTo(time(50));
    }

    @Test
    void quietFixesReturnTheSameStateObject() {
        List<ZoneHit> nothing = List.of();
        Place<PortCall> seen = step(detector.initial(SHIP), fix(0, -30_000, 12, 0), nothing).state();
        assertThat(seen.data().neverSeen()).isFalse();
        assertThat(step(seen, fix(1, -29_900, 12, 0), nothing).state()).isSameAs(seen);

        List<ZoneHit> inPort = List.of(new ZoneHit(PORT, 0));
        Place<PortCall> arrived = step(seen, fix(2, 0, 5, 0), inPort).state();
        assertThat(step(arrived, fix(3, 10, 5, 0), inPort).state()).isSameAs(arrived);
        Place<PortCall> stopping = step(arrived, fix(4, 10, 0.1, 0), inPort).state();
        assertThat(step(stopping, fix(5, 10, 0.3, 0), inPort).state()).isSameAs(stopping);
    }

    @Test
    void planarLateAndDuplicateFixesChangeNothing() {
        List<ZoneHit> inPort = List.of(new ZoneHit(PORT, 0));
        Place<PortCall> arrived = step(detector.initial(SHIP), fix(10, 0, 5, 0), inPort).state();
        Fix planar = Fix.planar(SHIP, "SOLENT", time(20), 1, 2, null);
        assertThat(step(arrived, planar, List.of()).state()).isSameAs(arrived);
        assertThat(step(arrived, fix(5, -30_000, 12, 0), List.of()).state()).isSameAs(arrived); // older
        Step<Place<PortCall>> again = step(arrived, fix(10, 0, 5, 0), inPort);
        assertThat(again.events()).isEmpty();
        assertThat(again.state()).isSameAs(arrived);
    }

    @Test
    void onTimeBeforeTheDueTimeDoesNothing() {
        List<ZoneHit> inPort = List.of(new ZoneHit(PORT, 0));
        Place<PortCall> stopping = step(detector.initial(SHIP), fix(0, 0, 0.0, 0), inPort).state();
        long due = time(30).toEpochMilli();
        assertThat(detector.wakeAtMillis(stopping)).isEqualTo(due);
        assertThat(detector.onTime(stopping, SHIP, due - 1, StepContext.at(time(29), List.of())).state())
                .isSameAs(stopping);
        Step<Place<PortCall>> confirmed = detector.onTime(stopping, SHIP, due + Duration.ofHours(1).toMillis(),
                StepContext.at(time(90), List.of()));
        assertThat(confirmed.events()).extracting(Event::type, Event::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BERTHED", time(30)));
        assertThat(confirmed.events().get(0).details()).containsEntry("basis", "stopped_in_port");
    }

    private Step<Place<PortCall>> step(Place<PortCall> state, Fix fix, List<ZoneHit> hits) {
        return detector.step(state, fix, StepContext.at(fix.time(), hits));
    }
}
