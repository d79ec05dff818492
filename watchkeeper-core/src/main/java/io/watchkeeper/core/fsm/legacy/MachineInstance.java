package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.fsm.legacy.internal.HistoryRing;
import io.watchkeeper.core.fsm.legacy.internal.MachineTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * The state of one vessel in one machine: current state, the event time it was entered, and
 * (only if the definition keeps history) a ring of recent changes.
 *
 * <p><b>Not thread-safe, by design.</b> The engine gives each vessel to exactly one thread, so an
 * instance is confined to that thread and needs no locks or volatile fields; that keeps it to four
 * fields, which is what a million of them can afford. Hand it to another thread only through a
 * {@link #snapshot()} or a safe publication of your own.
 *
 * <p>Time here is always <em>event time</em> (the time of the report), never the wall clock, so a
 * replay gives the same states, entered-at times and timeouts as the live run. It is kept in
 * milliseconds.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 * @param <C> user context
 */
@Evolving
public final class MachineInstance<S extends Enum<S>, T extends Enum<T>, C> {

    private final StateMachine<S, T, C> definition;
    private S state;
    private long enteredAtMillis;
    private @Nullable HistoryRing history;

    MachineInstance(StateMachine<S, T, C> definition, S state, long enteredAtMillis,
            @Nullable HistoryRing history) {
        this.definition = definition;
        this.state = state;
        this.enteredAtMillis = enteredAtMillis;
        this.history = history;
    }

    public StateMachine<S, T, C> definition() {
        return definition;
    }

    public S state() {
        return state;
    }

    /** Event time at which the current state was entered (or re-entered reflexively). */
    public Instant enteredAt() {
        return Instant.ofEpochMilli(enteredAtMillis);
    }

    /**
     * Fires {@code trigger} at event time {@code eventTime}. If the outcome
     * {@linkplain Outcome#changed() changed} the state, the new state is entered at
     * {@code eventTime} and the change is recorded in the history; internal transitions and refusals
     * leave the instance untouched.
     *
     * @throws MachineException as {@link StateMachine#fire}
     */
    public Outcome<S, T> fire(T trigger, C ctx, Instant eventTime) {
        long atMillis = Objects.requireNonNull(eventTime, "eventTime").toEpochMilli();
        return fireAt(Objects.requireNonNull(trigger, "trigger"), ctx, atMillis);
    }

    /**
     * Lets event time reach {@code eventTime}: while the current state has a timeout that is due
     * ({@code eventTime - enteredAt >= after}), fires its trigger <em>at the due time</em>, so a
     * chain of timeouts lands where it would have in real time however late the next report comes.
     *
     * <p>Stops when nothing more is due, when a timeout does not change the state (guard failed, or
     * an internal transition), or after {@code states().size()} steps, which bounds the work of one
     * call even for a reflexive timeout; the rest is picked up by the next call.
     *
     * @return the outcome of each timeout fired, in order; empty (and not allocated) if none was due
     */
    public List<Outcome<S, T>> advanceTo(Instant eventTime, C ctx) {
        long now = Objects.requireNonNull(eventTime, "eventTime").toEpochMilli();
        MachineTable<S, T, C> table = definition.table();
        List<Outcome<S, T>> outcomes = null;
        int steps = table.states().size();
        for (int i = 0; i < steps; i++) {
            long after = table.timeoutMillis(state);
            if (after < 0 || now - enteredAtMillis < after) {
                break;
            }
            Outcome<S, T> outcome = fireAt(table.timeoutTrigger(state), ctx, enteredAtMillis + after);
            if (outcomes == null) {
                outcomes = new ArrayList<>(2);
            }
            outcomes.add(outcome);
            if (!outcome.changed()) {
                break;
            }
        }
        return outcomes == null ? List.of() : Collections.unmodifiableList(outcomes);
    }

    private Outcome<S, T> fireAt(T trigger, C ctx, long atMillis) {
        Outcome<S, T> outcome = definition.table().fire(state, trigger, ctx);
        Transition<S, T> t = outcome.transitionOrNull();
        if (t != null && !t.internal()) {
            record(t, atMillis);
            state = t.to();
            enteredAtMillis = atMillis;
        }
        return outcome;
    }

    private void record(Transition<S, T> t, long atMillis) {
        int size = definition.table().historySize();
        if (size == 0) {
            return;
        }
        HistoryRing ring = history;
        if (ring == null) {
            ring = new HistoryRing(size);
            history = ring;
        }
        ring.add(t.from().ordinal(), t.to().ordinal(), t.trigger().ordinal(), atMillis);
    }

    /** The recent state changes, oldest first; empty if the definition keeps no history. */
    public List<HistoryEntry<S, T>> history() {
        HistoryRing ring = history;
        if (ring == null) {
            return List.of();
        }
        MachineTable<S, T, C> table = definition.table();
        List<HistoryEntry<S, T>> out = new ArrayList<>(ring.size());
        for (int i = 0; i < ring.size(); i++) {
            out.add(new HistoryEntry<>(table.stateAt(ring.from(i)), table.stateAt(ring.to(i)),
                    table.triggerAt(ring.trigger(i)), Instant.ofEpochMilli(ring.atMillis(i))));
        }
        return Collections.unmodifiableList(out);
    }

    /** A serializable copy, by names, that {@link StateMachine#restore} turns back into an instance. */
    public MachineSnapshot snapshot() {
        List<MachineSnapshot.Entry> entries = new ArrayList<>();
        for (HistoryEntry<S, T> h : history()) {
            entries.add(new MachineSnapshot.Entry(h.from().name(), h.to().name(), h.trigger().name(),
                    h.at().toEpochMilli()));
        }
        return new MachineSnapshot(definition.name(), state.name(), enteredAtMillis, entries);
    }

    @Override
    public String toString() {
        return "MachineInstance[" + definition.name() + ": " + state + " since " + enteredAt() + "]";
    }
}
