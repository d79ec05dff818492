package io.watchkeeper.core.detect.rule;

import java.util.Objects;

/**
 * One vessel's place in a {@link RuleMachine}: a few primitives, so a million vessels stay small.
 *
 * @param state           index into {@link RuleMachine#states()}
 * @param enteredAtMillis event time the state was entered; {@link Long#MIN_VALUE} before the first fix
 * @param lastFixMillis   event time of the latest fix; for machines without time conditions only of the
 *                        fix that caused the latest transition (nothing else reads it); MIN_VALUE before any
 * @param facts           the machine's fix conditions on that fix, one bit each: timers judge them
 *                        between fixes, when there is no fix to look at
 * @param lat             latitude of that fix (NaN if it had none): the position of timer events' cause
 * @param lon             longitude of that fix, or NaN
 * @param site            site of that fix: timer events are published under it
 */
public record RuleState(int state, long enteredAtMillis, long lastFixMillis, long facts, double lat, double lon,
                        String site) {

    public RuleState {
        Objects.requireNonNull(site, "site");
        if (state < 0) {
            throw new IllegalArgumentException("state index must be >= 0, was " + state);
        }
    }

    /** A vessel not seen yet, in state {@code initial}. */
    static RuleState initial(int initial) {
        return new RuleState(initial, Long.MIN_VALUE, Long.MIN_VALUE, 0L, Double.NaN, Double.NaN, "");
    }

    boolean seen() {
        return lastFixMillis != Long.MIN_VALUE;
    }
}
