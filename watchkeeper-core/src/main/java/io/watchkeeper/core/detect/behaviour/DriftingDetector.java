package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Drifting as RTEC defines it: a vessel making way whose course over ground differs from its heading
 * by more than 40°, so it is being set sideways by current or wind rather than going where its bow
 * points.
 *
 * <p>Each fix reads as drifting (angle above {@link Settings#minAngleDegrees} at
 * {@link Settings#minSpeedKnots} or more), clean (angle at or below it, or slower than the minimum
 * speed: a stopped vessel is not drifting, and its COG is noise) or unknown (no SOG, or no COG or
 * heading: heading 511 and COG 360 reach us as NaN). Unknown fixes change nothing. Jitter is resisted
 * both ways: the state flips only after {@link Settings#minFixes} consecutive contrary fixes spanning
 * at least {@link Settings#minDuration}, none more than {@link Settings#maxFixGap} after the previous
 * one (a longer silence restarts the count). {@value #DRIFTING_START} and {@value #DRIFTING_END} carry
 * the time of the fix that completed the count. No position is needed.
 *
 * <p>A machine of two states, {@code normal} and {@code drifting}; the contrary run being counted is
 * its data ({@link Streak}), and the time it entered {@code drifting} is the start of the drift.
 * A fix at or before the last fix that changed the place is ignored (a redelivery or late fix), and
 * so is a fix that agrees with the state while nothing is being counted: the place changes only while
 * a contrary run is being counted, so the common path allocates nothing.
 */
public final class DriftingDetector extends Machine<DriftingDetector.Streak, DriftingDetector.Reading> {

    public static final String NAME = "drifting";
    public static final String DRIFTING_START = "DRIFTING_START";
    public static final String DRIFTING_END = "DRIFTING_END";

    private static final String NORMAL = "normal";
    private static final String DRIFTING = "drifting";
    /** Index of {@link #DRIFTING} in the machine's states. */
    private static final int DRIFTING_STATE = 1;

    /**
     * Thresholds.
     *
     * @param minAngleDegrees |COG - heading| above which a fix reads as drifting
     * @param minSpeedKnots   below this SOG a fix reads as not drifting
     * @param minFixes        consecutive contrary fixes needed to change state (>= 1)
     * @param minDuration     time those fixes must span, first to last
     * @param maxFixGap       a longer silence between two of them restarts the count
     */
    public record Settings(double minAngleDegrees, double minSpeedKnots, int minFixes, Duration minDuration,
                           Duration maxFixGap) {

        /**
         * 40°: RTEC's {@code adriftAngThr} (DESIGN.md §6; Pitsikalis et al., RTEC maritime thresholds for
         * the Brest data set). 2.7 kn: RTEC only initiates drifting while the vessel is {@code underWay},
         * whose minimum is {@code underWayMin = 2.7} in the same file; RTEC's lower {@code movingMin}
         * (0.5 kn) lets anchored ships swinging round their anchor, whose COG is noise, read as drifting.
         * 3 fixes over 60 s and a 3 min gap are engineering defaults against heading/COG jitter
         * (RTEC reacts to single fixes); 3 min is the longest ITU-R M.1371 Class A reporting interval.
         */
        public static final Settings DEFAULTS = new Settings(40.0, 2.7, 3, Duration.ofSeconds(60),
                Duration.ofMinutes(3));

        public Settings {
            if (!(minAngleDegrees > 0 && minAngleDegrees < 180)) {
                throw new IllegalArgumentException("minAngleDegrees must be in (0, 180), was " + minAngleDegrees);
            }
            Inputs.requireNonNegative(minSpeedKnots, "minSpeedKnots");
            if (minFixes < 1) {
                throw new IllegalArgumentException("minFixes must be >= 1, was " + minFixes);
            }
            Inputs.requireNonNegative(minDuration, "minDuration");
            Inputs.requirePositive(maxFixGap, "maxFixGap");
        }
    }

    /**
     * What the machine keeps besides its state: the run of fixes contradicting it.
     *
     * @param count         consecutive fixes contradicting the state so far (0 in the steady case)
     * @param startMillis   event time of the first of them
     * @param changedMillis event time of the last change, the guard against redelivered and late fixes
     */
    public record Streak(int count, long startMillis, long changedMillis) {

        public static final Streak INITIAL = new Streak(0, Long.MIN_VALUE, Long.MIN_VALUE);

        /** No run: the state was confirmed, or just changed, at {@code millis}. */
        static Streak none(long millis) {
            return new Streak(0, Long.MIN_VALUE, millis);
        }

        /** Checkpoint form: the last change in full, the count and the run's start relative to it. */
        static final StateCodec<Streak> CODEC = new StateCodec<>() {
            @Override
            public void write(Streak s, StateOut out) throws IOException {
                out.writeTimeMillis(s.changedMillis, Long.MIN_VALUE);
                out.writeVarInt(s.count);
                out.writeTimeMillis(s.startMillis, s.changedMillis);
            }

            @Override
            public Streak read(StateIn in, VesselId vessel) throws IOException {
                long changed = in.readTimeMillis(Long.MIN_VALUE);
                Streak s = new Streak(in.readCount(Integer.MAX_VALUE), in.readTimeMillis(changed), changed);
                return s.equals(INITIAL) ? INITIAL : s;
            }
        };
    }

    /**
     * A fix that changes the place: one contradicting the state (whether it completes the run, and the
     * run after it: none if it does), or one agreeing with it that ends a run (jitter).
     */
    record Reading(Streak streak, boolean flips) {
    }

    /** What one fix says on its own. */
    private enum Looks { DRIFTING, CLEAN, UNKNOWN }

    private final Settings settings;

    public DriftingDetector() {
        this(Settings.DEFAULTS);
    }

    public DriftingDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<Streak, Reading> definition(Settings settings) {
        return Machine.<Streak, Reading>named(NAME).states(NORMAL, DRIFTING).initial(NORMAL, Streak.INITIAL)
                .read((at, fix, ctx) -> read(settings, at, fix)).update((data, r) -> r.streak()).codec(Streak.CODEC)
                .on(NORMAL, DRIFTING).when("contrary for minFixes over minDuration", Reading::flips)
                .publish(DRIFTING_START, (before, fix, r) -> details(fix))
                .on(DRIFTING, NORMAL).when("contrary for minFixes over minDuration", Reading::flips)
                .publish(DRIFTING_END, DriftingDetector::endDetails)
                .build();
    }

    /** What the fix does to the run, or null if it changes nothing (late, unknown, or agreeing with no run). */
    private static @Nullable Reading read(Settings settings, Place<Streak> at, Fix fix) {
        Streak streak = at.data();
        long t = Inputs.millis(fix);
        Looks looks = t <= streak.changedMillis() ? Looks.UNKNOWN : looks(settings, fix);
        if (looks == Looks.UNKNOWN) {
            return null;
        }
        boolean contrary = (looks == Looks.DRIFTING) != (at.state() == DRIFTING_STATE);
        if (!contrary) {
            // Agrees with the state: a run of contrary fixes, if any, was jitter.
            return streak.count() == 0 ? null : new Reading(Streak.none(t), false);
        }
        boolean continues = streak.count() > 0 && t - streak.changedMillis() <= settings.maxFixGap().toMillis();
        int count = continues ? streak.count() + 1 : 1;
        long start = continues ? streak.startMillis() : t;
        boolean flips = count >= settings.minFixes() && t - start >= settings.minDuration().toMillis();
        return flips ? new Reading(Streak.none(t), true) : new Reading(new Streak(count, start, t), false);
    }

    private static Looks looks(Settings settings, Fix fix) {
        double sog = fix.sogKnots();
        if (Double.isNaN(sog)) {
            return Looks.UNKNOWN;
        }
        if (sog < settings.minSpeedKnots()) {
            return Looks.CLEAN;
        }
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (Double.isNaN(angle)) {
            return Looks.UNKNOWN;
        }
        return angle > settings.minAngleDegrees() ? Looks.DRIFTING : Looks.CLEAN;
    }

    private static Map<String, Object> details(Fix fix) {
        Map<String, Object> details = new HashMap<>();
        details.put("sogKnots", fix.sogKnots());
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (!Double.isNaN(angle)) {
            details.put("angleDegrees", angle);
            details.put("cogDegrees", fix.cogDegrees());
            details.put("headingDegrees", fix.headingDegrees());
        }
        return details;
    }

    private static Map<String, Object> endDetails(Place<Streak> before, Fix fix, @Nullable Reading r) {
        Map<String, Object> details = details(fix);
        details.put("durationSeconds", Inputs.seconds(before.enteredAtMillis(), Inputs.millis(fix)));
        return details;
    }
}
