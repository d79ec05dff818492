package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Triggers own ordered transition lists; the first one from the current state whose guards pass wins. */
class GuardSelectionTest {

    enum S { A, B, C, D }

    enum T { GO, OTHER }

    /** Which named guards pass, and which were evaluated. */
    record Ctx(List<String> passing, List<String> evaluated) {
        Ctx(String... passing) {
            this(List.of(passing), new ArrayList<>());
        }

        boolean test(String guard) {
            evaluated.add(guard);
            return passing.contains(guard);
        }
    }

    private static final StateMachine<S, T, Ctx> M = StateMachine.<S, T, Ctx>builder("select", S.class, T.class)
            .initial(S.A)
            .transition(T.GO, S.A, S.B).when("toB", c -> c.test("toB")).add()
            .transition(T.GO, S.B, S.A).when("fromB", c -> c.test("fromB")).add()
            .transition(T.GO, S.A, S.C).when("toC", c -> c.test("toC")).add()
            .transition(T.GO, S.A, S.D).when("toD", c -> c.test("toD")).add()
            .transition(T.OTHER, S.A, S.B)
            .when("w1", c -> c.test("w1")).when("w2", c -> c.test("w2"))
            .unless("u1", c -> c.test("u1")).unless("u2", c -> c.test("u2"))
            .add()
            .build();

    @Test
    void firstPassingTransitionInDeclarationOrderWins() {
        assertThat(M.fire(S.A, T.GO, new Ctx("toC", "toD")).state()).isEqualTo(S.C);
        assertThat(M.fire(S.A, T.GO, new Ctx("toB", "toC", "toD")).state()).isEqualTo(S.B);
        assertThat(M.fire(S.A, T.GO, new Ctx("toD")).state()).isEqualTo(S.D);
    }

    @Test
    void evaluationStopsAtTheTakenTransition() {
        Ctx ctx = new Ctx("toC", "toD");
        M.fire(S.A, T.GO, ctx);
        assertThat(ctx.evaluated()).containsExactly("toB", "toC");
    }

    @Test
    void guardsOfOtherSourceStatesAreNeverEvaluated() {
        Ctx ctx = new Ctx("fromB");
        Outcome<S, T> outcome = M.fire(S.A, T.GO, ctx);
        assertThat(ctx.evaluated()).containsExactly("toB", "toC", "toD");

        Ctx probe = new Ctx("fromB");
        M.canFire(S.A, T.GO, probe);
        assertThat(probe.evaluated()).doesNotContain("fromB");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
    }

    @Test
    void noPassingGuardLeavesTheStateAndHasNoTransition() {
        Outcome<S, T> outcome = M.fire(S.A, T.GO, new Ctx());
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(outcome.state()).isEqualTo(S.A);
        assertThat(outcome.transition()).isEmpty();
        assertThat(outcome.changed()).isFalse();
    }

    @ParameterizedTest(name = "passing={0} -> fired={1}, evaluated={2}")
    @CsvSource(delimiter = ';', value = {
        "w1 w2;         true;  w1 w2 u1 u2",
        "w1;            false; w1 w2",
        "w2;            false; w1",
        "'';            false; w1",
        "w1 w2 u1;      false; w1 w2 u1",
        "w1 w2 u2;      false; w1 w2 u1 u2",
        "w1 w2 u1 u2;   false; w1 w2 u1",
    })
    void whenGuardsMustAllHoldAndUnlessGuardsMustAllBeFalse(String passing, boolean fired, String evaluated) {
        Ctx ctx = new Ctx(passing.isBlank() ? new String[0] : passing.trim().split(" "));
        Outcome<S, T> outcome = M.fire(S.A, T.OTHER, ctx);
        assertThat(outcome.kind() == Outcome.Kind.FIRED).isEqualTo(fired);
        assertThat(ctx.evaluated()).as("when in order, then unless, stopping at the first failure")
                .containsExactly(evaluated.trim().split(" "));
    }
}
