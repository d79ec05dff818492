package io.watchkeeper.core.fsm;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.checkpoint.StateCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.jetbrains.annotations.Nullable;

/**
 * Declares a {@link Machine}. Each {@code on(...)} starts a transition, and the calls after it
 * ({@link #when}, {@link #unless}, {@link #after}, {@link #then}, {@link #publish}) describe it, the way
 * a {@code transitions} dict lists {@code trigger}, {@code source}, {@code dest}, {@code conditions},
 * {@code unless} and {@code after}:
 *
 * <pre>{@code
 * Machine.<Track, Report>named("boat").states(BoatState.class).initial(MOVING, Track.INITIAL)
 *     .read(Report::of)
 *     .on(MOVING, RESTING).when("same position", Report::samePosition).publish(STATETRANSITION)
 *     .on(RESTING, MOVING).unless("same position", Report::samePosition).publish(STATETRANSITION)
 *     .build();
 * }</pre>
 *
 * Arguments are checked at once; what needs the whole definition is checked by {@link #build()}.
 */
@Evolving
public final class MachineBuilder<D, R> {

    final String name;
    final List<String> states = new ArrayList<>();
    int initialState = -1;
    @Nullable D initialData;
    Machine.@Nullable Read<D, R> read;
    Machine.@Nullable Update<D, R> update;
    @Nullable StateCodec<D> codec;
    boolean keepLastFix;
    final List<Machine.Rule<D, R>> rules = new ArrayList<>();
    private @Nullable Pending<D, R> pending;
    private int declared;

