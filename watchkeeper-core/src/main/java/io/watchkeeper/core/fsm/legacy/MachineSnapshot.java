package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The serializable state of one {@link MachineInstance}, for checkpoints and for moving a vessel
 * between processes.
 *
 * <p>It holds only strings and longs: a checkpoint can be read by tools that do not have the
 * detector's enum classes, and it survives enum constants being reordered (names, not ordinals).
 * {@link StateMachine#restore} checks the names against the definition.
 *
 * @param machine the definition's {@link StateMachine#name()}
 * @param state the current state's enum name
 * @param enteredAtMillis event time the state was entered, epoch milliseconds
 * @param history recent state changes, oldest first
 */
@Evolving
public record MachineSnapshot(String machine, String state, long enteredAtMillis, List<Entry> history)
        implements Serializable {

    public MachineSnapshot {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
    }

    /** One {@link HistoryEntry}, by name. */
    public record Entry(String from, String to, String trigger, long atMillis) implements Serializable {

        public Entry {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(trigger, "trigger");
        }
    }
}
