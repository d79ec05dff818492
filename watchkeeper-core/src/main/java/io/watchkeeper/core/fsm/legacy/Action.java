package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;

/**
 * A callback run while a trigger is fired: {@code before}, {@code after}, {@code onEnter},
 * {@code onExit}, {@code afterAny}, {@code prepare} and {@code finalizeWith} all take this one shape,
 * so a single lambda (a metrics counter, an event publisher) can be attached anywhere.
 *
 * <p>Actions report what happened through the context (for example by adding an event to it); they
 * never fire triggers themselves, which keeps one report one step and the order of events
 * deterministic. The transition passed in is the one being taken; for {@code prepare}, and for
 * {@code finalizeWith} when nothing fired, it is the <em>attempt</em>: an internal transition from
 * the current state to itself carrying the trigger, because no target is known (or was taken).
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context
 */
@Evolving
@FunctionalInterface
public interface Action<S extends Enum<S>, T extends Enum<T>, C> {

    /** Runs the callback; a thrown {@link RuntimeException} aborts the transition. */
    void execute(Transition<S, T> transition, C ctx);
}
