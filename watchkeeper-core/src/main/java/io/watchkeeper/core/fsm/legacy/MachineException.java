package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.util.Objects;

/**
 * A trigger was fired in a state that has no transition for it, on a machine that does not ignore
 * invalid triggers. That is a bug in the caller or the definition, hence an
 * {@link IllegalStateException}; the names are kept as strings so the exception stays serializable
 * and readable without the enum classes.
 */
@Evolving
public final class MachineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String machine;
    private final String state;
    private final String trigger;

    public MachineException(String machine, String state, String trigger) {
        super("machine '" + machine + "' has no transition for trigger " + trigger + " from state "
                + state);
        this.machine = Objects.requireNonNull(machine, "machine");
        this.state = Objects.requireNonNull(state, "state");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    public String machine() {
        return machine;
    }

    public String state() {
        return state;
    }

    public String trigger() {
        return trigger;
    }
}
