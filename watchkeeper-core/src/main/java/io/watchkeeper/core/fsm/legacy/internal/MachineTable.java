package io.watchkeeper.core.fsm.legacy.internal;

import io.watchkeeper.core.fsm.legacy.Action;
import io.watchkeeper.core.fsm.legacy.ExceptionHandler;
import io.watchkeeper.core.fsm.legacy.MachineException;
import io.watchkeeper.core.fsm.legacy.Outcome;
import io.watchkeeper.core.fsm.legacy.TimeoutDef;
import io.watchkeeper.core.fsm.legacy.Transition;
import io.watchkeeper.core.fsm.legacy.TransitionDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * The compiled, immutable form of a definition and the firing algorithm that runs on it.
 *
 * <p>Everything the hot path needs is an array indexed by ordinals ({@code trigger * states +
 * state}), and every {@link Outcome} and {@link Transition} it can return is built here once, so
 * firing allocates nothing and only looks at the transitions that leave the current state. Safe to
 * share between threads: all fields are final and never mutated after construction.
 */
public final class MachineTable<S extends Enum<S>, T extends Enum<T>, C> {

    private final String name;
    private final S initial;
    private final S[] stateConstants;
    private final T[] triggerConstants;
    private final Set<S> states;
    private final Set<T> triggers;
    private final List<TransitionDef<S, T, C>> transitions;
    private final Map<S, TimeoutDef<S, T>> timeouts;
    private final long[] timeoutMillis;
    private final Object[] timeoutTriggers;
    private final CompiledTransition<S, T, C>[][] candidates;
    private final Action<S, T, C>[][] onEnter;
    private final Action<S, T, C>[][] onExit;
    private final Action<S, T, C>[] prepare;
    private final Action<S, T, C>[] afterAny;
    private final Action<S, T, C>[] finalizers;
    private final ExceptionHandler<S, T, C>[] handlers;
    private final Transition<S, T>[] attempts;
    private final Outcome<S, T>[] guardFailed;
    private final Outcome<S, T>[] notAllowed;
    private final boolean ignoreInvalidTriggers;
    private final int historySize;

    @SuppressWarnings("unchecked")
    MachineTable(MachineBuilderImpl<S, T, C> b) {
        this.name = b.name;
        this.initial = Objects.requireNonNull(b.initial, "initial");
        this.stateConstants = b.stateType.getEnumConstants();
        this.triggerConstants = b.triggerType.getEnumConstants();
        this.states = Collections.unmodifiableSet(EnumSet.allOf(b.stateType));
        this.triggers = Collections.unmodifiableSet(EnumSet.allOf(b.triggerType));
        this.transitions = List.copyOf(b.transitions);
        this.timeouts = Collections.unmodifiableMap(new EnumMap<>(b.timeouts));
        this.ignoreInvalidTriggers = b.ignoreInvalidTriggers;
        this.historySize = b.historySize;
        int n = stateConstants.length;
        int keys = n * triggerConstants.length;

        timeoutMillis = new long[n];
        timeoutTriggers = new Object[n];
        Arrays.fill(timeoutMillis, -1L);
        for (TimeoutDef<S, T> t : timeouts.values()) {
            timeoutMillis[t.state().ordinal()] = t.after().toMillis();
            timeoutTriggers[t.state().ordinal()] = t.trigger();
        }

        List<List<CompiledTransition<S, T, C>>> byKey = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            byKey.add(new ArrayList<>(1));
        }
        for (TransitionDef<S, T, C> def : transitions) {
            byKey.get(key(def.from(), def.trigger())).add(new CompiledTransition<>(def));
        }
        candidates = (CompiledTransition<S, T, C>[][]) new CompiledTransition<?, ?, ?>[keys][];
        attempts = (Transition<S, T>[]) new Transition<?, ?>[keys];
        guardFailed = (Outcome<S, T>[]) new Outcome<?, ?>[keys];
        notAllowed = (Outcome<S, T>[]) new Outcome<?, ?>[keys];
        for (T trigger : triggerConstants) {
            for (S state : stateConstants) {
                int k = key(state, trigger);
                List<CompiledTransition<S, T, C>> list = byKey.get(k);
                candidates[k] = list.isEmpty() ? null
                        : list.toArray((CompiledTransition<S, T, C>[]) new CompiledTransition<?, ?, ?>[0]);
                attempts[k] = new Transition<>(state, state, trigger, true);
                guardFailed[k] = Outcome.guardFailed(state, trigger);
                notAllowed[k] = Outcome.notAllowed(state, trigger);
            }
        }

