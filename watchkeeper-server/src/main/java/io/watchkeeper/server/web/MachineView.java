package io.watchkeeper.server.web;

import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.core.fsm.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A detector's machine as {@code GET /api/machines} describes it.
 *
 * @param kind        {@code fsm} (a {@link Machine}), {@code rule} (a rules-file {@link RuleMachine}) or
 *                    {@code detector} (hand-written, no declared machine)
 * @param initial     the initial state, or null for a plain detector
 * @param states      in declaration order; states are their wire names (as in events' {@code body.from}), as in its Mermaid text
 * @param transitions in declaration order; a rule transition from several states (or {@code *}) is listed once
 *                    per source state
 * @param mermaid     {@code stateDiagram-v2} text, or null for a plain detector
 */
public record MachineView(String name, String kind, @Nullable String initial, List<String> states,
                          List<TransitionView> transitions, @Nullable String mermaid) {

    public MachineView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    /**
     * One transition.
     *
     * @param trigger the {@code fsm} trigger, or the event type a {@code rule} transition publishes
     * @param when    guard or condition names that must hold
     * @param unless  guard or condition names that must not
     */
    public record TransitionView(String from, String to, String trigger, List<String> when, List<String> unless) {

        public TransitionView {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(trigger, "trigger");
            when = List.copyOf(when);
            unless = List.copyOf(unless);
        }
    }

    public static MachineView of(Machine<?, ?> machine) {
        Objects.requireNonNull(machine, "machine");
        List<TransitionView> transitions = new ArrayList<>();
        for (Machine.TransitionInfo t : machine.transitions()) {
            List<String> when = t.guards().stream().filter(g -> !g.startsWith("!")).toList();
            List<String> unless = t.guards().stream().filter(g -> g.startsWith("!")).map(g -> g.substring(1)).toList();
            transitions.add(new TransitionView(t.from(), t.to(), t.eventType() != null ? t.eventType() : t.trigger(),
                    when, unless));
        }
        return new MachineView(machine.name(), "fsm", machine.initialState(), machine.states(), transitions,
                machine.toMermaid());
    }

    public static MachineView of(RuleMachine machine) {
        Objects.requireNonNull(machine, "machine");
        List<TransitionView> transitions = new ArrayList<>();
        for (RuleTransition t : machine.transitions()) {
            List<String> sources = t.fromAny()
                    ? machine.states().stream().filter(s -> !s.equals(t.to())).toList()
                    : t.from();
            String type = t.eventType() != null ? t.eventType() : machine.defaultEventType();
            List<String> when = t.when().stream().map(Condition::describe).toList();
            List<String> unless = t.unless().stream().map(Condition::describe).toList();
            for (String from : sources) {
                transitions.add(new TransitionView(from, t.to(), type, when, unless));
            }
        }
        return new MachineView(machine.name(), "rule", machine.initial(), machine.states(), transitions,
                machine.toMermaid());
    }

    /** A hand-written detector with no declared machine: listed by name only. */
    public static MachineView detector(String name) {
        return new MachineView(name, "detector", null, List.of(), List.of(), null);
    }
}
