package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.MachineBuilder;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Runs a user-defined {@link RuleMachine} per vessel, compiled to a {@link Machine} of the state-machine
 * library with the file's state names.
 *
 * <p>On each fix: timers due at or before the fix's time fire first, at their due times (so the output
 * does not depend on when the engine's sweep ran); then the transitions leaving the current state are
 * tried in declaration order on the fix, and the first that holds is taken, publishing one event with
 * {@code details} {@code transition} (its 0-based position in the file) and {@code trigger} {@code "fix"}.
 * A fix older than the one last judged, or a redelivery of it (same time and position), is ignored.
 *
 * <p>On a timer: at the due time, the transitions that have a time condition are tried in declaration
 * order, their fix conditions judged on the latest fix; the event carries the due time, the latest fix as
 * its cause and {@code trigger} {@code "timer"}. A time condition wakes a vessel only when it newly becomes
 * true: one already true when its state was entered by a timer waits for the next fix.
 *
 * <p>How that maps onto the library: each transition of the file is a fix transition whose guard is its
 * literals at the fix's time, and, if it has a rising time condition, also a timed one whose {@link Timer}
 * is due at the state's next timer moment if this transition is the first to hold then
 * ({@link CompiledMachine#dueAfter}, {@link CompiledMachine#firstHolding}). Two things the library does
 * not do are done here (see {@link #step} and {@link #firstFixEntersTheInitialState}).
 */
public final class RuleDetector implements Detector<Place<RuleData>> {

    private final RuleMachine machine;
    private final Machine<RuleData, Reading> definition;
    private final StateCodec<Place<RuleData>> codec;

    public RuleDetector(RuleMachine machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.definition = definition(machine);
        this.codec = saying(machine.name(), Objects.requireNonNull(definition.codec(), "codec"));
    }

    /**
     * What one fix means to the machine.
     *
     * @param facts           its fix conditions, as bits (those the current state and its timers read)
     * @param enteredAtMillis when the current state was entered; the fix's time for a vessel's first fix
     * @param first           true for the first fix of a vessel the machine judges
     */
    private record Reading(Fix fix, DetectorContext ctx, long facts, long enteredAtMillis, boolean first) {
    }

    public RuleMachine machine() {
        return machine;
    }

    @Override
    public String name() {
        return machine.name();
    }

    @Override
    public Place<RuleData> initial(VesselId vessel) {
        return definition.initial(vessel);
    }

    @Override
    public long wakeAtMillis(Place<RuleData> place) {
        return definition.wakeAtMillis(place);
    }

    /**
     * The library's step, keeping of the latest fix only its time, position and site: what a timer event
     * of a user machine has always carried as its cause (and the place stays as small as it was).
     */
    @Override
    public Step<Place<RuleData>> step(Place<RuleData> place, Fix fix, DetectorContext ctx) {
        Step<Place<RuleData>> step = definition.step(place, fix, ctx);
        Place<RuleData> next = step.state();
        if (next.lastFix() != fix) {
            return step;
        }
        return new Step<>(new Place<>(next.state(), next.enteredAtMillis(), next.dueAtMillis(), remembered(fix),
                next.data()), step.events());
    }

    @Override
    public Step<Place<RuleData>> onTime(Place<RuleData> place, VesselId vessel, long nowMillis, DetectorContext ctx) {
        return definition.onTime(place, vessel, nowMillis, ctx);
    }

    @Override
    public StateCodec<Place<RuleData>> codec() {
        return codec;
    }

    private static Machine<RuleData, Reading> definition(RuleMachine m) {
        CompiledMachine c = m.compiled();
        List<String> states = m.states();
        MachineBuilder<RuleData, Reading> b = Machine.<RuleData, Reading>named(m.name()).states(states)
                .initial(m.initial(), RuleData.NONE).codec(RuleData.CODEC)
                .read((at, fix, ctx) -> read(c, at, fix, ctx));
        if (c.usesTime) {
            b.update((data, r) -> data.withFacts(r.facts()));
        }
        for (CompiledMachine.Rule rule : c.rules) {
            String from = states.get(rule.from);
            String to = states.get(rule.to);
            String label = String.join(", ", m.transitions().get(rule.declared).conditionNames());
            b.on(from, to).when(label.isEmpty() ? null : label, r -> CompiledMachine.holds(rule, r.facts(),
                            r.enteredAtMillis(), time(r.fix()), time(r.fix())))
                    .then((data, r) -> c.usesTime ? data.withFacts(c.evaluateFacts(rule.to, r.fix(), r.ctx()))
                            : RuleData.at(r.fix()))
                    .publish(rule.eventType, details(rule.fixDetails));
            if (rule.timed) {
                b.on(from, to).after(dueWhenFirst(c, rule)).publish(rule.eventType, details(rule.timerDetails));
            }
        }
        if (c.usesTime) {
            firstFixEntersTheInitialState(b, m.initial());
        }
        return b.build();
    }

    /**
     * A user machine's clock in its initial state starts at the vessel's first fix ({@code timeInState}
     * counts from it), where the library's starts at the first transition; a last, silent self-transition
     * on the first fix when no other holds starts it. Machines without timers never stored that time: the
     * first fix is judged with its own time as the entry, every fix until a transition, as always.
     */
    private static void firstFixEntersTheInitialState(MachineBuilder<RuleData, Reading> b, String initial) {
        b.on(initial, initial).when("first fix", Reading::first);
    }

    /**
     * A fix older than the one last judged, or a redelivery of it, is ignored. With timers the place
     * keeps the latest fix; without, the fix last judged that mattered is the one of the latest transition.
     */
    private static @Nullable Reading read(CompiledMachine c, Place<RuleData> at, Fix fix, DetectorContext ctx) {
        long t = time(fix);
        boolean seen = c.usesTime ? at.lastFix() != null : at.enteredAtMillis() != Long.MIN_VALUE;
        if (seen) {
            long judged = c.usesTime ? at.lastFixMillis() : at.enteredAtMillis();
            double lat = c.usesTime ? at.lastFix().lat() : at.data().lat();
            double lon = c.usesTime ? at.lastFix().lon() : at.data().lon();
            if (t < judged || t == judged && Double.compare(lat, fix.lat()) == 0
                    && Double.compare(lon, fix.lon()) == 0) {
                return null;
            }
        }
        return new Reading(fix, ctx, c.evaluateFacts(at.state(), fix, ctx), seen ? at.enteredAtMillis() : t, !seen);
    }

    /**
     * The timer of {@code rule}: due when a timed transition of its state next starts to hold, if
     * {@code rule} is then the first that holds (so a transition already holding, declared earlier, wins).
     */
    private static Timer<RuleData> dueWhenFirst(CompiledMachine c, CompiledMachine.Rule rule) {
        return (entered, last, data) -> {
            long facts = data.facts();
            long due = c.dueAfter(rule.from, facts, entered, last, Math.max(entered, last));
            return due != NO_TIMER && c.firstHolding(rule.from, facts, entered, last, due, true) == rule
                    ? due : NO_TIMER;
        };
    }

    private static Machine.Details<RuleData, Reading> details(Map<String, Object> details) {
        return (before, cause, reading) -> details;
    }

    /** The latest fix as a user machine remembers it: its time to the millisecond, position and site. */
    private static Fix remembered(Fix fix) {
        return Fix.geo(fix.vessel(), fix.site(), Instant.ofEpochMilli(time(fix)), fix.lat(), fix.lon(), Double.NaN,
                Double.NaN, Double.NaN, Fix.NO_NAV_STATUS, null);
    }

    private static long time(Fix fix) {
        return fix.time().toEpochMilli();
    }

    /** The library's codec, saying what a state the machine does not have most likely means. */
    private static StateCodec<Place<RuleData>> saying(String name, StateCodec<Place<RuleData>> codec) {
        return new StateCodec<>() {
            @Override
            public void write(Place<RuleData> place, StateOut out) throws IOException {
                codec.write(place, out);
            }

            @Override
            public Place<RuleData> read(StateIn in, VesselId vessel) throws IOException {
                try {
                    return codec.read(in, vessel);
                } catch (EOFException e) {
                    throw e; // a truncated checkpoint, not a state of another machine
                } catch (IOException e) {
                    throw new IOException("user machine " + name + ": " + e.getMessage()
                            + " (written with another rules file?)", e);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "RuleDetector[" + machine.name() + "]";
    }
}
