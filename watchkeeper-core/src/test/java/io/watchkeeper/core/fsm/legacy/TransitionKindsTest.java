package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Internal vs reflexive transitions, invalid triggers, and outcomes that do not allocate. */
class TransitionKindsTest {

    enum S { IDLE, BUSY, DONE }

    enum T { TICK, RESTART, START, STOP, RESET }

    private static StateMachine<S, T, List<String>> machine(boolean ignoreInvalid) {
        return StateMachine.<S, T, List<String>>builder("kinds", S.class, T.class)
                .initial(S.IDLE)
                .internal(T.TICK, S.BUSY)
                .before((t, log) -> log.add("before")).after((t, log) -> log.add("after")).add()
                .transition(T.RESTART, S.BUSY, S.BUSY)
                .before((t, log) -> log.add("before")).after((t, log) -> log.add("after")).add()
                .transition(T.START, S.IDLE, S.BUSY).add()
                .transition(T.STOP, S.BUSY, S.DONE).add()
                .transition(T.RESET, EnumSet.complementOf(EnumSet.of(S.IDLE)), S.IDLE).add()
                .onExit(S.BUSY, (t, log) -> log.add("exit"))
                .onEnter(S.BUSY, (t, log) -> log.add("enter"))
                .ignoreInvalidTriggers(ignoreInvalid)
                .build();
    }

    private static final StateMachine<S, T, List<String>> STRICT = machine(false);
    private static final StateMachine<S, T, List<String>> LENIENT = machine(true);
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void internalTransitionRunsItsCallbacksButNeitherExitNorEnter() {
        List<String> log = new ArrayList<>();
        Outcome<S, T> outcome = STRICT.fire(S.BUSY, T.TICK, log);

        assertThat(log).containsExactly("before", "after");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FIRED);
        assertThat(outcome.state()).isEqualTo(S.BUSY);
        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.transition()).contains(new Transition<>(S.BUSY, S.BUSY, T.TICK, true));
    }

    @Test
    void reflexiveTransitionLeavesAndReentersItsState() {
        List<String> log = new ArrayList<>();
        Outcome<S, T> outcome = STRICT.fire(S.BUSY, T.RESTART, log);

        assertThat(log).containsExactly("before", "exit", "enter", "after");
        assertThat(outcome.state()).isEqualTo(S.BUSY);
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.transition()).hasValueSatisfying(t -> assertThat(t.reflexive()).isTrue());
    }

    @Test
    void onlyReflexiveTransitionsRestartTheInstanceClock() {
        MachineInstance<S, T, List<String>> vessel = STRICT.newInstance(T0);
        vessel.fire(T.START, new ArrayList<>(), T0.plusSeconds(10));
        vessel.fire(T.TICK, new ArrayList<>(), T0.plusSeconds(20));
        assertThat(vessel.enteredAt()).isEqualTo(T0.plusSeconds(10));

        vessel.fire(T.RESTART, new ArrayList<>(), T0.plusSeconds(30));
        assertThat(vessel.enteredAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(vessel.state()).isEqualTo(S.BUSY);
    }

    @Test
    void invalidTriggerThrowsMachineExceptionNamingMachineStateAndTrigger() {
        assertThatThrownBy(() -> STRICT.fire(S.IDLE, T.STOP, new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class)
                .isInstanceOfSatisfying(MachineException.class, e -> {
                    assertThat(e.machine()).isEqualTo("kinds");
                    assertThat(e.state()).isEqualTo("IDLE");
                    assertThat(e.trigger()).isEqualTo("STOP");
                })
                .hasMessageContainingAll("'kinds'", "IDLE", "STOP");
    }

    @Test
    void invalidTriggerIsNotAllowedWhenIgnored() {
        Outcome<S, T> outcome = LENIENT.fire(S.IDLE, T.STOP, new ArrayList<>());
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_ALLOWED);
        assertThat(outcome.state()).isEqualTo(S.IDLE);
        assertThat(outcome.trigger()).isEqualTo(T.STOP);
        assertThat(outcome.transition()).isEmpty();
        assertThat(LENIENT.canFire(S.IDLE, T.STOP, List.of())).isFalse();
        assertThat(STRICT.canFire(S.IDLE, T.STOP, List.of())).as("canFire never throws").isFalse();
    }

    @Test
    void instanceStaysPutOnAnIgnoredTrigger() {
        MachineInstance<S, T, List<String>> vessel = LENIENT.newInstance(T0);
        vessel.fire(T.STOP, new ArrayList<>(), T0.plusSeconds(5));
        assertThat(vessel.state()).isEqualTo(S.IDLE);
        assertThat(vessel.enteredAt()).isEqualTo(T0);
    }

    @Test
    void outcomesArePrebuiltSoRepeatedFiringAllocatesNone() {
        assertThat(LENIENT.fire(S.IDLE, T.STOP, List.of())).isSameAs(LENIENT.fire(S.IDLE, T.STOP, List.of()));
        assertThat(STRICT.fire(S.IDLE, T.START, new ArrayList<>())).isSameAs(STRICT.fire(S.IDLE, T.START, new ArrayList<>()));
        StateMachine<S, T, Boolean> guarded = StateMachine.<S, T, Boolean>builder("g", S.class, T.class)
                .initial(S.IDLE).transition(T.START, S.IDLE, S.BUSY).when("ok", ok -> ok).add().build();
        assertThat(guarded.fire(S.IDLE, T.START, false)).isSameAs(guarded.fire(S.IDLE, T.START, false))
                .isEqualTo(Outcome.guardFailed(S.IDLE, T.START));
    }

    @Test
    void transitionFromASetExpandsOnePerSourceInEnumOrder() {
        assertThat(STRICT.transitions()).filteredOn(t -> t.trigger() == T.RESET)
                .extracting(TransitionDef::from).containsExactly(S.BUSY, S.DONE);
        assertThat(STRICT.fire(S.DONE, T.RESET, new ArrayList<>()).state()).isEqualTo(S.IDLE);
        assertThat(STRICT.fire(S.BUSY, T.RESET, new ArrayList<>()).state()).isEqualTo(S.IDLE);
    }

    @Test
    void transitionDefDescribesWhatWasDeclared() {
        TransitionDef<S, T, List<String>> tick = STRICT.transitions().get(0);
        assertThat(tick.internal()).isTrue();
        assertThat(tick.reflexive()).isFalse();
        assertThat(tick.before()).hasSize(1);
        TransitionDef<S, T, List<String>> restart = STRICT.transitions().get(1);
        assertThat(restart.reflexive()).isTrue();
        assertThat(restart.transition()).isEqualTo(new Transition<>(S.BUSY, S.BUSY, T.RESTART, false));
    }

    @Test
    void anInternalTransitionCannotChangeState() {
        assertThatThrownBy(() -> new Transition<>(S.IDLE, S.BUSY, T.TICK, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