        onEnter = (Action<S, T, C>[][]) new Action<?, ?, ?>[n][];
        onExit = (Action<S, T, C>[][]) new Action<?, ?, ?>[n][];
        for (S state : stateConstants) {
            onEnter[state.ordinal()] = CompiledTransition.actions(b.onEnter.getOrDefault(state, List.of()));
            onExit[state.ordinal()] = CompiledTransition.actions(b.onExit.getOrDefault(state, List.of()));
        }
        prepare = CompiledTransition.actions(b.prepare);
        afterAny = CompiledTransition.actions(b.afterAny);
        finalizers = CompiledTransition.actions(b.finalizers);
        handlers = b.handlers.toArray((ExceptionHandler<S, T, C>[]) new ExceptionHandler<?, ?, ?>[0]);
    }

    /**
     * Fires {@code trigger} from {@code current}; the order is documented on
     * {@code StateMachine}. Failures are collected rather than thrown at once so that finalize
     * callbacks always run and see one consistent outcome.
     */
    public Outcome<S, T> fire(S current, T trigger, C ctx) {
        int key = key(current, trigger);
        Transition<S, T> attempt = attempts[key];
        CompiledTransition<S, T, C> chosen = null;
        Outcome<S, T> outcome;
        RuntimeException pending = null;
        try {
            runAll(prepare, attempt, ctx);
            CompiledTransition<S, T, C>[] options = candidates[key];
            if (options == null) {
                outcome = notAllowed[key];
            } else {
                for (CompiledTransition<S, T, C> option : options) {
                    if (option.guardsPass(ctx)) {
                        chosen = option;
                        break;
                    }
                }
                if (chosen == null) {
                    outcome = guardFailed[key];
                } else {
                    take(chosen, ctx);
                    outcome = chosen.fired;
                }
            }
        } catch (RuntimeException e) {
            outcome = guardFailed[key];
            pending = handle(chosen == null ? attempt : chosen.transition, ctx, e);
            chosen = null;
        }
        Transition<S, T> seen = chosen == null ? attempt : chosen.transition;
        for (Action<S, T, C> action : finalizers) {
            try {
                action.execute(seen, ctx);
            } catch (RuntimeException e) {
                if (pending != null) {
                    if (pending != e) {
                        pending.addSuppressed(e);
                    }
                } else {
                    outcome = guardFailed[key];
                    pending = handle(seen, ctx, e);
                }
            }
        }
        if (pending != null) {
            throw pending;
        }
        if (outcome.kind() == Outcome.Kind.NOT_ALLOWED && !ignoreInvalidTriggers) {
            throw new MachineException(name, current.name(), trigger.name());
        }
        return outcome;
    }

    /** Guards only, no callbacks: the same selection {@link #fire} would make. */
    public boolean canFire(S current, T trigger, C ctx) {
        CompiledTransition<S, T, C>[] options = candidates[key(current, trigger)];
        if (options == null) {
            return false;
        }
        for (CompiledTransition<S, T, C> option : options) {
            if (option.guardsPass(ctx)) {
                return true;
            }
        }
        return false;
    }

    private void take(CompiledTransition<S, T, C> chosen, C ctx) {
        Transition<S, T> t = chosen.transition;
        runAll(chosen.before, t, ctx);
        if (!chosen.internal) {
            runAll(onExit[chosen.fromOrdinal], t, ctx);
            runAll(onEnter[chosen.toOrdinal], t, ctx);
        }
        runAll(chosen.after, t, ctx);
        runAll(afterAny, t, ctx);
    }

    private static <S extends Enum<S>, T extends Enum<T>, C> void runAll(
            Action<S, T, C>[] actions, Transition<S, T> t, C ctx) {
        for (Action<S, T, C> action : actions) {
            action.execute(t, ctx);
        }
    }

    /** Returns the exception still to throw, or null once a handler absorbed it. */
    private @Nullable RuntimeException handle(Transition<S, T> attempted, C ctx, RuntimeException e) {
        if (handlers.length == 0) {
            return e;
        }
        try {
            for (ExceptionHandler<S, T, C> handler : handlers) {
                handler.handle(attempted, ctx, e);
            }
            return null;
        } catch (RuntimeException fromHandler) {
            if (fromHandler != e) {
                fromHandler.addSuppressed(e);
            }
            return fromHandler;
        }
    }

    private int key(S state, T trigger) {
        return trigger.ordinal() * stateConstants.length + state.ordinal();
    }

    public String name() {
        return name;
    }

    public S initial() {
        return initial;
    }

    public Set<S> states() {
        return states;
    }

    public Set<T> triggers() {
        return triggers;
    }

    public List<TransitionDef<S, T, C>> transitions() {
        return transitions;
    }

    public Optional<TimeoutDef<S, T>> timeout(S state) {
        return Optional.ofNullable(timeouts.get(state));
    }

    /** Timeout of {@code state} in milliseconds, or -1 if it has none: read on every advance. */
    public long timeoutMillis(S state) {
        return timeoutMillis[state.ordinal()];
    }

    /** Trigger of {@code state}'s timeout; only call when {@link #timeoutMillis} is not -1. */
    @SuppressWarnings("unchecked")
    public T timeoutTrigger(S state) {
        return (T) timeoutTriggers[state.ordinal()];
    }

    public S stateAt(int ordinal) {
        return stateConstants[ordinal];
    }

    public T triggerAt(int ordinal) {
        return triggerConstants[ordinal];
    }

    public boolean ignoreInvalidTriggers() {
        return ignoreInvalidTriggers;
    }

    public int historySize() {
        return historySize;
    }
}
