package io.watchkeeper.core.fsm;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A state machine per vessel, declared once and shared by every vessel: the one way Watchkeeper's
 * detectors and users' YAML machines are written. It is the Java successor of Python's
 * {@code transitions} (one {@code Machine}, many models), shaped for a million vessels: the model is
 * an immutable {@link Place} the engine owns, and a step returns the next one.
 *
 * <h2>What a fix does, in order</h2>
 * <ol>
 *   <li>Timers of the current state that are due at or before the fix's time fire first, at the time
 *       they were due, so the output never depends on when the engine's sweep ran.</li>
 *   <li>{@code read} makes of the fix what the guards look at (the reading {@code R}, like the
 *       arguments of a trigger in {@code transitions}); {@code null} ignores the fix (a redelivery, a
 *       late fix, a fix without what this machine needs): nothing else happens.</li>
 *   <li>{@code update} gives the vessel's next data from the reading.</li>
 *   <li>The fix transitions leaving the current state are tried in declaration order; the first whose
 *       guards all pass is taken: its {@code then} gives the data after it, and if it publishes, its
 *       event is made from the place before the fix and the reading.</li>
 * </ol>
 * On a timer (the engine's sweep, {@link #onTime}) the timed transitions of the state fire the same
 * way, with the latest fix as their cause and no reading.
 *
 * <p>States are names, declared as Java enum constants (their lower-case names, as on the wire) or as
 * strings read at run time; the state of a place is its index in {@link #states()}, which for an enum
 * is the constant's ordinal.
 *
 * @param <D> the per-vessel data besides the state, a small immutable record
 * @param <R> what one fix means to this machine, computed once per fix and never stored
 */
@Evolving
public class Machine<D, R> implements Detector<Place<D>> {

    /** Upper bound of timer transitions in one call: a guard against machines that flap on tiny durations. */
    static final int MAX_TIMER_CHAIN = 1000;

    private final String name;
    private final String[] states;
    private final List<Rule<D, R>> rules;
    private final Rule<D, R>[][] onFix;
    private final Rule<D, R>[][] onTimer;
    private final Read<D, R> read;
    private final @Nullable Update<D, R> update;
    private final @Nullable StateCodec<D> dataCodec;
    private final boolean keepsLastFix;
    private final boolean hasTimers;
    private final Place<D> initial;

    Machine(MachineBuilder<D, R> b) {
        this.name = b.name;
        this.states = b.states.toArray(new String[0]);
        this.rules = List.copyOf(b.rules);
        this.read = Objects.requireNonNull(b.read, "read");
        this.update = b.update;
        this.dataCodec = b.codec;
        this.hasTimers = rules.stream().anyMatch(r -> r.timer != null);
        this.keepsLastFix = hasTimers || b.keepLastFix;
        this.onFix = byState(false);
        this.onTimer = byState(true);
        this.initial = new Place<>(b.initialState, Long.MIN_VALUE, NO_TIMER, null, b.initialData);
    }

    /**
     * A detector class that is this machine: {@code class GapDetector extends Machine<...>} passes the
     * definition it built, and is then used, named in tests and configured like any detector.
     */
    protected Machine(Machine<D, R> definition) {
        this.name = definition.name;
        this.states = definition.states;
        this.rules = definition.rules;
        this.read = definition.read;
        this.update = definition.update;
        this.dataCodec = definition.dataCodec;
        this.hasTimers = definition.hasTimers;
        this.keepsLastFix = definition.keepsLastFix;
        this.onFix = definition.onFix;
        this.onTimer = definition.onTimer;
        this.initial = definition.initial;
    }

    /**
     * Starts a definition: {@code Machine.<Data, Reading>named("drifting").states(...)}.
     *
     * @param name stable name; it appears in events ({@code body.machine}) and event ids
     */
    public static <D, R> MachineBuilder<D, R> named(String name) {
        return new MachineBuilder<>(name);
    }

    /** What a fix means to the machine; null to ignore the fix. */
    @FunctionalInterface
    public interface Read<D, R> {
        @Nullable R read(Place<D> at, Fix fix, DetectorContext ctx);
    }

    /** The data after a fix (or, for {@code then}, after a transition). */
    @FunctionalInterface
    public interface Update<D, R> {
        D next(D data, R reading);
    }

    /**
     * The details of a published event, from the place before the transition, the fix that caused it
     * (on a timer, the latest fix) and the reading (null on a timer).
     */
    @FunctionalInterface
    public interface Details<D, R> {
        Map<String, Object> of(Place<D> before, Fix cause, @Nullable R reading);
    }

    /** One declared transition from one state (a transition from several states is one rule per state). */
    record Rule<D, R>(int declared, int from, int to, boolean internal, List<java.util.function.Predicate<R>> guards,
                      List<String> guardNames, @Nullable Timer<D> timer, @Nullable Update<D, R> then,
                      @Nullable String eventType, @Nullable Details<D, R> details) {

        boolean holds(R reading) {
            for (int i = 0; i < guards.size(); i++) {
                if (!guards.get(i).test(reading)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A transition as {@code watchkeeper machines} and the dashboard show it. */
    public record TransitionInfo(String from, String to, String trigger, List<String> guards,
                                 @Nullable String eventType) {
    }

    @Override
    public final String name() {
        return name;
    }

    /** The state names, in declaration (for an enum: ordinal) order. */
    public final List<String> states() {
        return List.of(states);
    }

    public final String initialState() {
        return states[initial.state()];
    }

    public final String stateName(int state) {
        return states[state];
    }

    /** Every transition, in declaration order, one per source state. */
    public final List<TransitionInfo> transitions() {
        List<TransitionInfo> out = new ArrayList<>(rules.size());
        for (Rule<D, R> r : rules) {
            out.add(new TransitionInfo(states[r.from()], states[r.to()], r.timer() != null ? "timer" : "fix",
                    r.guardNames(), r.eventType()));
        }
        return out;
    }

    /**
     * The definition as Mermaid {@code stateDiagram-v2} text: {@code [*] --> initial}, then one line per
     * transition, {@code a --> b : trigger [guards]}.
     */
    public final String toMermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> ").append(initialState()).append('\n');
        for (TransitionInfo t : transitions()) {
            out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(" : ").append(t.trigger());
            if (!t.guards().isEmpty()) {
                out.append(" [").append(String.join(", ", t.guards())).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public final Place<D> initial(VesselId vessel) {
        return initial;
    }

    @Override
    public final long wakeAtMillis(Place<D> at) {
        return at.dueAtMillis();
    }

    @Override
    public final Step<Place<D>> step(Place<D> place, Fix fix, DetectorContext ctx) {
        List<Event> events = new ArrayList<>(2);
        Place<D> next = advance(place, fix, ctx, events);
        return events.isEmpty() ? Step.quiet(next) : new Step<>(next, events);
    }

    /** {@link #step} without a {@link Step} or an event list per fix: the engine's path (see {@link Detector#advance}). */
    @Override
    public final Place<D> advance(Place<D> place, Fix fix, DetectorContext ctx, List<Event> events) {
        long t = fix.time().toEpochMilli();
        Place<D> at = place;
        if (at.dueAtMillis() <= t) {
            at = fireTimers(at, t, ctx, events);
        }
        R reading = read.read(at, fix, ctx);
        if (reading == null) {
            return at;
        }
        D data = update == null ? at.data() : update.next(at.data(), reading);
        Rule<D, R> taken = firstHolding(onFix[at.state()], reading);
        if (taken == null) {
            return settled(at, data, fix);
        }
        if (taken.eventType() != null) {
            events.add(Event.transition(taken.eventType(), name, states[taken.from()], states[taken.to()], fix,
                    ctx.wallClock(), details(taken, at, fix, reading)));
        }
        D after = taken.then() == null ? data : taken.then().next(data, reading);
        return placed(taken.to(), taken.internal() ? at.enteredAtMillis() : t, fix, after);
    }

    @Override
    public final Step<Place<D>> onTime(Place<D> place, VesselId vessel, long nowMillis, DetectorContext ctx) {
        if (place.dueAtMillis() > nowMillis) {
            return Step.quiet(place);
        }
        List<Event> events = new ArrayList<>(1);
        Place<D> next = fireTimers(place, nowMillis, ctx, events);
        return new Step<>(next, events);
    }

    /** Checkpoint form: the state, its entry time, the latest fix if kept, then the data's own codec. */
    @Override
    public final @Nullable StateCodec<Place<D>> codec() {
        if (dataCodec == null) {
            return null;
        }
        return new StateCodec<>() {
            @Override
            public void write(Place<D> p, StateOut out) throws IOException {
                out.writeVarInt(p.state());
                out.writeTimeMillis(p.enteredAtMillis(), Long.MIN_VALUE);
                if (keepsLastFix) {
                    out.writeFixOf(p.lastFix());
                }
                dataCodec.write(p.data(), out);
            }

            @Override
            public Place<D> read(StateIn in, VesselId vessel) throws IOException {
                int state = in.readVarInt();
                if (state < 0 || state >= states.length) {
                    throw new IOException("checkpoint has state " + state + " of machine " + name + ", which has "
                            + states.length + " states: was it written by another definition?");
                }
                long entered = in.readTimeMillis(Long.MIN_VALUE);
                Fix last = keepsLastFix ? in.readFixOf(vessel) : null;
                D data = dataCodec.read(in, vessel);
                Place<D> p = placed(state, entered, last, data);
                return p.equals(initial) ? initial : p; // a million vessels never seen share one place
            }
        };
    }

    /**
     * Fires the timers due at or before {@code until}, in order.
     *
     * @throws IllegalStateException if a timer fires again at the same time in the same state, or more
     *     than {@link #MAX_TIMER_CHAIN} fire at once: a definition that would otherwise publish the same
     *     event without end (the engine dead-letters it, and the vessel keeps its place)
     */
    private Place<D> fireTimers(Place<D> place, long until, DetectorContext ctx, List<Event> events) {
        Place<D> at = place;
        for (int n = 0; at.dueAtMillis() <= until; n++) {
            if (n == MAX_TIMER_CHAIN) {
                throw new IllegalStateException("machine " + name + ": more than " + MAX_TIMER_CHAIN
                        + " timer transitions at once, now in state " + states[at.state()]);
            }
            long due = at.dueAtMillis();
            Rule<D, R> rule = dueRule(at, due);
            Fix cause = Objects.requireNonNull(at.lastFix(), "a timer needs the latest fix");
            if (rule.eventType() != null) {
                events.add(Event.at(rule.eventType(), name, states[rule.from()], states[rule.to()], cause,
                        Instant.ofEpochMilli(due), ctx.wallClock(), details(rule, at, cause, null), ""));
            }
            D data = rule.then() == null ? at.data() : rule.then().next(at.data(), null);
            Place<D> next = placed(rule.to(), rule.internal() ? at.enteredAtMillis() : due, cause, data);
            if (next.state() == at.state() && next.dueAtMillis() <= due) {
                throw new IllegalStateException("machine " + name + ": the timer of state " + states[at.state()]
                        + " is due again at the time it fired; a timer that stays in its state must move forward");
            }
            at = next;
        }
        return at;
    }

    /** The first timed transition of the state due at {@code due} (the one {@link #dueAt} found). */
    private Rule<D, R> dueRule(Place<D> at, long due) {
        for (Rule<D, R> r : onTimer[at.state()]) {
            if (r.timer().dueAtMillis(at.enteredAtMillis(), at.lastFixMillis(), at.data()) == due) {
                return r;
            }
        }
        throw new IllegalStateException("machine " + name + ": no timer of state " + states[at.state()]
                + " is due at " + due);
    }

    private Map<String, Object> details(Rule<D, R> rule, Place<D> before, Fix cause, @Nullable R reading) {
        return rule.details() == null ? Map.of() : rule.details().of(before, cause, reading);
    }

    private @Nullable Rule<D, R> firstHolding(Rule<D, R>[] candidates, R reading) {
        for (Rule<D, R> r : candidates) {
            if (r.holds(reading)) {
                return r;
            }
        }
        return null;
    }

    /** The place after a fix that took no transition; unchanged (no allocation) when nothing changed. */
    private Place<D> settled(Place<D> at, D data, Fix fix) {
        if (!keepsLastFix && !hasTimers) {
            return at.with(data);
        }
        return placed(at.state(), at.enteredAtMillis(), fix, data);
    }

    private Place<D> placed(int state, long enteredAt, @Nullable Fix fix, D data) {
        Fix kept = keepsLastFix ? fix : null;
        long due = hasTimers ? dueAt(state, enteredAt, kept, data) : NO_TIMER;
        return new Place<>(state, enteredAt, due, kept, data);
    }

    /** The earliest time a timer of the state is due; timers need a latest fix to be the cause. */
    private long dueAt(int state, long enteredAt, @Nullable Fix lastFix, D data) {
        if (lastFix == null) {
            return NO_TIMER;
        }
        long last = lastFix.time().toEpochMilli();
        long due = NO_TIMER;
        for (Rule<D, R> r : onTimer[state]) {
            due = Math.min(due, r.timer().dueAtMillis(enteredAt, last, data));
        }
        return due;
    }

    @SuppressWarnings("unchecked")
    private Rule<D, R>[][] byState(boolean timed) {
        Rule<D, R>[][] out = new Rule[states.length][];
        for (int s = 0; s < states.length; s++) {
            int state = s;
            out[s] = rules.stream().filter(r -> r.from() == state && (r.timer() != null) == timed)
                    .toArray(Rule[]::new);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Machine[" + name + ", states " + Arrays.toString(states) + ", " + rules.size() + " transitions]";
    }
}
