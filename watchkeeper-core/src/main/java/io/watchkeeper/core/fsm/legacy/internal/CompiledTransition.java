package io.watchkeeper.core.fsm.legacy.internal;

import io.watchkeeper.core.fsm.legacy.Action;
import io.watchkeeper.core.fsm.legacy.Guard;
import io.watchkeeper.core.fsm.legacy.NamedGuard;
import io.watchkeeper.core.fsm.legacy.Outcome;
import io.watchkeeper.core.fsm.legacy.Transition;
import io.watchkeeper.core.fsm.legacy.TransitionDef;
import java.util.List;

/**
 * A {@link TransitionDef} flattened for the hot path: arrays instead of lists, and the
 * {@link Transition} and FIRED {@link Outcome} built once, so taking a transition allocates nothing.
 */
final class CompiledTransition<S extends Enum<S>, T extends Enum<T>, C> {

    final Guard<C>[] when;
    final Guard<C>[] unless;
    final Action<S, T, C>[] before;
    final Action<S, T, C>[] after;
    final Transition<S, T> transition;
    final Outcome<S, T> fired;
    final boolean internal;
    final int fromOrdinal;
    final int toOrdinal;

    CompiledTransition(TransitionDef<S, T, C> def) {
        this.when = guards(def.when());
        this.unless = guards(def.unless());
        this.before = actions(def.before());
        this.after = actions(def.after());
        this.transition = def.transition();
        this.fired = Outcome.fired(transition);
        this.internal = def.internal();
        this.fromOrdinal = def.from().ordinal();
        this.toOrdinal = def.to().ordinal();
    }

    /** {@code when} guards in order, then {@code unless}; stops at the first that decides. */
    boolean guardsPass(C ctx) {
        for (Guard<C> g : when) {
            if (!g.test(ctx)) {
                return false;
            }
        }
        for (Guard<C> g : unless) {
            if (g.test(ctx)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <C> Guard<C>[] guards(List<NamedGuard<C>> named) {
        Guard<C>[] out = (Guard<C>[]) new Guard<?>[named.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = named.get(i).guard();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static <S extends Enum<S>, T extends Enum<T>, C> Action<S, T, C>[] actions(List<Action<S, T, C>> list) {
        return list.toArray((Action<S, T, C>[]) new Action<?, ?, ?>[0]);
    }
}
