package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;

/**
 * A condition on the context that decides whether a transition may be taken.
 *
 * <p>Guards are also evaluated by {@link StateMachine#canFire}, which promises no side effects, and
 * the same input must select the same transition after a restore; so a guard should be a pure
 * function of its context. It gets a name when attached ({@code when}/{@code unless}) so diagrams
 * and the REST API can show it.
 *
 * @param <C> the user context passed to {@link StateMachine#fire}
 */
@Evolving
@FunctionalInterface
public interface Guard<C> {

    /** Returns true if the condition holds for this context. */
    boolean test(C ctx);
}
