package io.watchkeeper.core.fsm.legacy.internal;

import io.watchkeeper.core.fsm.legacy.Action;
import io.watchkeeper.core.fsm.legacy.ExceptionHandler;
import io.watchkeeper.core.fsm.legacy.MachineBuilder;
import io.watchkeeper.core.fsm.legacy.NamedGuard;
import io.watchkeeper.core.fsm.legacy.StateMachine;
import io.watchkeeper.core.fsm.legacy.TimeoutDef;
import io.watchkeeper.core.fsm.legacy.TransitionBuilder;
import io.watchkeeper.core.fsm.legacy.TransitionDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * Both builder stages in one object: the first stage's interface exposes only {@code initial}, so
 * the staging is enforced by types while the data lives in one place.
 */
public final class MachineBuilderImpl<S extends Enum<S>, T extends Enum<T>, C>
        implements StateMachine.Builder<S, T, C>, MachineBuilder<S, T, C> {

    /** Upper bound of {@link #historySize}: history is for operators, not an event log. */
    public static final int MAX_HISTORY = 64;

    private final Function<MachineTable<S, T, C>, StateMachine<S, T, C>> factory;
    final String name;
    final Class<S> stateType;
    final Class<T> triggerType;
    @Nullable S initial;
    final List<TransitionDef<S, T, C>> transitions = new ArrayList<>();
    final Map<S, List<Action<S, T, C>>> onEnter;
    final Map<S, List<Action<S, T, C>>> onExit;
    final List<Action<S, T, C>> prepare = new ArrayList<>();
    final List<Action<S, T, C>> afterAny = new ArrayList<>();
    final List<Action<S, T, C>> finalizers = new ArrayList<>();
    final List<ExceptionHandler<S, T, C>> handlers = new ArrayList<>();
    final Map<S, TimeoutDef<S, T>> timeouts;
    boolean ignoreInvalidTriggers;
    int historySize;
    private @Nullable TransitionBuilderImpl<S, T, C> open;

    public MachineBuilderImpl(String name, Class<S> states, Class<T> triggers,
            Function<MachineTable<S, T, C>, StateMachine<S, T, C>> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.stateType = Objects.requireNonNull(states, "states");
        this.triggerType = Objects.requireNonNull(triggers, "triggers");
        this.factory = Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("machine name must not be blank");
        }
        if (states.getEnumConstants().length == 0) {
            throw new IllegalArgumentException("machine '" + name + "': state enum " + states.getName()
                    + " has no constants");
        }
        if (triggers.getEnumConstants().length == 0) {
            throw new IllegalArgumentException("machine '" + name + "': trigger enum " + triggers.getName()
                    + " has no constants");
        }
        this.onEnter = new EnumMap<>(states);
        this.onExit = new EnumMap<>(states);
        this.timeouts = new EnumMap<>(states);
    }

    @Override
    public MachineBuilder<S, T, C> initial(S initial) {
        requireNoOpenTransition();
        this.initial = state(initial, "initial");
        return this;
    }

    @Override
    public TransitionBuilder<S, T, C> transition(T trigger, S from, S to) {
        return open(trigger, EnumSet.of(state(from, "from")), to, false);
    }

    @Override
    public TransitionBuilder<S, T, C> transition(T trigger, Set<S> from, S to) {
        Objects.requireNonNull(from, "from");
        if (from.isEmpty()) {
            throw new IllegalArgumentException("machine '" + name + "': transition " + trigger
                    + " needs at least one source state");
        }
        EnumSet<S> sources = EnumSet.noneOf(stateType);
        for (S s : from) {
            sources.add(state(s, "from"));
        }
        return open(trigger, sources, to, false);
    }

    @Override
    public TransitionBuilder<S, T, C> internal(T trigger, S state) {
        return open(trigger, EnumSet.of(state(state, "state")), state, true);
    }

    private TransitionBuilder<S, T, C> open(T trigger, EnumSet<S> from, S to, boolean internal) {
        requireNoOpenTransition();
        TransitionBuilderImpl<S, T, C> t =
                new TransitionBuilderImpl<>(this, trigger(trigger), from, state(to, "to"), internal);
        open = t;
        return t;
    }

    /** Called by {@link TransitionBuilderImpl#add()}: one definition per source state. */
    void close(TransitionBuilderImpl<S, T, C> t) {
        if (open != t) {
            throw new IllegalStateException("transition " + t.describe() + " is not the open one");
        }
        open = null;
        for (S from : t.from) {
            transitions.add(new TransitionDef<>(t.trigger, from, t.to, t.internal, t.when, t.unless,
                    t.before, t.after));
        }
    }

    @Override
    public MachineBuilder<S, T, C> onEnter(S state, Action<S, T, C> action) {
        return addTo(onEnter, state, action);
    }

    @Override
    public MachineBuilder<S, T, C> onExit(S state, Action<S, T, C> action) {
        return addTo(onExit, state, action);
    }

    private MachineBuilder<S, T, C> addTo(Map<S, List<Action<S, T, C>>> map, S state, Action<S, T, C> action) {
        requireNoOpenTransition();
        Objects.requireNonNull(action, "action");
        map.computeIfAbsent(state(state, "state"), s -> new ArrayList<>()).add(action);
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> prepare(Action<S, T, C> action) {
        return addTo(prepare, action);
    }

    @Override
    public MachineBuilder<S, T, C> finalizeWith(Action<S, T, C> action) {
        return addTo(finalizers, action);
    }

    @Override
    public MachineBuilder<S, T, C> afterAny(Action<S, T, C> action) {
        return addTo(afterAny, action);
    }

    private MachineBuilder<S, T, C> addTo(List<Action<S, T, C>> list, Action<S, T, C> action) {
        requireNoOpenTransition();
        list.add(Objects.requireNonNull(action, "action"));
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> onException(ExceptionHandler<S, T, C> handler) {
        requireNoOpenTransition();
        handlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> timeout(S state, Duration after, T trigger) {
        requireNoOpenTransition();
        TimeoutDef<S, T> def = new TimeoutDef<>(state(state, "state"), after, trigger(trigger));
        if (timeouts.containsKey(state)) {
            throw new IllegalArgumentException("machine '" + name + "': state " + state
                    + " already has a timeout: " + timeouts.get(state));
        }
        timeouts.put(state, def);
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> ignoreInvalidTriggers(boolean ignore) {
        requireNoOpenTransition();
        this.ignoreInvalidTriggers = ignore;
        return this;
    }

    @Override
    public MachineBuilder<S, T, C> historySize(int n) {
        requireNoOpenTransition();
        if (n < 0 || n > MAX_HISTORY) {
            throw new IllegalArgumentException("machine '" + name + "': historySize must be 0.."
                    + MAX_HISTORY + ", got " + n);
        }
        this.historySize = n;
        return this;
    }

    @Override
    public StateMachine<S, T, C> build() {
        requireNoOpenTransition();
        if (initial == null) {
            throw new IllegalArgumentException("machine '" + name + "' has no initial state");
        }
        for (TimeoutDef<S, T> timeout : timeouts.values()) {
            boolean leaves = transitions.stream()
                    .anyMatch(t -> t.trigger() == timeout.trigger() && t.from() == timeout.state());
            if (!leaves) {
                throw new IllegalArgumentException("machine '" + name + "': timeout of state "
                        + timeout.state() + " fires " + timeout.trigger() + ", but no transition for "
                        + timeout.trigger() + " leaves " + timeout.state());
            }
        }
        Set<List<Object>> seen = new HashSet<>();
        for (TransitionDef<S, T, C> t : transitions) {
            List<Object> identity = List.of(t.trigger(), t.from(), t.to(), t.internal(),
                    names(t.when()), names(t.unless()));
            if (!seen.add(identity)) {
                throw new IllegalArgumentException("machine '" + name + "': duplicate transition "
                        + t.trigger() + ": " + t.from() + " -> " + t.to()
                        + (t.internal() ? " (internal)" : "") + " " + t.guardNames());
            }
        }
        return factory.apply(new MachineTable<>(this));
    }

    private static List<String> names(List<? extends NamedGuard<?>> guards) {
        return guards.stream().map(NamedGuard::name).toList();
    }

    /** Null checks, plus the class check that raw types or unchecked casts would otherwise skip. */
    private S state(S state, String what) {
        Objects.requireNonNull(state, what);
        if (state.getDeclaringClass() != stateType) {
            throw new IllegalArgumentException("machine '" + name + "': " + what + " " + state
                    + " is not a constant of " + stateType.getName());
        }
        return state;
    }

    private T trigger(T trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (trigger.getDeclaringClass() != triggerType) {
            throw new IllegalArgumentException("machine '" + name + "': trigger " + trigger
                    + " is not a constant of " + triggerType.getName());
        }
        return trigger;
    }

    private void requireNoOpenTransition() {
        if (open != null) {
            throw new IllegalStateException("machine '" + name + "': transition " + open.describe()
                    + " was never added; end it with add()");
        }
    }
}
