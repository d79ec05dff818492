package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of guards and callbacks is a contract (see {@link StateMachine}); each step is logged. */
class CallbackOrderTest {

    enum S { A, B }

    enum T { GO, BLOCKED, NOPE }

    /** A log plus switches that make a named step throw. */
    static final class Ctx {
        final List<String> log = new ArrayList<>();
        String failAt = "";
        final List<Transition<S, T>> finalized = new ArrayList<>();
        final List<Transition<S, T>> handled = new ArrayList<>();

        boolean step(String name) {
            log.add(name);
            if (name.equals(failAt)) {
                throw new IllegalStateException("boom at " + name);
            }
            return true;
        }
    }

    private static MachineBuilder<S, T, Ctx> base() {
        return StateMachine.<S, T, Ctx>builder("order", S.class, T.class)
                .initial(S.A)
                .prepare((t, c) -> c.step("prepare"))
                .transition(T.GO, S.A, S.B)
                .when("w1", c -> c.step("when1"))
                .when("w2", c -> c.step("when2"))
                .unless("u1", c -> !c.step("unless1"))
                .before((t, c) -> c.step("before1"))
                .before((t, c) -> c.step("before2"))
                .after((t, c) -> c.step("after"))
                .add()
                .transition(T.BLOCKED, S.A, S.B)
                .when("never", c -> !c.step("guard"))
                .add()
                .onExit(S.A, (t, c) -> c.step("exit A 1"))
                .onExit(S.A, (t, c) -> c.step("exit A 2"))
                .onEnter(S.B, (t, c) -> c.step("enter B 1"))
                .onEnter(S.B, (t, c) -> c.step("enter B 2"))
                .onEnter(S.A, (t, c) -> c.step("enter A (wrong)"))
                .onExit(S.B, (t, c) -> c.step("exit B (wrong)"))
                .afterAny((t, c) -> c.step("afterAny"))
                .finalizeWith((t, c) -> {
                    c.finalized.add(t);
                    c.log.add("finalize");
                });
    }

    private static final StateMachine<S, T, Ctx> PLAIN = base().build();
    private static final StateMachine<S, T, Ctx> HANDLED = base()
            .onException((attempted, c, e) -> {
                c.handled.add(attempted);
                c.log.add("handler: " + e.getMessage());
            })
            .build();

    @Test
    void firedTransitionRunsEveryStepInTheDocumentedOrder() {
        Ctx ctx = new Ctx();
        Outcome<S, T> outcome = PLAIN.fire(S.A, T.GO, ctx);

        assertThat(ctx.log).containsExactly("prepare", "when1", "when2", "unless1", "before1", "before2",
                "exit A 1", "exit A 2", "enter B 1", "enter B 2", "after", "afterAny", "finalize");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FIRED);
        assertThat(outcome.state()).isEqualTo(S.B);
        assertThat(ctx.finalized).containsExactly(new Transition<>(S.A, S.B, T.GO, false));
    }

    @Test
    void guardFailureStillRunsPrepareAndFinalizeButNoCallbacks() {
        Ctx ctx = new Ctx();
        Outcome<S, T> outcome = PLAIN.fire(S.A, T.BLOCKED, ctx);

        assertThat(ctx.log).containsExactly("prepare", "guard", "finalize");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(outcome.state()).isEqualTo(S.A);
        assertThat(ctx.finalized).as("finalize sees the attempt").containsExactly(
                new Transition<>(S.A, S.A, T.BLOCKED, true));
    }

    @Test
    void invalidTriggerRunsPrepareAndFinalizeThenThrows() {
        Ctx ctx = new Ctx();
        assertThatThrownBy(() -> PLAIN.fire(S.A, T.NOPE, ctx)).isInstanceOf(MachineException.class);
        assertThat(ctx.log).containsExactly("prepare", "finalize");
    }

    @Test
    void exceptionWithoutHandlerPropagatesUnchangedAfterFinalize() {
        Ctx ctx = new Ctx();
        ctx.failAt = "exit A 1";

        assertThatThrownBy(() -> PLAIN.fire(S.A, T.GO, ctx))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("boom at exit A 1");
        assertThat(ctx.log).containsExactly("prepare", "when1", "when2", "unless1", "before1", "before2",
                "exit A 1", "finalize");
    }

    @Test
    void exceptionInGuardWithHandlerIsGuardFailedAndHandlerSeesTheAttempt() {
        Ctx ctx = new Ctx();
        ctx.failAt = "when2";
        Outcome<S, T> outcome = HANDLED.fire(S.A, T.GO, ctx);

        assertThat(ctx.log).containsExactly("prepare", "when1", "when2", "handler: boom at when2", "finalize");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(outcome.state()).isEqualTo(S.A);
        assertThat(ctx.handled).containsExactly(new Transition<>(S.A, S.A, T.GO, true));
    }

    @Test
    void exceptionAfterTheStateChangeKeepsTheOldStateWhenHandled() {
        Ctx ctx = new Ctx();
        ctx.failAt = "enter B 1";
        Outcome<S, T> outcome = HANDLED.fire(S.A, T.GO, ctx);

        assertThat(ctx.log).endsWith("exit A 2", "enter B 1", "handler: boom at enter B 1", "finalize");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(outcome.state()).isEqualTo(S.A);
        assertThat(outcome.changed()).isFalse();
        assertThat(ctx.handled).as("handler sees the chosen transition")
                .containsExactly(new Transition<>(S.A, S.B, T.GO, false));
        assertThat(ctx.finalized).containsExactly(new Transition<>(S.A, S.A, T.GO, true));
    }

    @Test
    void exceptionInPrepareSkipsGuardsAndStillFinalizes() {
        Ctx ctx = new Ctx();
        ctx.failAt = "prepare";
        assertThat(HANDLED.fire(S.A, T.GO, ctx).kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(ctx.log).containsExactly("prepare", "handler: boom at prepare", "finalize");
    }

    @Test
    void exceptionInFinalizeGoesToTheHandlerAfterEveryFinalizerRan() {
        List<String> log = new ArrayList<>();
        StateMachine<S, T, List<String>> m = StateMachine.<S, T, List<String>>builder("fin", S.class, T.class)
                .initial(S.A)
                .transition(T.GO, S.A, S.B).add()
                .finalizeWith((t, c) -> {
                    c.add("finalize 1");
                    throw new IllegalArgumentException("finalize failed");
                })
                .finalizeWith((t, c) -> c.add("finalize 2"))
                .onException((t, c, e) -> c.add("handler: " + e.getMessage()))
                .build();

        Outcome<S, T> outcome = m.fire(S.A, T.GO, log);

        assertThat(log).containsExactly("finalize 1", "handler: finalize failed", "finalize 2");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(outcome.state()).isEqualTo(S.A);
    }

    @Test
    void exceptionFromTheHandlerPropagatesWithTheOriginalSuppressed() {
        IllegalStateException original = new IllegalStateException("original");
        StateMachine<S, T, List<String>> m = StateMachine.<S, T, List<String>>builder("rethrow", S.class, T.class)
                .initial(S.A)
                .transition(T.GO, S.A, S.B).before((t, c) -> {
                    throw original;
                }).add()
                .onException((t, c, e) -> {
                    throw new UnsupportedOperationException("handler failed");
                })
                .finalizeWith((t, c) -> c.add("finalize"))
                .build();
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> m.fire(S.A, T.GO, log))
                .isInstanceOf(UnsupportedOperationException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(original));
        assertThat(log).containsExactly("finalize");
    }
}
