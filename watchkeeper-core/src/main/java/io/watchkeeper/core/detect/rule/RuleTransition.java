package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.Evolving;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One declared transition of a {@link RuleMachine}, as written in a rules file.
 *
 * @param from      the states it leaves; the single entry {@link #ANY} means every state but {@code to}
 * @param to        the state it enters
 * @param when      conditions that must all hold
 * @param unless    conditions none of which may hold
 * @param eventType the event type it publishes ({@code EVENT/<site>/<TYPE>/<vessel>}), or null for the
 *                  machine's default
 */
@Evolving
public record RuleTransition(List<String> from, String to, List<Condition> when, List<Condition> unless,
                             @Nullable String eventType) {

    /** The wildcard source: any state except the target (a reflexive transition must be written out). */
    public static final String ANY = "*";

    public RuleTransition {
        from = List.copyOf(from);
        Objects.requireNonNull(to, "to");
        when = List.copyOf(when);
        unless = List.copyOf(unless);
        if (from.isEmpty()) {
            throw new IllegalArgumentException("transition to " + to + ": needs at least one source state");
        }
        if (from.size() > 1 && from.contains(ANY)) {
            throw new IllegalArgumentException("transition to " + to + ": '*' must be the only source state");
        }
        if (eventType != null && !RuleMachine.EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("event type '" + eventType + "' must match [A-Z0-9_]+");
        }
    }

    /** True if this transition leaves every state but its target. */
    public boolean fromAny() {
        return from.size() == 1 && from.get(0).equals(ANY);
    }

    /** The conditions as diagrams and listings show them: {@code unless} ones prefixed with {@code !}. */
    List<String> conditionNames() {
        List<String> names = new ArrayList<>(when.size() + unless.size());
        when.forEach(c -> names.add(c.describe()));
        unless.forEach(c -> names.add("!" + c.describe()));
        return names;
    }
}
