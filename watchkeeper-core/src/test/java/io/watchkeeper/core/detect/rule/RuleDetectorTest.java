package io.watchkeeper.core.detect.rule;

import static io.watchkeeper.core.detect.rule.RuleFixtures.ANCHORAGE;
import static io.watchkeeper.core.detect.rule.RuleFixtures.PORT;
import static io.watchkeeper.core.detect.rule.RuleFixtures.SHIP;
import static io.watchkeeper.core.detect.rule.RuleFixtures.T0;
import static io.watchkeeper.core.detect.rule.RuleFixtures.T0_MS;
import static io.watchkeeper.core.detect.rule.RuleFixtures.WALL;
import static io.watchkeeper.core.detect.rule.RuleFixtures.at;
import static io.watchkeeper.core.detect.rule.RuleFixtures.details;
import static io.watchkeeper.core.detect.rule.RuleFixtures.fix;
import static io.watchkeeper.core.detect.rule.RuleFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.zone.ZoneKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transitions taken on fixes: conditions, unless, declaration order, the "*" source, redeliveries. */
class RuleDetectorTest {

    private static final Condition SLOW = new Condition.SpeedBelow(3);
    private static final Condition IN_PORT = new Condition.InZoneKind(ZoneKind.PORT);

    private static final RuleMachine SLOW_IN_PORT = RuleMachine.of("slow-in-port", List.of("outside", "slow"),
            "outside", List.of(
                    t("outside", "slow", List.of(SLOW, IN_PORT)),
                    t("slow", "outside", List.of(), List.of(IN_PORT))));

    private final RuleRunnerForTest run = new RuleRunnerForTest(new RuleDetector(SLOW_IN_PORT));

    @Test
    void allWhenConditionsMustHold() {
        run.feed(fix(0, 2.0), at()).feed(fix(10, 5.0), at(PORT));
        assertThat(run.events()).isEmpty();

        run.feed(fix(20, 2.0), at(PORT));

        assertThat(run.events()).hasSize(1);
        Event e = run.events().get(0);
        assertThat(e.type()).isEqualTo("SLOW_IN_PORT");
        assertThat(e.machine()).isEqualTo("slow-in-port");
        assertThat(e.from()).isEqualTo("outside");
        assertThat(e.to()).isEqualTo("slow");
        assertThat(e.time()).isEqualTo(T0.plusSeconds(20));
        assertThat(e.detectedAt()).isEqualTo(WALL);
        assertThat(e.site()).isEqualTo("GBSOU");
        assertThat(e.details()).isEqualTo(details(0, "fix"));
    }

    @Test
    void unlessConditionBlocksWhileItHoldsAndFiresWhenItStops() {
        run.feed(fix(0, 2.0), at(PORT)).feed(fix(10, 9.0), at(PORT)).feed(fix(20, 9.0), RuleFixtures.near(PORT, 50));

        assertThat(run.events()).extracting(Event::from, Event::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("outside", "slow"),
                org.assertj.core.groups.Tuple.tuple("slow", "outside"));
        assertThat(run.events().get(1).details()).isEqualTo(details(1, "fix"));
    }

    @Test
    void aZoneOnlyNearByIsNotInside() {
        run.feed(fix(0, 2.0), RuleFixtures.near(PORT, 10));
        assertThat(run.events()).isEmpty();
    }

    @Test
    void firstDeclaredTransitionThatHoldsIsTakenAndOnlyOnePerFix() {
        RuleMachine m = RuleMachine.of("order", List.of("a", "b", "c"), "a", List.of(
                t("a", "b", List.of(SLOW)),
                t("a", "c", List.of(SLOW)),
                t("b", "c", List.of(SLOW))));
        RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(m));

        r.feed(fix(0, 1.0), at());
        assertThat(r.events()).extracting(Event::to).containsExactly("b");
        r.feed(fix(10, 1.0), at());
        assertThat(r.events()).extracting(Event::to).containsExactly("b", "c");
    }

    @Test
    void wildcardSourceLeavesEveryStateButItsTarget() {
        RuleMachine m = RuleMachine.of("any", List.of("a", "b", "stopped"), "a", List.of(
                t("a", "b", List.of(new Condition.SpeedAbove(10))),
                new RuleTransition(List.of(RuleTransition.ANY), "stopped", List.of(new Condition.SpeedBelow(0.5)),
                        List.of(), "STOPPED")));
        RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(m));

        r.feed(fix(0, 12), at()).feed(fix(10, 0.1), at()).feed(fix(20, 0.1), at());

        assertThat(r.events()).extracting(Event::from, Event::to, Event::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "b", "ANY"),
                org.assertj.core.groups.Tuple.tuple("b", "stopped", "STOPPED"));
        assertThat(m.eventTypes()).containsExactly("ANY", "STOPPED");
    }

    @Test
    void anUnknownZoneIdNeverMatches() {
        RuleMachine m = RuleMachine.of("zone", List.of("out", "in"), "out", List.of(
                t("out", "in", List.of(new Condition.InZone("no-such-zone")))));
        RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(m));

        r.feed(fix(0, 1), at(PORT, ANCHORAGE));
        assertThat(r.events()).isEmpty();

        RuleMachine known = RuleMachine.of("zone", List.of("out", "in"), "out", List.of(
                t("out", "in", List.of(new Condition.InZone("nab-anch")))));
        RuleRunnerForTest k = new RuleRunnerForTest(new RuleDetector(known));
        k.feed(fix(0, 1), at(PORT, ANCHORAGE));
        assertThat(k.events()).extracting(Event::to).containsExactly("in");
    }

    @Test
    void aRedeliveredOrOlderFixIsIgnored() {
        RuleMachine m = RuleMachine.of("order", List.of("a", "b", "c"), "a", List.of(
                t("a", "b", List.of(SLOW)),
                t("b", "c", List.of(SLOW))));
        RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(m));

        r.feed(fix(10, 1.0), at()).feed(fix(10, 1.0), at()).feed(fix(5, 1.0), at());

        assertThat(r.events()).extracting(Event::to).containsExactly("b");
    }

    @Test
    void withoutTimeConditionsTheNoChangePathKeepsTheSameStateObject() {
        RuleDetector d = new RuleDetector(SLOW_IN_PORT);
        Place<RuleData> s = d.initial(SHIP);

        Step<Place<RuleData>> step = d.step(s, fix(0, 9.0), at(PORT));

        assertThat(step.state()).isSameAs(s);
        assertThat(step.events()).isEmpty();
        assertThat(d.wakeAtMillis(step.state())).isEqualTo(Detector.NO_TIMER);
        assertThat(d.onTime(s, SHIP, T0_MS + 3_600_000, at()).state()).isSameAs(s);
    }

    @Test
    void eventIdsAreDeterministic() {
        RuleRunnerForTest again = new RuleRunnerForTest(new RuleDetector(SLOW_IN_PORT));
        for (RuleRunnerForTest r : List.of(run, again)) {
            r.feed(fix(0, 2.0), at(PORT)).feed(fix(10, 9.0), at());
        }
        assertThat(run.events()).hasSize(2).isEqualTo(again.events());
        assertThat(run.events().get(0).eventId()).isNotEqualTo(run.events().get(1).eventId());
    }

    @Test
    void aVesselsDataBesidesItsPlaceIsThreePrimitives() {
        java.lang.reflect.RecordComponent[] parts = RuleData.class.getRecordComponents();
        assertThat(java.util.Arrays.stream(parts).filter(p -> p.getType().isPrimitive())).hasSize(3);
        assertThat(java.util.Arrays.stream(parts).filter(p -> !p.getType().isPrimitive())).isEmpty();
    }
}
