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
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A sudden speed change: SOG differs by more than {@link Settings#minChangeKnots} between two
 * consecutive fixes at most {@link Settings#maxInterval} apart. One {@value #SPEED_CHANGE} event per
 * such pair, at the later fix, from {@code "steady"} to {@code "accelerating"} or {@code "decelerating"};
 * the machine has no lasting state to leave, so the pair of names only says which way.
 *
 * <p>Only fixes with SOG count (AIS 102.3 "not available" reaches us as NaN): a fix without it is
 * ignored, so the next one is compared with the last fix that had one, over the time between them.
 * A longer interval than maxInterval is a gap, not a sudden change, and publishes nothing. No position
 * is needed. A fix at or before the last one is ignored (a redelivery or late fix). The state is the
 * previous reading, so unlike the other behaviour detectors it is replaced on every fix with SOG.
 */
public final class SpeedChangeDetector implements Detector<SpeedChangeDetector.State> {

    public static final String NAME = "speed-change";
    public static final String SPEED_CHANGE = "SPEED_CHANGE";

    /**
     * Thresholds.
     *
     * @param minChangeKnots a change by more than this is sudden
     * @param maxInterval    if it happens within this time
     */
    public record Settings(double minChangeKnots, Duration maxInterval) {

        /**
         * 5 kn within 60 s: an engineering default, not a published threshold. DESIGN.md §6 names none;
         * RTEC consumes speed-change events from its trajectory-synopsis preprocessing rather than
         * defining a threshold of its own. 5 kn in a minute is far beyond AIS SOG noise (0.1 kn steps)
         * and beyond the routine speed changes of large ships, yet well within a fast craft's.
         */
        public static final Settings DEFAULTS = new Settings(5.0, Duration.ofSeconds(60));

        public Settings {
            Inputs.requirePositive(minChangeKnots, "minChangeKnots");
            Inputs.requirePositive(maxInterval, "maxInterval");
        }
    }

    /**
     * The previous reading.
     *
     * @param lastMillis    event time of the last fix with SOG, or Long.MIN_VALUE
     * @param lastSogKnots  its SOG, or NaN
     */
    public record State(long lastMillis, double lastSogKnots) {

        public static final State INITIAL = new State(Long.MIN_VALUE, Double.NaN);

        /** Checkpoint form: the time (about 6 bytes) and the speed as it is (8 bytes, to compare exactly). */
        static void write(State s, StateOut out) throws IOException {
            out.writeTimeMillis(s.lastMillis, Long.MIN_VALUE);
            out.writeDouble(s.lastSogKnots);
        }

        static State read(StateIn in, VesselId vessel) throws IOException {
            State s = new State(in.readTimeMillis(Long.MIN_VALUE), in.readDouble());
            return s.equals(INITIAL) ? INITIAL : s;
        }
    }

    private final Settings settings;

    public SpeedChangeDetector() {
        this(Settings.DEFAULTS);
    }

    public SpeedChangeDetector(Settings settings) {
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
        double sog = fix.sogKnots();
        if (t <= state.lastMillis() || Double.isNaN(sog)) {
            return Step.quiet(state);
        }
        State next = new State(t, sog);
        double delta = sog - state.lastSogKnots();
        boolean sudden = !Double.isNaN(delta) && Math.abs(delta) > settings.minChangeKnots()
                && t - state.lastMillis() <= settings.maxInterval().toMillis();
        if (!sudden) {
            return Step.quiet(next);
        }
        Map<String, Object> details = Map.of("fromKnots", state.lastSogKnots(), "toKnots", sog,
                "deltaKnots", delta, "seconds", Inputs.seconds(state.lastMillis(), t));
        Event event = Event.transition(SPEED_CHANGE, NAME, "steady", delta > 0 ? "accelerating" : "decelerating",
                fix, ctx.wallClock(), details);
        return Step.of(next, event);
    }
}
