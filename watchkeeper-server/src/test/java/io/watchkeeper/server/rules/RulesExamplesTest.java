package io.watchkeeper.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.detect.rule.RuleDetector;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleData;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The example rules files of docs/rules.md load, and the anchorage one does what its comments say. */
class RulesExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "rules");
    private static final Instant T0 = Instant.parse("2024-03-01T06:00:00Z");
    private static final VesselId SHIP = VesselId.of("235000001");
    private static final Zone ANCHORAGE = new Zone("nab", "Nab anchorage", ZoneKind.ANCHORAGE,
            new GeometryFactory().createPoint(new Coordinate(-0.95, 50.67)), 2000, Double.NaN, "test");

    record Ctx(List<ZoneHit> zones) implements DetectorContext {
        @Override
        public Instant eventTime() {
            return T0;
        }

        @Override
        public Instant wallClock() {
            return T0;
        }
    }

    @Test
    void bothExamplesLoad() {
        List<RuleMachine> anchorage = RulesFile.load(EXAMPLES.resolve("anchorage-wait.yaml"));
        List<RuleMachine> port = RulesFile.load(EXAMPLES.resolve("port-work.yaml"));

        assertThat(anchorage).extracting(RuleMachine::name).containsExactly("anchorage-wait");
        assertThat(anchorage.get(0).eventTypes())
                .containsExactly("ANCHORAGE_WAIT", "WAITING_AT_ANCHORAGE", "ANCHORAGE_WAIT_END", "ANCHORAGE_SILENT");
        assertThat(port).extracting(RuleMachine::name).containsExactly("unreported-stop", "tug-on-station");
        assertThat(port.get(1).toMermaid()).as("as docs/rules.md shows it").isEqualTo("""
                stateDiagram-v2
                    [*] --> free
                    free --> holding : TUG_HOLDING [shipType 52, inZoneKind port, speedBelow 1.2kn]
                    holding --> on_station : TUG_ON_STATION [timeInState 5m, speedBelow 1.2kn]
                    holding --> free : TUG_UNDER_WAY [speedAbove 1.2kn]
                    on_station --> free : TUG_UNDER_WAY [speedAbove 1.2kn]
                """);
    }

    @Test
    void aVesselSlowInTheAnchorageForHalfAnHourIsWaitingFromTheThirtiethMinute() {
        RuleDetector d = new RuleDetector(RulesFile.load(EXAMPLES.resolve("anchorage-wait.yaml")).get(0));
        Ctx inside = new Ctx(List.of(new ZoneHit(ANCHORAGE, 0)));
        List<Event> events = new ArrayList<>();
        Place<RuleData> s = d.initial(SHIP);
        for (int minute = 0; minute <= 20; minute += 10) {
            Step<Place<RuleData>> step = d.step(s, fix(minute, 0.8), inside);
            s = step.state();
            events.addAll(step.events());
        }
        assertThat(d.wakeAtMillis(s)).isEqualTo(T0.plusSeconds(30 * 60).toEpochMilli());

        Step<Place<RuleData>> timer = d.onTime(s, SHIP, T0.plusSeconds(45 * 60).toEpochMilli(), new Ctx(List.of()));
        events.addAll(timer.events());
        events.addAll(d.step(timer.state(), fix(50, 6.0), new Ctx(List.of())).events());

        assertThat(events).extracting(Event::type, Event::from, Event::to, Event::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ANCHORAGE_WAIT", "transit", "slowing", T0),
                org.assertj.core.groups.Tuple.tuple("WAITING_AT_ANCHORAGE", "slowing", "waiting",
                        T0.plusSeconds(30 * 60)),
                org.assertj.core.groups.Tuple.tuple("ANCHORAGE_WAIT_END", "waiting", "transit",
                        T0.plusSeconds(50 * 60)));
    }

    private static Fix fix(int minute, double knots) {
        return Fix.geo(SHIP, "GBSOU", T0.plusSeconds(minute * 60L), 50.67, -0.95, knots, Double.NaN, Double.NaN, 0,
                null);
    }
}
