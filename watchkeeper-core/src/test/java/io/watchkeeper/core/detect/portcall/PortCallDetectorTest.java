package io.watchkeeper.core.detect.portcall;

import static io.watchkeeper.core.detect.portcall.PortCallScenario.ANCHORAGE;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.BERTH;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.PORT;
import static io.watchkeeper.core.detect.portcall.PortCallScenario.time;
import static io.watchkeeper.core.testing.BruteForceZones.circle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCallDetectorTest {

    /** Anchor 2 h 40 min, berth 11 h 40 min, leave: the full call, across midnight. */
    private static PortCallScenario anchorThenBerthThenLeave(boolean sweep) {
        PortCallScenario s = new PortCallScenario(sweep, PORT, BERTH, ANCHORAGE);
        s.at(0, -20_000, 12);
        s.at(10, -7_000, 10);             // 2.2 km from the anchorage: arrival (at 23:59:59 → 00:00)
        s.stay(20, 170, -4_000, 0.05, 1); // stopped in the anchorage from 00:10 to 02:40
        s.at(180, -3_000, 3);             // weighs anchor at 02:50
        s.at(190, 0, 6);
        s.stay(200, 890, 500, 0.0, 5);    // alongside from 03:10 to 14:40
        s.at(900, 400, 2);                // off the berth at 14:50
        s.at(930, -5_000, 9);             // past the anchorage: still within 4 km of it
        s.at(960, -9_000, 12);            // 4.2 km beyond it: departure at 15:50
        return s;
    }

    @Test
    void anchorWaitThenBerthThenDepartureWithTheirDurations() {
        List<Event> events = anchorThenBerthThenLeave(false).events();

        assertThat(events).extracting(Event::type, Event::from, Event::to).containsExactly(
                tuple("PORT_ARRIVAL", "at_sea", "in_port"),
                tuple("AT_ANCHOR", "in_port", "at_anchor"),
                tuple("UNANCHORED", "at_anchor", "in_port"),
                tuple("BERTHED", "in_port", "berthed"),
                tuple("UNBERTHED", "berthed", "unberthed"),
                tuple("PORT_DEPARTURE", "unberthed", "at_sea"));
        assertThat(events).extracting(Event::time).containsExactly(time(10), time(50), time(180), time(230),
                time(900), time(960));
        assertThat(events.get(0).details()).containsEntry("portZoneId", "anch-pm-1")
                .containsEntry("portName", "PORTSMOUTH").containsEntry("portZoneKind", "anchorage")
                .containsEntry("firstSeenInPort", false).containsEntry("distanceMetres", 2_200L);
        assertThat(events.get(1).details()).containsEntry("basis", "anchorage_zone")
                .containsEntry("stopStartedAt", time(20).toString())
                .containsEntry("portZoneId", "port-pm"); // the call moved to the port once within 3 km of it
        assertThat(events.get(2).details()).containsEntry("anchorSeconds", 160 * 60L);
        assertThat(events.get(3).details()).containsEntry("basis", "berth_zone")
                .containsEntry("waitingSeconds", 160 * 60L);
        assertThat(events.get(4).details()).containsEntry("berthSeconds", 700 * 60L);
        assertThat(events.get(5).details()).containsEntry("portZoneId", "port-pm")
                .containsEntry("portName", "Portsmouth Harbour").containsEntry("durationSeconds", 950 * 60L)
                .containsEntry("waitingSeconds", 160 * 60L).containsEntry("anchorSeconds", 160 * 60L)
                .containsEntry("berthSeconds", 700 * 60L).containsEntry("firstSeenInPort", false);
        assertThat(events.get(1).time().toString()).startsWith("2024-03-10T00:40"); // after midnight
    }

    @Test
    void timerSweepsAndFixesGiveTheSameEventsAndIds() {
        List<Event> byFixes = anchorThenBerthThenLeave(false).events();
        List<Event> bySweeps = anchorThenBerthThenLeave(true).events();
        List<Event> again = anchorThenBerthThenLeave(true).events();

        assertThat(bySweeps).extracting(Event::eventId).isEqualTo(byFixes.stream().map(Event::eventId).toList())
                .isEqualTo(again.stream().map(Event::eventId).toList()).doesNotHaveDuplicates();
        assertThat(bySweeps).isEqualTo(byFixes);
    }

    @Test
    void confirmationsCarryTheDueTimeAndTheFixWhereTheStopBegan() {
        List<Event> events = anchorThenBerthThenLeave(true).events();
        Event berthed = events.get(3);
        assertThat(berthed.time()).isEqualTo(time(200).plus(Duration.ofMinutes(30)));
        assertThat(berthed.cause().time()).isEqualTo(time(200));
    }

    @Test
    void jitterBetweenThreeAndFourKilometresGivesOneArrival() {
        Zone anchoragePoint = circle("anch-x", "PORTX", ZoneKind.ANCHORAGE, PortCallScenario.LAT,
                PortCallScenario.LON, 0); // GFW style: a point, distances to it
        PortCallScenario s = new PortCallScenario(false, anchoragePoint);
        double[] metres = {3_500, 2_950, 3_400, 3_950, 2_990, 3_700, 3_999, 3_100};
        for (int i = 0; i < metres.length; i++) {
            s.at(i * 5, -metres[i], 8);
        }
        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL");
        s.at(45, -4_050, 8);
        s.at(50, -3_500, 8); // back into the band from outside: no arrival until 3 km
        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL", "PORT_DEPARTURE");
        assertThat(s.events().get(1).time()).isEqualTo(time(45));
    }

    @Test
    void withoutAnchoragesOrBerthsTheNavigationalStatusAndThePortAreaDecide() {
        PortCallScenario s = new PortCallScenario(false, PORT);
        s.at(0, -6_000, 10);
        s.stay(10, 60, -1_000, 0.1, 1);   // stopped inside the port, "at anchor"
        s.at(70, -500, 2);
        s.stay(80, 130, 0, 0.1, 5);       // stopped, "moored"
        s.at(140, 200, 2);
        s.stay(150, 200, 300, 0.1, 0);    // stopped inside the port, status "under way" (stale)
        s.at(210, 0, 2);
        s.stay(220, 270, -4_000, 0.1, 0); // stopped 2 km outside the port area: open water
        s.at(275, -4_500, 3);
        s.at(280, -8_000, 10);

        assertThat(s.events()).extracting(Event::type, e -> e.details().get("basis")).containsExactly(
                tuple("PORT_ARRIVAL", null),
                tuple("AT_ANCHOR", "nav_status_at_anchor"),
                tuple("UNANCHORED", null),
                tuple("BERTHED", "nav_status_moored"),
                tuple("UNBERTHED", null),
                tuple("BERTHED", "stopped_in_port"),
                tuple("UNBERTHED", null),
                tuple("AT_ANCHOR", "stopped_outside_port"),
                tuple("UNANCHORED", null),
                tuple("PORT_DEPARTURE", null));
        assertThat(s.events().get(2).to()).isEqualTo("in_port");
        assertThat(s.events().get(8).to()).isEqualTo("unberthed"); // anchored after berthing
        assertThat(s.events().get(9).details()).containsEntry("waitingSeconds", 60 * 60L) // only before berthing
                .containsEntry("anchorSeconds", 115 * 60L).containsEntry("berthSeconds", 120 * 60L);
    }

    @Test
    void aVesselFirstSeenInPortArrivesAtItsFirstFix() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH);
        s.stay(0, 40, 500, 0.0, 0);
        s.at(50, 0, 5);
        s.at(80, -7_000, 12);

        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL", "BERTHED", "UNBERTHED",
                "PORT_DEPARTURE");
        assertThat(s.events().get(0).time()).isEqualTo(time(0));
        assertThat(s.events().get(0).details()).containsEntry("firstSeenInPort", true)
                .containsEntry("portZoneId", "port-pm").containsEntry("distanceMetres", 0L);
        assertThat(s.events().get(1).time()).isEqualTo(time(30));
        assertThat(s.events().get(3).details()).containsEntry("firstSeenInPort", true)
                .containsEntry("durationSeconds", 80 * 60L).containsEntry("berthSeconds", 50 * 60L);
    }

    @Test
    void aStopShorterThanTheStopDurationIsNeitherAnchorNorBerth() {
        PortCallScenario s = new PortCallScenario(false, PORT, BERTH, ANCHORAGE);
        s.at(0, -1_000, 6);
        s.stay(10, 30, 500, 0.1, 5);     // 20 min alongside
        s.at(35, 500, 0.4);               // between the thresholds: still stopped
        s.at(38, 400, 0.6);               // moving: the stop ended after 28 min
        s.stay(40, 60, 500, 0.1, 5);      // stops again, 20 min
        s.at(65, 0, 4);
        assertThat(s.events()).extracting(Event::type).containsExactly("PORT_ARRIVAL");
        assertThat(PortCallDetector.stateOf(s.run.state())).isEqualTo(PortCallState.IN_PORT);
        assertThat(s.run.state().data().stopping()).isFalse();
    }

    @Test
    void portsInSequenceMakeSeparateCalls() {
        Zone portB = circle("port-b", "Cowes", ZoneKind.PORT, PortCallScenario.north(30_000), PortCallScenario.LON,
                1_000);
        PortCallScenario s = new PortCallScenario(false, PORT, portB);
        s.at(0, -8_000, 12);
        s.at(30, 0, 5);
        s.at(60, 10_000, 12);
        s.at(90, 27_500, 8);
        s.at(120, 40_000, 12);
        assertThat(s.events()).extracting(Event::type, e -> e.details().get("portZoneId")).containsExactly(
                tuple("PORT_ARRIVAL", "port-pm"), tuple("PORT_DEPARTURE", "port-pm"),
                tuple("PORT_ARRIVAL", "port-b"), tuple("PORT_DEPARTURE", "port-b"));
        assertThat(s.events()).extracting(Event::eventId).doesNotHaveDuplicates();
        assertThat(s.events().get(1).details()).containsEntry("durationSeconds", 30 * 60L);
    }

    @Test
    void settingsRejectNonsenseAndNameTheirMargin() {
        Duration half = Duration.ofMinutes(30);
        assertThatThrownBy(() -> new PortCallSettings(-1, 4_000, 0.2, 0.5, half)).hasMessageContaining("entryMetres");
        assertThatThrownBy(() -> new PortCallSettings(3_000, 2_000, 0.2, 0.5, half)).hasMessageContaining("exitMetres");
        assertThatThrownBy(() -> new PortCallSettings(3_000, 4_000, 0.5, 0.2, half))
                .hasMessageContaining("stopBelowKnots");
        assertThatThrownBy(() -> new PortCallSettings(3_000, 4_000, 0.2, 0.5, Duration.ZERO))
                .hasMessageContaining("stopDuration");
        assertThat(PortCallSettings.DEFAULTS.requiredMarginMetres()).isEqualTo(4_000.0);
    }

    @Test
    void theMachineDrawsItself() {
        assertThat(new PortCallDetector().machine().toMermaid()).contains("at_sea --> in_port : fix [arrives]",
                "in_port --> at_anchor : timer", "at_anchor --> unberthed : fix [moves, has berthed]",
                "berthed --> at_sea : fix [departs]");
    }
}
