package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One declared transition, exactly as the builder received it, so tools (the Mermaid export, the
 * REST API, tests) can inspect a definition without reaching into its compiled tables.
 *
 * <p>Guards are tried in list order, {@code when} before {@code unless}, and stop at the first
 * that fails; among the transitions of a trigger from one state, the first declared whose guards
 * pass is taken.
 *
 * @param when guards that must all hold
 * @param unless guards that must all be false
 */
@Evolving
public record TransitionDef<S extends Enum<S>, T extends Enum<T>, C>(
        T trigger,
        S from,
        S to,
        boolean internal,
        List<NamedGuard<C>> when,
        List<NamedGuard<C>> unless,
        List<Action<S, T, C>> before,
        List<Action<S, T, C>> after) {

    public TransitionDef {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (internal && from != to) {
            throw new IllegalArgumentException("an internal transition stays in its state, got "
                    + from + " -> " + to);
        }
        when = List.copyOf(when);
        unless = List.copyOf(unless);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** True for a self-transition that leaves and re-enters its state. */
    public boolean reflexive() {
        return !internal && from == to;
    }

    /**
     * The guard names as diagrams show them: the {@code when} names, then each {@code unless} name
     * prefixed with {@code !}.
     */
    public List<String> guardNames() {
        List<String> names = new ArrayList<>(when.size() + unless.size());
        for (NamedGuard<C> g : when) {
            names.add(g.name());
        }
        for (NamedGuard<C> g : unless) {
            names.add("!" + g.name());
        }
        return List.copyOf(names);
    }

    /** The transition callbacks see when this one is taken. */
    public Transition<S, T> transition() {
        return new Transition<>(from, to, trigger, internal);
    }
}
