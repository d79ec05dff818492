package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.util.Objects;

/**
 * One step of a machine, as callbacks and outcomes see it.
 *
 * <p>{@code internal} distinguishes the two ways of staying in a state: an internal transition runs
 * only {@code before}/{@code after}, a reflexive one ({@code from == to}, not internal) leaves and
 * re-enters, running {@code onExit}/{@code onEnter} and restarting the state's timeout.
 */
@Evolving
public record Transition<S extends Enum<S>, T extends Enum<T>>(S from, S to, T trigger, boolean internal) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        if (internal && from != to) {
            throw new IllegalArgumentException("an internal transition stays in its state, got "
                    + from + " -> " + to);
        }
    }

    /** True for a self-transition that leaves and re-enters its state. */
    public boolean reflexive() {
        return !internal && from == to;
    }
}
