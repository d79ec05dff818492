package io.watchkeeper.core.fsm.legacy.internal;

import io.watchkeeper.core.fsm.legacy.Action;
import io.watchkeeper.core.fsm.legacy.Guard;
import io.watchkeeper.core.fsm.legacy.MachineBuilder;
import io.watchkeeper.core.fsm.legacy.NamedGuard;
import io.watchkeeper.core.fsm.legacy.TransitionBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/** Collects one transition until {@link #add()} hands it to its machine builder. */
final class TransitionBuilderImpl<S extends Enum<S>, T extends Enum<T>, C> implements TransitionBuilder<S, T, C> {

    private final MachineBuilderImpl<S, T, C> owner;
    final T trigger;
    /** An EnumSet, so "from several states" expands in enum order, not hash order. */
    final EnumSet<S> from;
    final S to;
    final boolean internal;
    final List<NamedGuard<C>> when = new ArrayList<>();
    final List<NamedGuard<C>> unless = new ArrayList<>();
    final List<Action<S, T, C>> before = new ArrayList<>();
    final List<Action<S, T, C>> after = new ArrayList<>();
    private boolean added;

    TransitionBuilderImpl(MachineBuilderImpl<S, T, C> owner, T trigger, EnumSet<S> from, S to, boolean internal) {
        this.owner = owner;
        this.trigger = trigger;
        this.from = from;
        this.to = to;
        this.internal = internal;
    }

    @Override
    public TransitionBuilder<S, T, C> when(String name, Guard<C> guard) {
        requireOpen();
        when.add(new NamedGuard<>(name, guard));
        return this;
    }

    @Override
    public TransitionBuilder<S, T, C> unless(String name, Guard<C> guard) {
        requireOpen();
        unless.add(new NamedGuard<>(name, guard));
        return this;
    }

    @Override
    public TransitionBuilder<S, T, C> before(Action<S, T, C> action) {
        requireOpen();
        before.add(Objects.requireNonNull(action, "action"));
        return this;
    }

    @Override
    public TransitionBuilder<S, T, C> after(Action<S, T, C> action) {
        requireOpen();
        after.add(Objects.requireNonNull(action, "action"));
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> add() {
        requireOpen();
        added = true;
        owner.close(this);
        return owner;
    }

    String describe() {
        return trigger + ": " + from + " -> " + to;
    }

    private void requireOpen() {
        if (added) {
            throw new IllegalStateException("transition " + describe() + " was already added");
        }
    }
}
