package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.Evolving;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user-defined state machine (from a rules file): named states, an initial state and ordered
 * transitions whose conditions come from the documented set in {@link Condition}. Immutable and shared
 * by every vessel; {@link RuleDetector} runs it.
 *
 * <p>Semantics follow {@link io.watchkeeper.core.fsm.Machine}: of the transitions leaving the
 * current state, in declaration order, the first whose {@code when} conditions all hold and whose
 * {@code unless} conditions all fail is taken; at most one per fix. Each taken transition publishes one
 * event of its type on {@code EVENT/<site>/<TYPE>/<vessel>}.
 */
@Evolving
public final class RuleMachine {

    /** Machine names: lower case, digits, '-' and '_'; they appear in events and event ids. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    /** State names: lower case as on the wire, and valid Mermaid state ids. */
    public static final Pattern STATE = Pattern.compile("[a-z][a-z0-9_]*");
    /** Event types: the third topic level. */
    public static final Pattern EVENT_TYPE = Pattern.compile("[A-Z0-9_]+");

    private final String name;
    private final List<String> states;
    private final String initial;
    private final List<RuleTransition> transitions;
    private final String defaultEventType;
    private final CompiledMachine compiled;

    private RuleMachine(String name, List<String> states, String initial, List<RuleTransition> transitions) {
        this.name = name;
        this.states = states;
        this.initial = initial;
        this.transitions = transitions;
        this.defaultEventType = defaultEventType(name);
        this.compiled = new CompiledMachine(states, transitions, defaultEventType);
    }

    /**
     * Validates and compiles a machine.
     *
     * @throws IllegalArgumentException naming the problem: a bad or duplicate name, an unknown state, ...
     */
    public static RuleMachine of(String name, List<String> states, String initial, List<RuleTransition> transitions) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initial, "initial");
        List<String> stateList = List.copyOf(states);
        List<RuleTransition> transitionList = List.copyOf(transitions);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("machine name '" + name + "' must match " + NAME.pattern());
        }
        checkStates(name, stateList);
        requireState(name, stateList, initial, "initial state");
        for (RuleTransition t : transitionList) {
            requireState(name, stateList, t.to(), "target state");
            if (!t.fromAny()) {
                for (String from : t.from()) {
                    requireState(name, stateList, from, "source state");
                }
            }
        }
        return new RuleMachine(name, stateList, initial, transitionList);
    }

    private static void checkStates(String machine, List<String> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException(machine + ": needs at least one state");
        }
        Set<String> seen = new HashSet<>();
        for (String s : states) {
            if (!STATE.matcher(s).matches()) {
                throw new IllegalArgumentException(machine + ": state name '" + s + "' must match " + STATE.pattern());
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException(machine + ": duplicate state '" + s + "'");
            }
        }
    }

    private static void requireState(String machine, List<String> states, String state, String what) {
        if (!states.contains(state)) {
            throw new IllegalArgumentException(machine + ": unknown " + what + " '" + state + "'; states are "
                    + String.join(", ", states));
        }
    }

    /** {@code slow-in-port} publishes {@code SLOW_IN_PORT} unless a transition names its own type. */
    public static String defaultEventType(String machineName) {
        return machineName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String name() {
        return name;
    }

    /** States in declaration order. */
    public List<String> states() {
        return states;
    }

    public String initial() {
        return initial;
    }

    /** Transitions as declared (with {@code "*"} not expanded). */
    public List<RuleTransition> transitions() {
        return transitions;
    }

    /** The type of events of transitions that name none. */
    public String defaultEventType() {
        return defaultEventType;
    }

    /** Every event type this machine can publish, in declaration order. */
    public Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (CompiledMachine.Rule r : compiled.rules) {
            types.add(r.eventType);
        }
        return Collections.unmodifiableSet(types);
    }

    /** True if some transition has a time condition, so vessels in this machine have timers. */
    public boolean usesTime() {
        return compiled.usesTime;
    }

    /**
     * Mermaid {@code stateDiagram-v2} text in the style of {@link io.watchkeeper.core.fsm.Machine#toMermaid()}:
     * one line per source state of each transition, labelled with its event type and its conditions
     * ({@code unless} ones prefixed with {@code !}).
     */
    public String toMermaid() {
        StringBuilder out = new StringBuilder(64 + 64 * compiled.rules.length);
        out.append("stateDiagram-v2\n");
        out.append("    [*] --> ").append(initial).append('\n');
        for (CompiledMachine.Rule r : compiled.rules) {
            RuleTransition t = transitions.get(r.declared);
            out.append("    ").append(states.get(r.from)).append(" --> ").append(states.get(r.to))
                    .append(" : ").append(r.eventType);
            List<String> guards = t.conditionNames();
            if (!guards.isEmpty()) {
                out.append(" [").append(String.join(", ", guards)).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    CompiledMachine compiled() {
        return compiled;
    }

    @Override
    public String toString() {
        return "RuleMachine[" + name + ", states=" + states + ", initial=" + initial + ", transitions="
                + transitions.size() + "]";
    }
}
