package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RuleMachine} as int-indexed arrays: per state its outgoing transitions in declaration order,
 * each a flat array of {@link Literal}s, and the fix conditions as numbered {@link FactTest}s whose
 * results a vessel's state keeps as one {@code long} of bits.
 */
final class CompiledMachine {

    /** One expanded transition: a declared one with {@code "*"} or a list of sources yields one per source. */
    static final class Rule {
        final int declared;
        final int from;
        final int to;
        final Literal[] literals;
        final boolean timed;
        final String eventType;
        final Map<String, Object> fixDetails;
        final Map<String, Object> timerDetails;

        Rule(int declared, int from, int to, Literal[] literals, String eventType) {
            this.declared = declared;
            this.from = from;
            this.to = to;
            this.literals = literals;
            this.eventType = eventType;
            boolean anyRising = false;
            for (Literal l : literals) {
                anyRising |= l.rising();
            }
            this.timed = anyRising;
            this.fixDetails = Map.of("transition", declared, "trigger", "fix");
            this.timerDetails = Map.of("transition", declared, "trigger", "timer");
        }
    }

    static final int MAX_FACTS = Long.SIZE;

    final Rule[] rules;
    final Rule[][] outgoing;
    final FactTest[] facts;
    /** Per state: the fact bits its own transitions read, and those of states a timer can lead to from it. */
    final long[] neededBits;
    final boolean usesTime;

