package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
 * <p>A fix at or before the last fix that changed the state is ignored (a redelivery or late fix).
 * The state changes only while a contrary run is being counted, so the common path allocates nothing.
 */
public final class DriftingDetector implements Detector<DriftingDetector.State> {

    public static final String NAME = "drifting";
    public static final String DRIFTING_START = "DRIFTING_START";
    public static final String DRIFTING_END = "DRIFTING_END";

    private static final String NORMAL = "normal";
    private static final String DRIFTING = "drifting";

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
     * Per-vessel state.
     *
     * @param drifting          the published state
     * @param streak            consecutive fixes contradicting it so far (0 in the steady case)
     * @param streakStartMillis event time of the first of them
     * @param sinceMillis       event time of the last DRIFTING_START (for the duration in DRIFTING_END)
     * @param changedMillis     event time of the last change, the guard against redelivered and late fixes
     */
    public record State(boolean drifting, int streak, long streakStartMillis, long sinceMillis, long changedMillis) {

        public static final State INITIAL = new State(false, 0, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);

        /** Checkpoint form: the flag, the last change in full, the streak and the other times relative to it (about 10 bytes). */
        static void write(State s, StateOut out) throws IOException {
            out.writeBoolean(s.drifting);
            out.writeTimeMillis(s.changedMillis, Long.MIN_VALUE);
            out.writeVarInt(s.streak);
            out.writeTimeMillis(s.streakStartMillis, s.changedMillis);
            out.writeTimeMillis(s.sinceMillis, s.changedMillis);
        }

        static State read(StateIn in, VesselId vessel) throws IOException {
            boolean drifting = in.readBoolean();
            long changed = in.readTimeMillis(Long.MIN_VALUE);
            int streak = in.readCount(Integer.MAX_VALUE);
            State s = new State(drifting, streak, in.readTimeMillis(changed), in.readTimeMillis(changed), changed);
            return s.equals(INITIAL) ? INITIAL : s;
        }
    }

    private enum Reading { DRIFT, CLEAN, UNKNOWN }

    private final Settings settings;

    public DriftingDetector() {
        this(Settings.DEFAULTS);
    }

    public DriftingDetector(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State initial(VesselId vessel) {
        return State.INITIAL;
    }

    @Override
    public StateCodec<State> codec() {
        return new StateCodec<>() {
            @Override
            public void write(State state, StateOut out) throws IOException {
            State.write(state, out);
            }

            @Override
            public State read(StateIn in, VesselId vessel) throws IOException {
            return State.read(in, vessel);
            }
        };
    }

    @Override
    public Step<State> step(State state, Fix fix, DetectorContext ctx) {
        long t = Inputs.millis(fix);
        if (t <= state.changedMillis()) {
            return Step.quiet(state);
        }
        Reading reading = read(fix);
        if (reading == Reading.UNKNOWN) {
            return Step.quiet(state);
        }
        boolean contrary = (reading == Reading.DRIFT) != state.drifting();
        if (!contrary) {
            // Agrees with the state: a run of contrary fixes, if any, was jitter.
            return state.streak() == 0 ? Step.quiet(state)
                    : Step.quiet(new State(state.drifting(), 0, Long.MIN_VALUE, state.sinceMillis(), t));
        }
        boolean continues = state.streak() > 0 && t - state.changedMillis() <= settings.maxFixGap().toMillis();
        int streak = continues ? state.streak() + 1 : 1;
        long streakStart = continues ? state.streakStartMillis() : t;
        if (streak >= settings.minFixes() && t - streakStart >= settings.minDuration().toMillis()) {
            return flip(state, fix, t, ctx);
        }
        return Step.quiet(new State(state.drifting(), streak, streakStart, state.sinceMillis(), t));
    }

    private Step<State> flip(State state, Fix fix, long t, DetectorContext ctx) {
        Map<String, Object> details = new HashMap<>();
        details.put("sogKnots", fix.sogKnots());
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (!Double.isNaN(angle)) {
            details.put("angleDegrees", angle);
            details.put("cogDegrees", fix.cogDegrees());
            details.put("headingDegrees", fix.headingDegrees());
        }
        if (state.drifting()) {
            details.put("durationSeconds", Inputs.seconds(state.sinceMillis(), t));
            Event end = Event.transition(DRIFTING_END, NAME, DRIFTING, NORMAL, fix, ctx.wallClock(), details);
            return Step.of(new State(false, 0, Long.MIN_VALUE, Long.MIN_VALUE, t), end);
        }
        Event start = Event.transition(DRIFTING_START, NAME, NORMAL, DRIFTING, fix, ctx.wallClock(), details);
        return Step.of(new State(true, 0, Long.MIN_VALUE, t, t), start);
    }

    private Reading read(Fix fix) {
        double sog = fix.sogKnots();
        if (Double.isNaN(sog)) {
            return Reading.UNKNOWN;
        }
        if (sog < settings.minSpeedKnots()) {
            return Reading.CLEAN;
        }
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (Double.isNaN(angle)) {
            return Reading.UNKNOWN;
        }
        return angle > settings.minAngleDegrees() ? Reading.DRIFT : Reading.CLEAN;
    }
}
