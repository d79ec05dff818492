package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.fsm.legacy.internal.HistoryRing;
import io.watchkeeper.core.fsm.legacy.internal.MachineBuilderImpl;
import io.watchkeeper.core.fsm.legacy.internal.MachineTable;
import io.watchkeeper.core.fsm.legacy.internal.MermaidRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * An immutable state-machine definition, built once and shared by every vessel and every thread.
 *
 * <p>It holds no per-vessel state, so a million vessels cost a million enum references (or
 * {@link MachineInstance}s), not a million machines. {@link #fire} takes the current state and
 * returns an {@link Outcome}; the caller keeps the state. This is the shape of Python's
 * {@code transitions} (one {@code Machine}, many models) with enums, generics and lambdas instead
 * of strings.
 *
 * <h2>What {@code fire(current, trigger, ctx)} does, in order</h2>
 * The order is a contract, the same as {@code transitions}' execution-order table:
 * <ol>
 *   <li>{@code prepare} callbacks (machine-wide, every fire, even if the trigger is invalid);</li>
 *   <li>if no transition for the trigger leaves {@code current}: NOT_ALLOWED (thrown as
 *       {@link MachineException} after finalize, unless the machine ignores invalid triggers);</li>
 *   <li>guards of the trigger's transitions from {@code current} only, in declaration order: for
 *       each, its {@code when} guards in order, then its {@code unless} guards; the first
 *       transition whose guards all pass is taken, and if none passes the outcome is
 *       GUARD_FAILED;</li>
 *   <li>{@code before} callbacks of the taken transition;</li>
 *   <li>{@code onExit(from)} callbacks (skipped for internal transitions);</li>
 *   <li>the state change, which is the returned {@link Outcome#state()};</li>
 *   <li>{@code onEnter(to)} callbacks (skipped for internal transitions);</li>
 *   <li>{@code after} callbacks of the taken transition, then machine-wide {@code afterAny};</li>
 *   <li>{@code finalizeWith} callbacks, always: after success, refusal or failure.</li>
 * </ol>
 * A {@link RuntimeException} from any guard or callback stops steps 1–8; it goes to the
 * {@code onException} handlers if there are any (the outcome is then GUARD_FAILED in the old state)
 * and otherwise is rethrown unchanged after finalize. {@link Error}s propagate at once: they mean a
 * broken JVM or a failed assertion, not a bad report.
 *
 * <p>Apart from its callbacks, firing is pure and allocates nothing: every outcome is pre-built.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context passed to guards and callbacks, untouched (it may be null if the
 *     callbacks accept that, e.g. for {@code Void})
 */
@Evolving
public final class StateMachine<S extends Enum<S>, T extends Enum<T>, C> {

    /**
     * The first builder stage: only the initial state can be set, so an incomplete definition has
     * no {@code build()} to call. Not for implementing.
     */
    @Evolving
    public interface Builder<S extends Enum<S>, T extends Enum<T>, C> {

        /** Sets the state new instances start in, and opens the rest of the definition. */
        MachineBuilder<S, T, C> initial(S initial);
    }

    private final MachineTable<S, T, C> table;

    private StateMachine(MachineTable<S, T, C> table) {
        this.table = table;
    }

    /**
     * Starts a definition. The context type usually has to be given explicitly:
     * {@code StateMachine.<State, Trigger, Ctx>builder("boat", State.class, Trigger.class)}.
     *
     * @param name stable name; it appears in events, exceptions and snapshots
     */
    public static <S extends Enum<S>, T extends Enum<T>, C> Builder<S, T, C> builder(
            String name, Class<S> states, Class<T> triggers) {
        return new MachineBuilderImpl<>(name, states, triggers, StateMachine::new);
    }

    public String name() {
        return table.name();
    }

    public S initial() {
        return table.initial();
    }

    /** All constants of the state enum, in enum order. */
    public Set<S> states() {
        return table.states();
    }

    /** All constants of the trigger enum, in enum order. */
    public Set<T> triggers() {
        return table.triggers();
    }

    /** Every transition in declaration order, the order that decides which one is taken. */
    public List<TransitionDef<S, T, C>> transitions() {
        return table.transitions();
    }

    /**
     * Fires {@code trigger} from {@code current}, running callbacks in the order given above.
     *
     * @throws MachineException if no transition for {@code trigger} leaves {@code current} and the
     *     machine does not ignore invalid triggers
     */
    public Outcome<S, T> fire(S current, T trigger, C ctx) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(trigger, "trigger");
        return table.fire(current, trigger, ctx);
    }

    /**
     * Would {@link #fire} take a transition? Evaluates guards only; runs no callback, not even
     * {@code prepare} or the exception handlers, and never throws for an invalid trigger (it answers
     * false). A guard that throws propagates.
     */
    public boolean canFire(S current, T trigger, C ctx) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(trigger, "trigger");
        return table.canFire(current, trigger, ctx);
    }

    public Optional<TimeoutDef<S, T>> timeout(S state) {
        return table.timeout(Objects.requireNonNull(state, "state"));
    }

    /** A fresh instance in the initial state, entered at event time {@code now}. */
    public MachineInstance<S, T, C> newInstance(Instant now) {
        return new MachineInstance<>(this, initial(), Objects.requireNonNull(now, "now").toEpochMilli(), null);
    }

    /**
     * Rebuilds an instance from a {@link MachineInstance#snapshot()}. History beyond this machine's
     * {@code historySize} is dropped, oldest first.
     *
     * @throws IllegalArgumentException if the snapshot is of another machine or names a state or
     *     trigger this machine does not have (for example after a state was renamed)
     */
    public MachineInstance<S, T, C> restore(MachineSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!snapshot.machine().equals(name())) {
            throw new IllegalArgumentException("snapshot of machine '" + snapshot.machine()
                    + "' cannot be restored into machine '" + name() + "'");
        }
        S state = stateNamed(snapshot.state());
        List<MachineSnapshot.Entry> entries = snapshot.history();
        int[] ordinals = new int[entries.size() * 3];
        for (int i = 0; i < entries.size(); i++) {
            MachineSnapshot.Entry e = entries.get(i);
            ordinals[i * 3] = stateNamed(e.from()).ordinal();
            ordinals[i * 3 + 1] = stateNamed(e.to()).ordinal();
            ordinals[i * 3 + 2] = triggerNamed(e.trigger()).ordinal();
        }
        HistoryRing ring = null;
        int keep = Math.min(entries.size(), table.historySize());
        if (keep > 0) {
            ring = new HistoryRing(table.historySize());
            for (int i = entries.size() - keep; i < entries.size(); i++) {
                ring.add(ordinals[i * 3], ordinals[i * 3 + 1], ordinals[i * 3 + 2], entries.get(i).atMillis());
            }
        }
        return new MachineInstance<>(this, state, snapshot.enteredAtMillis(), ring);
    }

    /**
     * The definition as Mermaid {@code stateDiagram-v2} text: {@code [*] --> initial}, then one line
     * per transition in declaration order, {@code A --> B : TRIGGER [when, !unless]}, with
     * {@code (internal)} appended to internal transitions.
     */
    public String toMermaid() {
        return MermaidRenderer.render(initial(), transitions());
    }

    @Override
    public String toString() {
        return "StateMachine[" + name() + ", " + states().size() + " states, " + transitions().size()
                + " transitions]";
    }

    /** The compiled tables, for {@link MachineInstance}. */
    MachineTable<S, T, C> table() {
        return table;
    }

    private S stateNamed(String name) {
        S found = byName(states(), name);
        if (found == null) {
            throw new IllegalArgumentException("machine '" + name() + "' has no state '" + name
                    + "'; its states are " + states());
        }
        return found;
    }

    private T triggerNamed(String name) {
        T found = byName(triggers(), name);
        if (found == null) {
            throw new IllegalArgumentException("machine '" + name() + "' has no trigger '" + name
                    + "'; its triggers are " + triggers());
        }
        return found;
    }

    private static <E extends Enum<E>> @Nullable E byName(Set<E> constants, String name) {
        for (E e : constants) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
