package io.watchkeeper.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.core.zone.ZoneKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules format: what it accepts, and for each mistake the line, column and words of its message. */
class RulesFileTest {

    private static final String GOOD = """
            machines:
              - name: slow-in-port
                states: [outside, slow, lost]
                initial: outside
                transitions:
                  - {from: outside, to: slow, when: [{speedBelow: 3}, {inZoneKind: port}], event: SLOW_IN_PORT}
                  - from: slow
                    to: outside
                    unless: [{inZoneKind: port}]
                  - {from: "*", to: lost, when: {silentFor: 2h}}
                  - from: [lost]
                    to: outside
                    when:
                      - shipType: [70-79, tug, 30]
                      - navStatus: 5
                      - not: {inZone: gb-sou}
                      - timeInState: PT1H30M
                      - courseHeadingDiffAbove: 40
                      - speedAbove: 0.5
              - name: second
                states: [a]
                initial: a
                transitions: []
            """;

    private static List<RuleMachine> parse(String yaml) {
        return RulesFile.parse(yaml, "rules.yaml");
    }

    /**
     * Asserts the one-line message {@code rules.yaml:line:column: problem}, the column being where
     * {@code token} starts on that line: the place a user must look.
     */
    private static void fails(String yaml, int line, String token, String problem) {
        String text = yaml.lines().skip(line - 1).findFirst().orElseThrow();
        assertThat(text).as("line %d", line).contains(token);
        fails(yaml, line, text.indexOf(token) + 1, problem);
    }

