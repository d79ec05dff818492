package io.watchkeeper.core.detect.rule;

import static io.watchkeeper.core.detect.rule.RuleFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definition checks, and the Mermaid text in the style of the state-machine library's. */
class RuleMachineTest {

    @Test
    void mermaidHasTheInitialStateAndOneLinePerSourceOfEachTransition() {
        RuleMachine m = RuleMachine.of("slow-in-port", List.of("outside", "slow", "lost"), "outside", List.of(
                t("outside", "slow", List.of(new Condition.SpeedBelow(3), new Condition.InZoneKind(ZoneKind.PORT))),
                t("slow", "outside", List.of(), List.of(new Condition.InZoneKind(ZoneKind.PORT))),
                new RuleTransition(List.of("*"), "lost", List.of(new Condition.SilentFor(Duration.ofHours(2))),
                        List.of(), "LOST")));

        assertThat(m.toMermaid().lines()).containsExactly(
                "stateDiagram-v2",
                "    [*] --> outside",
                "    outside --> slow : SLOW_IN_PORT [speedBelow 3kn, inZoneKind port]",
                "    slow --> outside : SLOW_IN_PORT [!inZoneKind port]",
                "    outside --> lost : LOST [silentFor 2h]",
                "    slow --> lost : LOST [silentFor 2h]");
        assertThat(m.toMermaid()).isEqualTo(m.toMermaid()).endsWith("\n");
        assertThat(m.usesTime()).isTrue();
        assertThat(m.defaultEventType()).isEqualTo("SLOW_IN_PORT");
    }

    @Test
    void unknownAndDuplicateStatesAreRefused() {
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("a", "a"), "a", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("m: duplicate state 'a'");
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("a"), "b", List.of()))
                .hasMessage("m: unknown initial state 'b'; states are a");
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("a"), "a", List.of(t("a", "x", List.of()))))
                .hasMessageContaining("unknown target state 'x'");
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("a"), "a", List.of(t("x", "a", List.of()))))
                .hasMessageContaining("unknown source state 'x'");
    }

    @Test
    void namesMustSuitTopicsAndDiagrams() {
        assertThatThrownBy(() -> RuleMachine.of("Slow In Port", List.of("a"), "a", List.of()))
                .hasMessageContaining("machine name 'Slow In Port'");
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("Slow-state"), "Slow-state", List.of()))
                .hasMessageContaining("state name 'Slow-state'");
        assertThatThrownBy(() -> new RuleTransition(List.of("a"), "b", List.of(), List.of(), "slow/port"))
                .hasMessageContaining("[A-Z0-9_]+");
        assertThatThrownBy(() -> new RuleTransition(List.of("*", "a"), "b", List.of(), List.of(), null))
                .hasMessageContaining("'*' must be the only source state");
    }

    @Test
    void atMost64DistinctFixConditionsButRepeatsShareABit() {
        List<Condition> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(new Condition.InZone("z" + i));
        }
        assertThatThrownBy(() -> RuleMachine.of("m", List.of("a", "b"), "a", List.of(t("a", "b", many))))
                .hasMessageContaining("at most 64");
        List<Condition> repeated = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            repeated.add(new Condition.InZone("z" + (i % 64)));
        }
        assertThat(RuleMachine.of("m", List.of("a", "b"), "a", List.of(t("a", "b", repeated))).name()).isEqualTo("m");
    }
}
