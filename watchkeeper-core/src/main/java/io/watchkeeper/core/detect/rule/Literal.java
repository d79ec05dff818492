package io.watchkeeper.core.detect.rule;

/**
 * A compiled condition: one fact bit or one time threshold, possibly negated. {@code not} only ever
 * wraps one condition and {@code unless c} is {@code when not c}, so every condition of a transition
 * flattens to such a literal, and with the fix's facts frozen each literal is true on one half-line
 * of event time. That is what lets {@link CompiledMachine} compute exact timer due times.
 */
final class Literal {

    static final int FACT = 0;
    static final int TIME_IN_STATE = 1;
    static final int SILENT_FOR = 2;

    /** Sentinels for an unbounded interval end: minus and plus infinity in epoch ms. */
    static final long NEVER = Long.MAX_VALUE;
    static final long ALWAYS = Long.MIN_VALUE;

    final int kind;
    /** The fact's bit for {@link #FACT}, otherwise the duration in ms. */
    final long param;
    final boolean negated;

    Literal(int kind, long param, boolean negated) {
        this.kind = kind;
        this.param = param;
        this.negated = negated;
    }

    /** True for a literal that turns from false to true as event time passes (a timer can wake for it). */
    boolean rising() {
        return kind != FACT && !negated;
    }

    /** Start of the interval where this literal holds ({@link #NEVER} if nowhere). */
    long lower(long facts, long enteredAtMillis, long lastFixMillis) {
        if (kind == FACT) {
            return holds(facts) ? ALWAYS : NEVER;
        }
        return negated ? ALWAYS : threshold(enteredAtMillis, lastFixMillis);
    }

    /** End (exclusive) of the interval where this literal holds. */
    long upper(long facts, long enteredAtMillis, long lastFixMillis) {
        if (kind == FACT) {
            return holds(facts) ? NEVER : ALWAYS;
        }
        return negated ? threshold(enteredAtMillis, lastFixMillis) : NEVER;
    }

    private boolean holds(long facts) {
        return ((facts >>> param) & 1L) != 0 ^ negated;
    }

    private long threshold(long enteredAtMillis, long lastFixMillis) {
        return (kind == TIME_IN_STATE ? enteredAtMillis : lastFixMillis) + param;
    }
}
