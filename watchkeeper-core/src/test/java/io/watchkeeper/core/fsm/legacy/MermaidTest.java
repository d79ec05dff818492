package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidTest {

    enum S { MOVING, RESTING }

    enum T { REPORT, PING }

    record Pos(double x, double y, double prevX, double prevY) {
        boolean same() {
            return x == prevX && y == prevY;
        }
    }

    @Test
    void diagramHasTheInitialStateAndOneLinePerTransitionInDeclarationOrder() {
        StateMachine<S, T, Pos> m = StateMachine.<S, T, Pos>builder("boat", S.class, T.class)
                .initial(S.MOVING)
                .transition(T.REPORT, S.MOVING, S.RESTING).when("same position", Pos::same).add()
                .transition(T.REPORT, S.RESTING, S.MOVING).unless("same position", Pos::same).add()
                .transition(T.REPORT, S.RESTING, S.RESTING)
                .when("valid", p -> true).unless("stale", p -> false).add()
                .internal(T.PING, S.MOVING).add()
                .build();

        assertThat(m.toMermaid().lines()).containsExactly(
                "stateDiagram-v2",
                "    [*] --> MOVING",
                "    MOVING --> RESTING : REPORT [same position]",
                "    RESTING --> MOVING : REPORT [!same position]",
                "    RESTING --> RESTING : REPORT [valid, !stale]",
                "    MOVING --> MOVING : PING (internal)");
        assertThat(m.toMermaid()).as("pure: same text every time").isEqualTo(m.toMermaid()).endsWith("\n");
    }
}
