package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.time.Duration;
import java.util.Set;

/**
 * The builder stage reached once the initial state is set, so {@link #build()} cannot be called on
 * an incomplete definition. Arguments are checked at once; checks that need the whole definition
 * run in {@code build()}. Not for implementing.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context
 */
@Evolving
public interface MachineBuilder<S extends Enum<S>, T extends Enum<T>, C> {

    /**
     * Declares a transition; when {@code from == to} it is reflexive (leaves and re-enters
     * {@code from}, like {@code '='} in {@code transitions}).
     */
    TransitionBuilder<S, T, C> transition(T trigger, S from, S to);

    /**
     * Declares the same transition from each state of {@code from}, in enum order; pass
     * {@code EnumSet.allOf(...)} for "from any state" (which makes the one from {@code to} itself
     * reflexive; use {@code EnumSet.complementOf} to leave it out).
     */
    TransitionBuilder<S, T, C> transition(T trigger, Set<S> from, S to);

    /** Declares an internal transition: callbacks run, but the state is neither left nor entered. */
    TransitionBuilder<S, T, C> internal(T trigger, S state);

    /** Adds a callback run whenever {@code state} is entered (also reflexively). */
    MachineBuilder<S, T, C> onEnter(S state, Action<S, T, C> action);

    /** Adds a callback run whenever {@code state} is left (also reflexively). */
    MachineBuilder<S, T, C> onExit(S state, Action<S, T, C> action);

    /** Adds a callback run first on every fire, before any guard. */
    MachineBuilder<S, T, C> prepare(Action<S, T, C> action);

    /** Adds a callback run last on every fire, whatever happened: fired, refused or failed. */
    MachineBuilder<S, T, C> finalizeWith(Action<S, T, C> action);

    /** Adds a handler for exceptions from guards and callbacks (see {@link ExceptionHandler}). */
    MachineBuilder<S, T, C> onException(ExceptionHandler<S, T, C> handler);

    /** Adds a callback run after every taken transition, e.g. to publish each one. */
    MachineBuilder<S, T, C> afterAny(Action<S, T, C> action);

    /**
     * Fires {@code trigger} once {@code state} has lasted {@code after} in event time (see
     * {@link MachineInstance#advanceTo}); at most one timeout per state.
     */
    MachineBuilder<S, T, C> timeout(S state, Duration after, T trigger);

    /**
     * When true, a trigger with no transition from the current state returns
     * {@link Outcome.Kind#NOT_ALLOWED}; when false (the default) it throws {@link MachineException}.
     */
    MachineBuilder<S, T, C> ignoreInvalidTriggers(boolean ignore);

    /**
     * Keeps the last {@code n} state changes per instance (0 to 64; default 0, so that an instance
     * stays a few fields).
     */
    MachineBuilder<S, T, C> historySize(int n);

    /**
     * Validates and freezes the definition.
     *
     * @throws IllegalArgumentException naming the problem: a timeout whose trigger has no transition
     *     from its state, or a duplicate transition
     * @throws IllegalStateException if a transition was not ended with {@code add()}
     */
    StateMachine<S, T, C> build();
}
