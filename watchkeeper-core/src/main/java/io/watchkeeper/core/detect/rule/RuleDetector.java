package io.watchkeeper.core.detect.rule;

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
import java.util.List;
import java.util.Objects;

/**
 * Runs a user-defined {@link RuleMachine} per vessel.
 *
 * <p>On each fix: timers due at or before the fix's time fire first, at their due times (so the output
 * does not depend on when the engine's sweep ran); then the transitions leaving the current state are
 * tried in declaration order on the fix, and the first that holds is taken, publishing one event with
 * {@code details} {@code transition} (its 0-based position in the file) and {@code trigger} {@code "fix"}.
 *
 * <p>On a timer ({@link #onTime}): at the due time {@link #wakeAtMillis} computed, the transitions that have
 * a time condition are tried in declaration order, their fix conditions judged on the latest fix; the
 * event carries the due time, the latest fix as its cause and {@code trigger} {@code "timer"}. A time
 * condition wakes a vessel only when it newly becomes true: one already true when its state was entered
 * by a timer waits for the next fix.
 */
public final class RuleDetector implements Detector<RuleState> {

    /** Upper bound of timer transitions in one call: a guard against machines that flap on tiny durations. */
    static final int MAX_TIMER_CHAIN = 1000;

    private final RuleMachine machine;
    private final CompiledMachine compiled;
    private final String[] states;
    private final RuleState initial;

    public RuleDetector(RuleMachine machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.compiled = machine.compiled();
        this.states = machine.states().toArray(new String[0]);
        this.initial = RuleState.initial(machine.states().indexOf(machine.initial()));
    }

    public RuleMachine machine() {
        return machine;
    }

    @Override
    public String name() {
        return machine.name();
    }

    @Override
    public RuleState initial(VesselId vessel) {
        return initial;
    }

    @Override
    public long wakeAtMillis(RuleState s) {
        if (!compiled.usesTime || !s.seen()) {
            return NO_TIMER;
        }
        return compiled.dueAfter(s.state(), s.facts(), s.enteredAtMillis(), s.lastFixMillis(),
                Math.max(s.enteredAtMillis(), s.lastFixMillis()));
    }

    @Override
    public StateCodec<RuleState> codec() {
        return new StateCodec<>() {
            @Override
            public void write(RuleState state, StateOut out) throws IOException {
            RuleState.write(state, out);
            }

            @Override
            public RuleState read(StateIn in, VesselId vessel) throws IOException {
            RuleState s = RuleState.read(in, states.length);
            return s.equals(initial) ? initial : s;
            }
        };
    }

    @Override
    public Step<RuleState> step(RuleState s, Fix fix, DetectorContext ctx) {
        long t = fix.time().toEpochMilli();
        if (s.seen() && (t < s.lastFixMillis() || t == s.lastFixMillis() && samePosition(s, fix))) {
            return Step.quiet(s); // older than what we judged, or a redelivery of it
        }
        List<Event> events = List.of();
        RuleState current = s;
        if (compiled.usesTime && wakeAtMillis(current) <= t) {
            events = new ArrayList<>(2);
            current = fireTimers(current, fix.vessel(), t, ctx, events);
        }
        int from = current.state();
        long entered = current.seen() ? current.enteredAtMillis() : t; // the first fix enters the initial state
        long facts = compiled.evaluateFacts(from, fix, ctx);
        CompiledMachine.Rule rule = compiled.firstHolding(from, facts, entered, t, t, false);
        if (rule == null) {
            if (!compiled.usesTime) {
                return events.isEmpty() ? Step.quiet(current) : new Step<>(current, events);
            }
            return new Step<>(new RuleState(from, entered, t, facts, fix.lat(), fix.lon(), fix.site()), events);
        }
        long nextFacts = compiled.evaluateFacts(rule.to, fix, ctx);
        RuleState next = new RuleState(rule.to, t, t, nextFacts, fix.lat(), fix.lon(), fix.site());
        Event event = Event.transition(rule.eventType, machine.name(), states[from], states[rule.to], fix,
                ctx.wallClock(), rule.fixDetails);
        if (events.isEmpty()) {
            return Step.of(next, event);
        }
        events.add(event);
        return new Step<>(next, events);
    }

    @Override
    public Step<RuleState> onTime(RuleState s, VesselId vessel, long nowMillis, DetectorContext ctx) {
        if (!compiled.usesTime) {
            return Step.quiet(s);
        }
        List<Event> events = new ArrayList<>(1);
        RuleState next = fireTimers(s, vessel, nowMillis, ctx, events);
        return next == s ? Step.quiet(s) : new Step<>(next, events);
    }

    /** Fires every timer due at or before {@code limitMillis}, each at its own due time. */
    private RuleState fireTimers(RuleState s, VesselId vessel, long limitMillis, DetectorContext ctx,
                                 List<Event> out) {
        RuleState current = s;
        for (int i = 0; i < MAX_TIMER_CHAIN; i++) {
            long due = wakeAtMillis(current);
            if (due > limitMillis) {
                break;
            }
            CompiledMachine.Rule rule = compiled.firstHolding(current.state(), current.facts(),
                    current.enteredAtMillis(), current.lastFixMillis(), due, true);
            if (rule == null) {
                break; // cannot happen: a due time is one at which some timed transition holds
            }
            out.add(Event.at(rule.eventType, machine.name(), states[current.state()], states[rule.to],
                    cause(current, vessel), Instant.ofEpochMilli(due), ctx.wallClock(), rule.timerDetails, ""));
            current = new RuleState(rule.to, due, current.lastFixMillis(), current.facts(), current.lat(),
                    current.lon(), current.site());
        }
        return current;
    }

    /** The latest fix as far as the state remembers it: time, site and position. */
    private static Fix cause(RuleState s, VesselId vessel) {
        return Fix.geo(vessel, s.site(), Instant.ofEpochMilli(s.lastFixMillis()), s.lat(), s.lon(), Double.NaN,
                Double.NaN, Double.NaN, Fix.NO_NAV_STATUS, null);
    }

    private static boolean samePosition(RuleState s, Fix fix) {
        return Double.compare(s.lat(), fix.lat()) == 0 && Double.compare(s.lon(), fix.lon()) == 0;
    }

    @Override
    public String toString() {
        return "RuleDetector[" + machine.name() + "]";
    }
}
