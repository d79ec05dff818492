package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mistakes in a definition fail at once, with a message that names the machine and the culprit. */
class BuilderValidationTest {

    enum S { A, B }

    enum T { GO, BACK, WAIT }

    enum Empty { }

    enum Other { X }

    private static MachineBuilder<S, T, Void> builder() {
        return StateMachine.<S, T, Void>builder("check", S.class, T.class).initial(S.A);
    }

    @Test
    void buildIsOnlyReachableOnceTheInitialStateIsSet() {
        assertThat(Arrays.stream(StateMachine.Builder.class.getMethods()).map(Method::getName))
                .containsExactly("initial");
        assertThat(Arrays.stream(MachineBuilder.class.getMethods()).map(Method::getName)).contains("build");
    }

    @Test
    void timeoutWhoseTriggerDoesNotLeaveItsStateIsRejected() {
        MachineBuilder<S, T, Void> b = builder()
                .transition(T.GO, S.A, S.B).add()
                .timeout(S.B, Duration.ofMinutes(5), T.GO);
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("machine 'check': timeout of state B fires GO, but no transition for GO leaves B");
    }

    @Test
    void duplicateIdenticalTransitionIsRejected() {
        MachineBuilder<S, T, Void> b = builder()
                .transition(T.GO, S.A, S.B).when("ready", c -> true).add()
                .transition(T.GO, S.A, S.B).when("ready", c -> false).add();
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'check'", "duplicate transition GO: A -> B", "ready");
    }

    @Test
    void sameStatesWithOtherGuardsOrKindAreNotDuplicates() {
        assertThatNoException().isThrownBy(() -> builder()
                .transition(T.GO, S.A, S.B).when("ready", c -> true).add()
                .transition(T.GO, S.A, S.B).unless("ready", c -> true).add()
                .transition(T.GO, S.A, S.B).add()
                .transition(T.WAIT, S.A, S.A).add()
                .internal(T.WAIT, S.A).add()
                .build());
    }

    @Test
    void historySizeIsBounded() {
        assertThatThrownBy(() -> builder().historySize(65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..64");
        assertThatThrownBy(() -> builder().historySize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatNoException().isThrownBy(() -> builder().historySize(64).build());
    }

    @Test
    void aTransitionNotEndedWithAddIsNotSilentlyDropped() {
        MachineBuilder<S, T, Void> b = builder();
        b.transition(T.GO, S.A, S.B).when("ready", c -> true);
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("GO", "add()");
        assertThatThrownBy(() -> b.onEnter(S.B, (t, c) -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAddedTransitionCannotBeChangedAfterwards() {
        MachineBuilder<S, T, Void> b = builder();
        TransitionBuilder<S, T, Void> t = b.transition(T.GO, S.A, S.B);
        t.add();
        assertThatThrownBy(() -> t.when("late", c -> true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void timeoutsAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> builder().timeout(S.A, Duration.ZERO, T.GO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> builder().timeout(S.A, Duration.ofMinutes(1), T.GO)
                .timeout(S.A, Duration.ofMinutes(2), T.BACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a timeout");
    }

    @Test
    void namesAndSourcesMustBeMeaningful() {
        assertThatThrownBy(() -> StateMachine.<S, T, Void>builder(" ", S.class, T.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> StateMachine.<Empty, T, Void>builder("e", Empty.class, T.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no constants");
        assertThatThrownBy(() -> builder().transition(T.GO, S.A, S.B).when(" ", c -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().transition(T.GO, S.A, S.B).when("two\nlines", c -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().transition(T.GO, Set.of(), S.B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one source");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> builder().transition(T.GO, (S) null, S.B))
                .isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> builder().transition(null, S.A, S.B))
                .isInstanceOf(NullPointerException.class).hasMessage("trigger");
        assertThatThrownBy(() -> StateMachine.<S, T, Void>builder("n", S.class, T.class).initial(null))
                .isInstanceOf(NullPointerException.class).hasMessage("initial");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aConstantOfAnotherEnumSmuggledInThroughRawTypesIsRejected() {
        MachineBuilder raw = builder();
        assertThatThrownBy(() -> raw.transition(T.GO, Other.X, S.B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a constant of");
        assertThatThrownBy(() -> raw.timeout(S.A, Duration.ofMinutes(1), Other.X))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trigger X");
    }

    @Test
    void theBuiltDefinitionIsFrozen() {
        MachineBuilder<S, T, Void> b = builder().transition(T.GO, S.A, S.B).add();
        StateMachine<S, T, Void> m = b.build();
        b.transition(T.BACK, S.B, S.A).add();

        assertThat(m.transitions()).extracting(TransitionDef::trigger).containsExactly(T.GO);
        assertThat(b.build().transitions()).extracting(TransitionDef::trigger).containsExactly(T.GO, T.BACK);
        assertThatThrownBy(() -> m.transitions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.states().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m.states()).containsExactly(S.A, S.B);
        assertThat(m.triggers()).containsExactly(T.GO, T.BACK, T.WAIT);
        assertThat(m.name()).isEqualTo("check");
        assertThat(m.initial()).isEqualTo(S.A);
    }
}
