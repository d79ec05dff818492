package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history ring, and snapshots that survive serialization and restore. */
class HistoryAndSnapshotTest {

    enum S { MOVING, RESTING }

    enum T { STOP, GO, PING }

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static StateMachine<S, T, Void> machine(String name, int history) {
        return StateMachine.<S, T, Void>builder(name, S.class, T.class)
                .initial(S.MOVING)
                .transition(T.STOP, S.MOVING, S.RESTING).add()
                .transition(T.GO, S.RESTING, S.MOVING).add()
                .internal(T.PING, S.MOVING).add()
                .internal(T.PING, S.RESTING).add()
                .historySize(history)
                .build();
    }

    private static final StateMachine<S, T, Void> M = machine("motion", 3);

    /** Alternates STOP and GO {@code changes} times, one second apart, with a PING between. */
    private static MachineInstance<S, T, Void> run(StateMachine<S, T, Void> m, int changes) {
        MachineInstance<S, T, Void> vessel = m.newInstance(T0);
        for (int i = 1; i <= changes; i++) {
            vessel.fire(vessel.state() == S.MOVING ? T.STOP : T.GO, null, T0.plusSeconds(i));
            vessel.fire(T.PING, null, T0.plusSeconds(i).plusMillis(500));
        }
        return vessel;
    }

    @Test
    void historyKeepsTheLastNChangesOldestFirstAndSkipsInternalTransitions() {
        MachineInstance<S, T, Void> vessel = run(M, 5);

        assertThat(vessel.history()).containsExactly(
                new HistoryEntry<>(S.MOVING, S.RESTING, T.STOP, T0.plusSeconds(3)),
                new HistoryEntry<>(S.RESTING, S.MOVING, T.GO, T0.plusSeconds(4)),
                new HistoryEntry<>(S.MOVING, S.RESTING, T.STOP, T0.plusSeconds(5)));
    }

    @Test
    void historyBeforeTheRingIsFullHasOnlyWhatHappened() {
        assertThat(run(M, 2).history()).extracting(HistoryEntry::trigger).containsExactly(T.STOP, T.GO);
        assertThat(run(M, 0).history()).isEmpty();
    }

    @Test
    void noHistoryIsKeptByDefault() {
        assertThat(run(machine("bare", 0), 5).history()).isEmpty();
    }

    @Test
    void snapshotRestoresStateEnteredAtAndHistory() {
        MachineInstance<S, T, Void> vessel = run(M, 4);
        MachineInstance<S, T, Void> restored = M.restore(vessel.snapshot());

        assertThat(restored.state()).isEqualTo(vessel.state());
        assertThat(restored.enteredAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(restored.history()).isEqualTo(vessel.history());
        assertThat(restored.definition()).isSameAs(M);
        assertThat(restored.snapshot()).isEqualTo(vessel.snapshot());
    }

    @Test
    void snapshotSurvivesJavaSerialization() throws IOException, ClassNotFoundException {
        MachineInstance<S, T, Void> vessel = run(M, 5);
        MachineSnapshot snapshot = vessel.snapshot();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(snapshot);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        assertThat(read).isEqualTo(snapshot);
        MachineInstance<S, T, Void> restored = M.restore((MachineSnapshot) read);
        assertThat(restored.state()).isEqualTo(vessel.state());
        assertThat(restored.enteredAt()).isEqualTo(vessel.enteredAt());
        assertThat(restored.history()).isEqualTo(vessel.history());
    }

    @Test
    void restoredInstanceGoesOnLikeTheOriginal() {
        MachineInstance<S, T, Void> original = run(M, 3);
        MachineInstance<S, T, Void> restored = M.restore(original.snapshot());
        for (MachineInstance<S, T, Void> v : List.of(original, restored)) {
            v.fire(T.GO, null, T0.plusSeconds(10));
        }
        assertThat(restored.history()).isEqualTo(original.history());
        assertThat(restored.state()).isEqualTo(S.MOVING);
    }

    @Test
    void snapshotHoldsOnlyStringsLongsAndLists() {
        assertThat(Arrays.stream(MachineSnapshot.class.getRecordComponents()).map(RecordComponent::getType))
                .containsExactly(String.class, String.class, long.class, List.class);
        assertThat(Arrays.stream(MachineSnapshot.Entry.class.getRecordComponents()).map(RecordComponent::getType))
                .containsExactly(String.class, String.class, String.class, long.class);
        assertThat(run(M, 1).snapshot()).isEqualTo(new MachineSnapshot("motion", "RESTING", T0.plusSeconds(1).toEpochMilli(),
                List.of(new MachineSnapshot.Entry("MOVING", "RESTING", "STOP", T0.plusSeconds(1).toEpochMilli()))));
    }

    @Test
    void restoreIntoASmallerHistoryKeepsTheNewest() {
        StateMachine<S, T, Void> big = machine("motion", 10);
        MachineInstance<S, T, Void> restored = machine("motion", 2).restore(run(big, 6).snapshot());
        assertThat(restored.history()).extracting(HistoryEntry::at)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(6));
    }

    @Test
    void restoreOfAnUnknownStateFailsNamingIt() {
        MachineSnapshot renamed = new MachineSnapshot("motion", "ANCHORED", 0, List.of());
        assertThatThrownBy(() -> M.restore(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'motion'", "'ANCHORED'", "MOVING", "RESTING");
    }

    @Test
    void restoreOfAnUnknownHistoryNameFails() {
        MachineSnapshot bad = new MachineSnapshot("motion", "MOVING", 0,
                List.of(new MachineSnapshot.Entry("MOVING", "RESTING", "HALT", 0)));
        assertThatThrownBy(() -> M.restore(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no trigger 'HALT'");
    }

    @Test
    void restoreIntoAnotherMachineFails() {
        MachineSnapshot snapshot = run(machine("other", 3), 1).snapshot();
        assertThatThrownBy(() -> M.restore(snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'other'", "'motion'");
    }
}
