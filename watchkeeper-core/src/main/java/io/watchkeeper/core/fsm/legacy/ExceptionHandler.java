package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;

/**
 * Receives a {@link RuntimeException} thrown by a guard or callback, so that one bad report can be
 * counted or dead-lettered instead of stopping the vessel's thread.
 *
 * <p>Once handled, the firing counts as not taken: the outcome is
 * {@link Outcome.Kind#GUARD_FAILED} with the state unchanged, even if the exception came after the
 * state change (from {@code onEnter} or {@code after}). Keeping the old state is what makes a failed
 * step safe to retry or skip. Without a handler the exception propagates unchanged, after
 * {@code finalizeWith} has run.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context
 */
@Evolving
@FunctionalInterface
public interface ExceptionHandler<S extends Enum<S>, T extends Enum<T>, C> {

    /**
     * Handles the failure.
     *
     * @param attempted the chosen transition if the failure came after guards passed, otherwise the
     *     attempt (an internal transition from the current state to itself)
     */
    void handle(Transition<S, T> attempted, C ctx, RuntimeException e);
}
