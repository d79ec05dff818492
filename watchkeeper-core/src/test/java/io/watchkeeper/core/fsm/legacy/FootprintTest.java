package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.fsm.legacy.internal.HistoryRing;
import io.watchkeeper.core.fsm.legacy.internal.MachineTable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One definition for every vessel; a vessel costs a few fields. */
class FootprintTest {

    enum S { MOVING, RESTING }

    enum T { STOP, GO }

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static StateMachine<S, T, Void> machine(int history) {
        return StateMachine.<S, T, Void>builder("motion", S.class, T.class)
                .initial(S.MOVING)
                .transition(T.STOP, S.MOVING, S.RESTING).add()
                .transition(T.GO, S.RESTING, S.MOVING).add()
                .historySize(history)
                .build();
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).forEach(fields::add);
        }
        return fields;
    }

    private static Object ring(MachineInstance<?, ?, ?> vessel) throws IllegalAccessException {
        Field f = instanceFields(MachineInstance.class).stream()
                .filter(x -> x.getType() == HistoryRing.class).findFirst().orElseThrow();
        f.setAccessible(true);
        return f.get(vessel);
    }

    @Test
    void anInstanceHoldsAtMostFourFields() {
        assertThat(instanceFields(MachineInstance.class)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void manyInstancesShareOneDefinitionAndDoNotInterfere() {
        StateMachine<S, T, Void> m = machine(0);
        List<MachineInstance<S, T, Void>> fleet = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            fleet.add(m.newInstance(T0));
        }
        fleet.get(42).fire(T.STOP, null, T0.plusSeconds(1));

        assertThat(fleet).allSatisfy(v -> assertThat(v.definition()).isSameAs(m));
        assertThat(fleet).filteredOn(v -> v.state() == S.RESTING).containsExactly(fleet.get(42));
    }

    @Test
    void withoutHistoryNoRingIsEverAllocated() throws IllegalAccessException {
        MachineInstance<S, T, Void> vessel = machine(0).newInstance(T0);
        vessel.fire(T.STOP, null, T0.plusSeconds(1));
        vessel.fire(T.GO, null, T0.plusSeconds(2));
        assertThat(ring(vessel)).isNull();
    }

    @Test
    void theRingIsAllocatedOnTheFirstChangeOnly() throws IllegalAccessException {
        MachineInstance<S, T, Void> vessel = machine(4).newInstance(T0);
        assertThat(ring(vessel)).isNull();
        vessel.fire(T.STOP, null, T0.plusSeconds(1));
        assertThat(ring(vessel)).isNotNull();
    }

    @Test
    void theDefinitionIsDeeplyFinal() {
        for (Class<?> type : List.of(StateMachine.class, MachineTable.class, Outcome.class)) {
            assertThat(instanceFields(type)).as(type.getSimpleName())
                    .allSatisfy(f -> assertThat(Modifier.isFinal(f.getModifiers())).as(f.getName()).isTrue());
        }
    }
}
