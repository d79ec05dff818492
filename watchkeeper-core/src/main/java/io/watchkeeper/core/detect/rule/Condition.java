package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.vessel.ShipType;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One condition of a {@link RuleTransition}: the documented set a rules file may use (docs/rules.md).
 *
 * <p>Two families. <b>Fix conditions</b> ({@link SpeedBelow}, {@link SpeedAbove}, {@link InZone},
 * {@link InZoneKind}, {@link ShipTypeIn}, {@link NavStatusIn}, {@link CourseHeadingDiffAbove}) are judged
 * on the vessel's latest fix; an absent value (NaN speed, unknown ship type, no status) makes them
 * false. <b>Time conditions</b> ({@link TimeInState}, {@link SilentFor}) become true as event time passes,
 * so a machine that uses them has timers. {@link Not} negates either.
 */
@Evolving
public sealed interface Condition {

    /** How the condition reads in diagrams and listings, e.g. {@code speedBelow 3kn}. */
    String describe();

    /** True if the condition depends on event time rather than on the fix alone. */
    default boolean timeBased() {
        return false;
    }

    /** Speed over ground strictly below {@code knots}. */
    record SpeedBelow(double knots) implements Condition {
        public SpeedBelow {
            requireFinite(knots, "speedBelow");
        }

        @Override
        public String describe() {
            return "speedBelow " + number(knots) + "kn";
        }
    }

    /** Speed over ground strictly above {@code knots}. */
    record SpeedAbove(double knots) implements Condition {
        public SpeedAbove {
            requireFinite(knots, "speedAbove");
        }

        @Override
        public String describe() {
            return "speedAbove " + number(knots) + "kn";
        }
    }

    /** The fix lies inside the zone with this id; an id that no zone has never matches. */
    record InZone(String zoneId) implements Condition {
        public InZone {
            Objects.requireNonNull(zoneId, "zoneId");
            if (zoneId.isBlank()) {
                throw new IllegalArgumentException("inZone: zone id must not be blank");
            }
        }

        @Override
        public String describe() {
            return "inZone " + zoneId;
        }
    }

    /** The fix lies inside some zone of this kind. */
    record InZoneKind(ZoneKind kind) implements Condition {
        public InZoneKind {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String describe() {
            return "inZoneKind " + kind.wireName();
        }
    }

    /** The vessel's AIS ship type (from its static reports) lies in one of these ranges. */
    record ShipTypeIn(List<TypeRange> ranges) implements Condition {
        public ShipTypeIn {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("shipType: needs at least one code or range");
            }
        }

        boolean matches(int code) {
            for (TypeRange r : ranges) {
                if (code >= r.first() && code <= r.last()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "shipType " + ranges.stream().map(TypeRange::describe).collect(Collectors.joining(","));
        }
    }

    /** An inclusive range of AIS ship-type codes 0..99; a single code has {@code first == last}. */
    record TypeRange(int first, int last) {
        public TypeRange {
            if (first < 0 || last > 99 || first > last) {
                throw new IllegalArgumentException("ship type range must lie within 0..99 with first <= last, was "
                        + first + "-" + last);
            }
        }

        public static TypeRange of(int code) {
            return new TypeRange(code, code);
        }

        public static final TypeRange TUG = of(ShipType.TUG);

        String describe() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }

    /** The fix's AIS navigational status is one of these codes (0..15). */
    record NavStatusIn(List<Integer> codes) implements Condition {
        public NavStatusIn {
            codes = List.copyOf(codes);
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("navStatus: needs at least one code");
            }
            for (int c : codes) {
                if (c < 0 || c > 15) {
                    throw new IllegalArgumentException("navStatus: codes lie within 0..15, was " + c);
                }
            }
        }

        @Override
        public String describe() {
            return "navStatus " + codes.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    /** Course over ground and heading differ by more than {@code degrees} (RTEC's drifting); both must be known. */
    record CourseHeadingDiffAbove(double degrees) implements Condition {
        public CourseHeadingDiffAbove {
            if (!(degrees >= 0 && degrees < 180)) {
                throw new IllegalArgumentException("courseHeadingDiffAbove: degrees lie within 0..180, was " + degrees);
            }
        }

        @Override
        public String describe() {
            return "courseHeadingDiffAbove " + number(degrees) + "deg";
        }
    }

    /** The vessel has been in its current state for at least {@code atLeast} of event time. */
    record TimeInState(Duration atLeast) implements Condition {
        public TimeInState {
            requirePositive(atLeast, "timeInState");
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String describe() {
            return "timeInState " + duration(atLeast);
        }
    }

    /** The vessel has sent nothing for at least {@code atLeast}: true only between fixes, on a timer. */
    record SilentFor(Duration atLeast) implements Condition {
        public SilentFor {
            requirePositive(atLeast, "silentFor");
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String describe() {
            return "silentFor " + duration(atLeast);
        }
    }

    /** The negation of one condition. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public boolean timeBased() {
            return condition.timeBased();
        }

        @Override
        public String describe() {
            return "not " + condition.describe();
        }
    }

    /** Longest duration a time condition accepts: a year, so event-time sums never come near overflow. */
    Duration MAX_DURATION = Duration.ofDays(366);

    private static void requireFinite(double knots, String what) {
        if (!(knots >= 0) || Double.isInfinite(knots)) {
            throw new IllegalArgumentException(what + ": knots must be a finite number >= 0, was " + knots);
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(what + ": duration must be > 0 and at most 366 days, was " + d);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** {@code 2h}, {@code 30m}, {@code 45s}, {@code 1500ms}: the largest unit that divides it. */
    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
