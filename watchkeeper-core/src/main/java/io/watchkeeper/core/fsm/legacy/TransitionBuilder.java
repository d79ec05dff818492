package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;

/**
 * Configures one transition; {@link #add()} ends it and returns to the machine builder.
 *
 * <p>Forgetting {@code add()} would silently drop the transition, so the machine builder refuses
 * any further call (including {@code build()}) while a transition is still open. Not for
 * implementing.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context
 */
@Evolving
public interface TransitionBuilder<S extends Enum<S>, T extends Enum<T>, C> {

    /** Adds a guard that must hold; {@code when} guards run in the order added. */
    TransitionBuilder<S, T, C> when(String name, Guard<C> guard);

    /** Adds a guard that must be false; {@code unless} guards run after all {@code when} guards. */
    TransitionBuilder<S, T, C> unless(String name, Guard<C> guard);

    /** Runs after the guards passed, before the state is left. */
    TransitionBuilder<S, T, C> before(Action<S, T, C> action);

    /** Runs after the new state was entered, before the machine-wide {@code afterAny}. */
    TransitionBuilder<S, T, C> after(Action<S, T, C> action);

    /** Ends this transition and appends it to the machine's declaration order. */
    MachineBuilder<S, T, C> add();
}
