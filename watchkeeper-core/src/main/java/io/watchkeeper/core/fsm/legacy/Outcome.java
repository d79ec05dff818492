package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * What firing one trigger did.
 *
 * <p>Not a record: the machine pre-builds every possible outcome (one per transition, and one per
 * state and trigger for each kind of refusal) and hands out the same objects, because the hot path
 * fires one trigger per vessel report and most reports change nothing. Treat outcomes as values:
 * compare them with {@link #equals}, not {@code ==}.
 *
 * @param <S> state enum
 * @param <T> trigger enum
 */
@Evolving
public final class Outcome<S extends Enum<S>, T extends Enum<T>> {

    /** The three results of firing a trigger. */
    public enum Kind {
        /** A transition was taken (possibly internal, which changes nothing). */
        FIRED,
        /**
         * Transitions exist for the trigger in this state but none passed its guards, or a guard or
         * callback threw and the exception handler absorbed it.
         */
        GUARD_FAILED,
        /** No transition for the trigger leaves this state (and the machine ignores such triggers). */
        NOT_ALLOWED
    }

    private final Kind kind;
    private final S state;
    private final T trigger;
    private final @Nullable Transition<S, T> transition;

    private Outcome(Kind kind, S state, T trigger, @Nullable Transition<S, T> transition) {
        this.kind = kind;
        this.state = state;
        this.trigger = trigger;
        this.transition = transition;
    }

    /** The outcome of taking {@code transition}. */
    public static <S extends Enum<S>, T extends Enum<T>> Outcome<S, T> fired(Transition<S, T> transition) {
        Objects.requireNonNull(transition, "transition");
        return new Outcome<>(Kind.FIRED, transition.to(), transition.trigger(), transition);
    }

    /** The outcome of a trigger whose guards all failed in {@code state}. */
    public static <S extends Enum<S>, T extends Enum<T>> Outcome<S, T> guardFailed(S state, T trigger) {
        return new Outcome<>(Kind.GUARD_FAILED, Objects.requireNonNull(state, "state"),
                Objects.requireNonNull(trigger, "trigger"), null);
    }

    /** The outcome of a trigger that has no transition from {@code state}. */
    public static <S extends Enum<S>, T extends Enum<T>> Outcome<S, T> notAllowed(S state, T trigger) {
        return new Outcome<>(Kind.NOT_ALLOWED, Objects.requireNonNull(state, "state"),
                Objects.requireNonNull(trigger, "trigger"), null);
    }

    public Kind kind() {
        return kind;
    }

    /** The state after firing: the target if fired, otherwise the state fired from. */
    public S state() {
        return state;
    }

    /** The trigger that was fired. */
    public T trigger() {
        return trigger;
    }

    /** The transition taken, present iff {@link #kind()} is {@link Kind#FIRED}. */
    public Optional<Transition<S, T>> transition() {
        return Optional.ofNullable(transition);
    }

    /**
     * True iff a transition fired that left its state: a change of state or a reflexive
     * re-entry, but not an internal transition. This is what publishes an event and restarts the
     * state's clock.
     */
    public boolean changed() {
        return transition != null && !transition.internal();
    }

    /** The raw transition for {@link MachineInstance}, without an {@code Optional} per fire. */
    @Nullable Transition<S, T> transitionOrNull() {
        return transition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome<?, ?> other
                && kind == other.kind
                && state == other.state
                && trigger == other.trigger
                && Objects.equals(transition, other.transition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, state, trigger, transition);
    }

    @Override
    public String toString() {
        return transition == null
                ? kind + "[" + state + " on " + trigger + "]"
                : kind + "[" + transition.from() + " -> " + transition.to() + " on " + trigger
                        + (transition.internal() ? " (internal)" : "") + "]";
    }
}