    private static void fails(String yaml, int line, int column, String problem) {
        ThrowingCallable load = () -> parse(yaml);
        assertThatThrownBy(load).isInstanceOfSatisfying(RulesFileException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("rules.yaml:" + line + ":" + column + ": " + problem);
            assertThat(e.getMessage()).doesNotContain("\n");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
        });
    }

    @Test
    void readsMachinesStatesTransitionsAndEveryCondition() {
        List<RuleMachine> machines = parse(GOOD);

        assertThat(machines).extracting(RuleMachine::name).containsExactly("slow-in-port", "second");
        RuleMachine m = machines.get(0);
        assertThat(m.states()).containsExactly("outside", "slow", "lost");
        assertThat(m.initial()).isEqualTo("outside");
        assertThat(m.transitions()).containsExactly(
                new RuleTransition(List.of("outside"), "slow",
                        List.of(new Condition.SpeedBelow(3), new Condition.InZoneKind(ZoneKind.PORT)), List.of(),
                        "SLOW_IN_PORT"),
                new RuleTransition(List.of("slow"), "outside", List.of(),
                        List.of(new Condition.InZoneKind(ZoneKind.PORT)), null),
                new RuleTransition(List.of("*"), "lost", List.of(new Condition.SilentFor(Duration.ofHours(2))),
                        List.of(), null),
                new RuleTransition(List.of("lost"), "outside", List.of(
                        new Condition.ShipTypeIn(List.of(new Condition.TypeRange(70, 79), Condition.TypeRange.TUG,
                                Condition.TypeRange.of(30))),
                        new Condition.NavStatusIn(List.of(5)),
                        new Condition.Not(new Condition.InZone("gb-sou")),
                        new Condition.TimeInState(Duration.ofMinutes(90)),
                        new Condition.CourseHeadingDiffAbove(40),
                        new Condition.SpeedAbove(0.5)), List.of(), null));
        assertThat(m.eventTypes()).as("the default type is the same here").containsExactly("SLOW_IN_PORT");
    }

    @Test
    void unknownConditionListsTheKnownOnes() {
        fails(GOOD.replace("{speedBelow: 3}", "{speedBelo: 3}"), 6, "speedBelo",
                "unknown condition 'speedBelo'; known: speedBelow, speedAbove, inZone, inZoneKind, shipType, "
                        + "navStatus, courseHeadingDiffAbove, timeInState, silentFor, not");
    }

    @Test
    void wrongValueTypes() {
        fails(GOOD.replace("{speedBelow: 3}", "{speedBelow: fast}"), 6, "fast", "speedBelow: expected a number (knots), "
                + "found text 'fast'");
        fails(GOOD.replace("navStatus: 5", "navStatus: [5, moored]"), 15, "moored",
                "navStatus: expected a status code 0..15, found text 'moored'");
        fails(GOOD.replace("navStatus: 5", "navStatus: 16"), 15, "16", "navStatus: status codes lie within 0..15, found 16");
        fails(GOOD.replace("70-79, tug", "70-79, barge"), 14, "barge",
                "shipType: expected a ship type code 0..99, a range like 70-79 or 'tug', found text 'barge'");
        fails(GOOD.replace("70-79, tug", "79-70, tug"), 14, "79-70",
                "ship type range must lie within 0..99 with first <= last, was 79-70");
        fails(GOOD.replace("{inZoneKind: port}]", "{inZoneKind: harbour}]"), 6, "harbour",
                "unknown zone kind 'harbour'; known: port, berth, anchorage, pilot_boarding, speed_limit, other");
        fails(GOOD.replace("states: [outside, slow, lost]", "states: outside"), 3, "outside",
                "states: expected a list, found text 'outside'");
        fails(GOOD.replace("initial: outside", "initial: [outside]"), 4, "[outside]", "initial: expected a name, found a list");
        fails(GOOD.replace("- speedAbove: 0.5", "- {speedAbove: 0.5, speedBelow: 3}"), 19, "{speedAbove",
                "when: each condition is a map of one entry like {speedBelow: 3}, found a map of 2 entries");
    }

    @Test
    void unknownStates() {
        fails(GOOD.replace("initial: outside", "initial: inside"), 4, "inside",
                "initial: unknown state 'inside'; states are outside, slow, lost");
        fails(GOOD.replace("- from: slow", "- from: slo"), 7, "slo", "from: unknown state 'slo'; states are outside, slow, lost");
        fails(GOOD.replace("from: [lost]", "from: [lost, found]"), 11, "found",
                "from: unknown state 'found'; states are outside, slow, lost");
        fails(GOOD.replace("to: lost,", "to: gone,"), 10, "gone", "to: unknown state 'gone'; states are outside, slow, lost");
        fails(GOOD.replace("from: [lost]", "from: [\"*\", lost]"), 11, "\"*\"", "from: '*' must stand alone, not in a list");
    }

    @Test
    void duplicateStatesAndMachines() {
        fails(GOOD.replace("[outside, slow, lost]", "[outside, slow, outside]"), 3, "outside]",
                "duplicate state 'outside' (first at line 3)");
        fails(GOOD.replace("name: second", "name: slow-in-port"), 20, "slow-in-port",
                "duplicate machine name 'slow-in-port' (first at line 2)");
        fails(GOOD.replace("    initial: outside\n", "    initial: outside\n    initial: slow\n"), 5, "initial",
                "duplicate key 'initial' (first at line 4)");
    }

    @Test
    void missingAndUnknownFields() {
        fails(GOOD.replace("    initial: outside\n", ""), 2, "name", "missing 'initial'");
        fails(GOOD.replaceFirst("        to: outside\n", ""), 7, "from", "missing 'to'");
        fails(GOOD.replace("unless:", "unles:"), 9, "unles",
                "unknown key 'unles' in a transition; known: event, from, to, unless, when");
        fails(GOOD.replace("machines:", "machine:"), 1, 1, "unknown key 'machine' in the file; known: machines");
        fails("", 1, 1, "no machines: the file is empty; see docs/rules.md");
    }

    @Test
    void badDurationAndEventTypeAndNames() {
        fails(GOOD.replace("silentFor: 2h", "silentFor: 2 hours"), 10, "2 hours",
                "silentFor: bad duration text '2 hours'; write e.g. 30s, 5m, 2h, 1d or PT2H");
        fails(GOOD.replace("silentFor: 2h", "silentFor: 120"), 10, "120",
                "silentFor: bad duration the number 120; write e.g. 30s, 5m, 2h, 1d or PT2H");
        fails(GOOD.replace("timeInState: PT1H30M", "timeInState: 0s"), 17, "0s",
                "timeInState: duration must be > 0 and at most 366 days, was PT0S");
        fails(GOOD.replace("event: SLOW_IN_PORT", "event: slow/in/port"), 6, "slow/in/port",
                "event type 'slow/in/port' must match [A-Z0-9_]+ (it is a topic level)");
        fails(GOOD.replace("name: second", "name: Second One"), 20, "Second One",
                "machine name 'Second One' must match [a-z][a-z0-9_-]* (lower case, digits, '-', '_')");
        fails(GOOD.replace("[outside, slow, lost]", "[outside, Slow, lost]"), 3, "Slow",
                "state name 'Slow' must match [a-z][a-z0-9_]* (lower case, digits, '_')");
    }

    @Test
    void yamlSyntaxErrorsNameTheirPlace() {
        ThrowingCallable load = () -> parse("machines:\n  - name: [a\n");
        assertThatThrownBy(load).isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith("rules.yaml:3:1: YAML syntax: ").hasMessageNotContaining("\n");
        fails("machines:\n  - name: a\n   states: b\n", 3, 4,
                "YAML syntax: while parsing a block collection: expected <block end>, but found '<block mapping start>'");
        fails("machines: &m [1]\nother: *m\n", 2, 8, "YAML aliases (*m) are not supported here; write the value out");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> RulesFile.load(Path.of("no-such-rules.yaml")))
                .isInstanceOf(RulesFileException.class).hasMessage("no-such-rules.yaml: no such file");
    }
}