    CompiledMachine(List<String> states, List<RuleTransition> transitions, String defaultEventType) {
        Map<Condition, Integer> factBits = new HashMap<>();
        List<FactTest> tests = new ArrayList<>();
        List<Rule> all = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            RuleTransition t = transitions.get(i);
            int to = states.indexOf(t.to());
            List<Literal> lits = new ArrayList<>();
            for (Condition c : t.when()) {
                lits.add(literal(c, false, factBits, tests));
            }
            for (Condition c : t.unless()) {
                lits.add(literal(c, true, factBits, tests));
            }
            Literal[] literals = lits.toArray(new Literal[0]);
            String type = t.eventType() != null ? t.eventType() : defaultEventType;
            for (int from : sources(t, states, to)) {
                all.add(new Rule(i, from, to, literals, type));
            }
        }
        this.rules = all.toArray(new Rule[0]);
        this.facts = tests.toArray(new FactTest[0]);
        this.outgoing = new Rule[states.size()][];
        boolean time = false;
        for (int s = 0; s < states.size(); s++) {
            List<Rule> out = new ArrayList<>();
            for (Rule r : rules) {
                if (r.from == s) {
                    out.add(r);
                }
                time |= r.timed;
            }
            outgoing[s] = out.toArray(new Rule[0]);
        }
        this.usesTime = time;
        this.neededBits = neededBits(outgoing);
    }

    private static List<Integer> sources(RuleTransition t, List<String> states, int to) {
        List<Integer> from = new ArrayList<>();
        if (t.fromAny()) {
            for (int s = 0; s < states.size(); s++) {
                if (s != to) {
                    from.add(s);
                }
            }
        } else {
            for (String name : t.from()) {
                from.add(states.indexOf(name));
            }
        }
        return from;
    }

    private static Literal literal(Condition c, boolean negated, Map<Condition, Integer> factBits,
                                   List<FactTest> tests) {
        if (c instanceof Condition.Not n) {
            return literal(n.condition(), !negated, factBits, tests);
        }
        if (c instanceof Condition.TimeInState t) {
            return new Literal(Literal.TIME_IN_STATE, t.atLeast().toMillis(), negated);
        }
        if (c instanceof Condition.SilentFor s) {
            return new Literal(Literal.SILENT_FOR, s.atLeast().toMillis(), negated);
        }
        Integer bit = factBits.get(c);
        if (bit == null) {
            if (tests.size() == MAX_FACTS) {
                throw new IllegalArgumentException("a machine may use at most " + MAX_FACTS
                        + " distinct fix conditions");
            }
            bit = tests.size();
            factBits.put(c, bit);
            tests.add(FactTest.of(c));
        }
        return new Literal(Literal.FACT, bit, negated);
    }

    /** Closure over timed transitions: after a timer fires there is no fix to evaluate, only stored bits. */
    private static long[] neededBits(Rule[][] outgoing) {
        int n = outgoing.length;
        long[] own = new long[n];
        for (int s = 0; s < n; s++) {
            for (Rule r : outgoing[s]) {
                for (Literal l : r.literals) {
                    if (l.kind == Literal.FACT) {
                        own[s] |= 1L << l.param;
                    }
                }
            }
        }
        long[] needed = new long[n];
        for (int s = 0; s < n; s++) {
            boolean[] seen = new boolean[n];
            ArrayList<Integer> todo = new ArrayList<>(List.of(s));
            seen[s] = true;
            while (!todo.isEmpty()) {
                int at = todo.remove(todo.size() - 1);
                needed[s] |= own[at];
                for (Rule r : outgoing[at]) {
                    if (r.timed && !seen[r.to]) {
                        seen[r.to] = true;
                        todo.add(r.to);
                    }
                }
            }
        }
        return needed;
    }

    /** The fix conditions {@code state} (and timers from it) may read, as bits. */
    long evaluateFacts(int state, Fix fix, DetectorContext ctx) {
        long bits = neededBits[state];
        long result = 0;
        while (bits != 0) {
            int bit = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            if (facts[bit].test(fix, ctx)) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    /**
     * The first transition from {@code state} that holds at {@code nowMillis}, or null. On a timer
     * ({@code timedOnly}) only transitions with a time condition count: the others are judged on fixes.
     */
    Rule firstHolding(int state, long facts, long enteredAtMillis, long lastFixMillis, long nowMillis,
                      boolean timedOnly) {
        for (Rule r : outgoing[state]) {
            if ((!timedOnly || r.timed) && holds(r, facts, enteredAtMillis, lastFixMillis, nowMillis)) {
                return r;
            }
        }
        return null;
    }

    /** True if every literal of {@code r} holds at {@code nowMillis}. */
    static boolean holds(Rule r, long facts, long enteredAtMillis, long lastFixMillis, long nowMillis) {
        return lower(r, facts, enteredAtMillis, lastFixMillis) <= nowMillis
                && nowMillis < upper(r, facts, enteredAtMillis, lastFixMillis);
    }

    /**
     * The earliest event time after {@code checkedAtMillis} at which a timed transition from {@code state}
     * starts to hold, given the stored facts; {@link Detector#NO_TIMER} if none ever will.
     */
    long dueAfter(int state, long facts, long enteredAtMillis, long lastFixMillis, long checkedAtMillis) {
        long due = Detector.NO_TIMER;
        for (Rule r : outgoing[state]) {
            if (!r.timed) {
                continue;
            }
            long lower = lower(r, facts, enteredAtMillis, lastFixMillis);
            if (lower > checkedAtMillis && lower < upper(r, facts, enteredAtMillis, lastFixMillis) && lower < due) {
                due = lower;
            }
        }
        return due;
    }

    /** Start of the interval of event time where all literals of {@code r} hold. */
    private static long lower(Rule r, long facts, long enteredAtMillis, long lastFixMillis) {
        long lower = Literal.ALWAYS;
        for (Literal l : r.literals) {
            lower = Math.max(lower, l.lower(facts, enteredAtMillis, lastFixMillis));
        }
        return lower;
    }

    /** End (exclusive) of that interval. */
    private static long upper(Rule r, long facts, long enteredAtMillis, long lastFixMillis) {
        long upper = Literal.NEVER;
        for (Literal l : r.literals) {
            upper = Math.min(upper, l.upper(facts, enteredAtMillis, lastFixMillis));
        }
        return upper;
    }
}