    MachineBuilder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a machine needs a name");
        }
        this.name = name;
    }

    /** A transition being declared. */
    private static final class Pending<D, R> {
        final int declared;
        final List<Integer> from;
        final int to;
        final boolean internal;
        final List<Predicate<R>> guards = new ArrayList<>();
        final List<String> guardNames = new ArrayList<>();
        @Nullable Timer<D> timer;
        Machine.@Nullable Update<D, R> then;
        @Nullable String eventType;
        Machine.@Nullable Details<D, R> details;

        Pending(int declared, List<Integer> from, int to, boolean internal) {
            this.declared = declared;
            this.from = from;
            this.to = to;
            this.internal = internal;
        }
    }

    /** The states, by name, as they appear on the wire ({@code body.from}, {@code body.to}). */
    public MachineBuilder<D, R> states(String... names) {
        return states(List.of(names));
    }

    /** The states, by name, read at run time (a YAML machine). */
    public MachineBuilder<D, R> states(List<String> names) {
        if (!states.isEmpty()) {
            throw new IllegalStateException("machine " + name + ": states are already declared");
        }
        for (String s : names) {
            if (s == null || s.isBlank() || states.contains(s)) {
                throw new IllegalArgumentException("machine " + name + ": state names must be unique and not blank, got "
                        + names);
            }
            states.add(s);
        }
        return this;
    }

    /** The states as an enum: each constant's lower-case name, so that state index = ordinal. */
    public <E extends Enum<E>> MachineBuilder<D, R> states(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(wire(e));
        }
        return states(names);
    }

    /** The state and data of a vessel not seen yet. */
    public MachineBuilder<D, R> initial(String state, D data) {
        this.initialState = index(state);
        this.initialData = Objects.requireNonNull(data, "data");
        return this;
    }

    public MachineBuilder<D, R> initial(Enum<?> state, D data) {
        return initial(wire(state), data);
    }

    /** What a fix means to the machine (null ignores the fix); see {@link Machine}. */
    public MachineBuilder<D, R> read(Machine.Read<D, R> read) {
        this.read = Objects.requireNonNull(read, "read");
        return this;
    }

    /** The vessel's data after each fix that was not ignored, before the transitions are tried. */
    public MachineBuilder<D, R> update(Machine.Update<D, R> update) {
        this.update = Objects.requireNonNull(update, "update");
        return this;
    }

    /** How the data is checkpointed; without one, the machine cannot be checkpointed. */
    public MachineBuilder<D, R> codec(StateCodec<D> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /** Keeps the latest fix in the place even without timers (a machine with timers always does). */
    public MachineBuilder<D, R> keepLastFix() {
        this.keepLastFix = true;
        return this;
    }

    /** Starts a transition; {@code from == to} leaves and re-enters the state (its clock restarts). */
    public MachineBuilder<D, R> on(String from, String to) {
        return start(List.of(index(from)), index(to), false);
    }

    public MachineBuilder<D, R> on(Enum<?> from, Enum<?> to) {
        return on(wire(from), wire(to));
    }

    /** The same transition from each of several states, in the given order. */
    public MachineBuilder<D, R> on(Collection<String> from, String to) {
        List<Integer> sources = new ArrayList<>();
        for (String s : from) {
            sources.add(index(s));
        }
        return start(sources, index(to), false);
    }

    /** The same transition from every other state ({@code "*"} in YAML). */
    public MachineBuilder<D, R> onAny(String to) {
        int target = index(to);
        List<Integer> sources = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            if (s != target) {
                sources.add(s);
            }
        }
        return start(sources, target, false);
    }

    /** A transition that neither leaves nor re-enters {@code state}: it publishes or updates only. */
    public MachineBuilder<D, R> internal(String state) {
        int s = index(state);
        return start(List.of(s), s, true);
    }

    public MachineBuilder<D, R> internal(Enum<?> state) {
        return internal(wire(state));
    }

    /** A condition of the transition being declared. */
    public MachineBuilder<D, R> when(Predicate<R> guard) {
        return when(null, guard);
    }

    /** A named condition: the name shows in {@link Machine#toMermaid()} and {@code watchkeeper machines}. */
    public MachineBuilder<D, R> when(@Nullable String label, Predicate<R> guard) {
        Pending<D, R> p = current("when");
        p.guards.add(Objects.requireNonNull(guard, "guard"));
        if (label != null) {
            p.guardNames.add(label);
        }
        return this;
    }

    /** A condition that must not hold. */
    public MachineBuilder<D, R> unless(String label, Predicate<R> guard) {
        Objects.requireNonNull(guard, "guard");
        return when("!" + label, guard.negate());
    }

    /** Makes the transition timed: it fires when the timer is due, with no fix (see {@link Timer}). */
    public MachineBuilder<D, R> after(Timer<D> timer) {
        current("after").timer = Objects.requireNonNull(timer, "timer");
        return this;
    }

    /** The data after the transition (the reading is null for a timed one). */
    public MachineBuilder<D, R> then(Machine.Update<D, R> then) {
        current("then").then = Objects.requireNonNull(then, "then");
        return this;
    }

    /** The transition publishes an event of this type, with no details. */
    public MachineBuilder<D, R> publish(String eventType) {
        return publish(eventType, null);
    }

    /** The transition publishes an event of this type; details are made from the place before it. */
    public MachineBuilder<D, R> publish(String eventType, Machine.@Nullable Details<D, R> details) {
        Pending<D, R> p = current("publish");
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("machine " + name + ": an event type must not be blank");
        }
        p.eventType = eventType;
        p.details = details;
        return this;
    }

    /**
     * Validates and freezes the definition.
     *
     * @throws IllegalStateException naming what is missing or contradictory
     */
    public Machine<D, R> build() {
        flush();
        if (states.isEmpty() || initialState < 0) {
            throw new IllegalStateException("machine " + name + " needs states and an initial state");
        }
        if (read == null) {
            throw new IllegalStateException("machine " + name + " needs read(...): what a fix means to it");
        }
        return new Machine<>(this);
    }

    private MachineBuilder<D, R> start(List<Integer> from, int to, boolean internal) {
        flush();
        pending = new Pending<>(declared++, from, to, internal);
        return this;
    }

    private Pending<D, R> current(String call) {
        if (pending == null) {
            throw new IllegalStateException("machine " + name + ": " + call + "(...) must follow on(...)");
        }
        return pending;
    }

    private void flush() {
        Pending<D, R> p = pending;
        if (p == null) {
            return;
        }
        if (p.timer != null && !p.guards.isEmpty()) {
            throw new IllegalStateException("machine " + name + ": a timed transition has no fix to judge guards on;"
                    + " put its condition in its timer");
        }
        for (int from : p.from) {
            rules.add(new Machine.Rule<>(p.declared, from, p.to, p.internal, List.copyOf(p.guards),
                    List.copyOf(p.guardNames), p.timer, p.then, p.eventType, p.details));
        }
        pending = null;
    }

    private int index(String state) {
        int i = states.indexOf(state);
        if (i < 0) {
            throw new IllegalArgumentException("machine " + name + " has no state '" + state + "'; its states are "
                    + states);
        }
        return i;
    }

    /** An enum constant's state name: lower case, as on the wire. */
    static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
