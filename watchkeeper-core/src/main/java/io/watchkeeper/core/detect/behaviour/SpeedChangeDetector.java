package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A sudden speed change: SOG differs by more than {@link Settings#minChangeKnots} between two
 * consecutive fixes at most {@link Settings#maxInterval} apart. One {@value #SPEED_CHANGE} event per
 * such pair, at the later fix, from {@code "steady"} to {@code "accelerating"} or {@code "decelerating"};
 * the pair of names only says which way.
 *
 * <p>Only fixes with SOG count (AIS 102.3 "not available" reaches us as NaN): a fix without it is
 * ignored, so the next one is compared with the last fix that had one, over the time between them.
 * A longer interval than maxInterval is a gap, not a sudden change, and publishes nothing. No position
 * is needed. A fix at or before the last one is ignored (a redelivery or late fix).
 *
 * <p>A machine whose only lasting state is {@code steady}: {@code accelerating} and {@code decelerating}
 * last no time (a timer of zero leads back to {@code steady}, silently, before the next fix is read),
 * so every event leaves {@code steady}. The previous reading is the place's latest fix, replaced on
 * every fix with SOG; there is no other data.
 */
public final class SpeedChangeDetector extends Machine<SpeedChangeDetector.Nothing, SpeedChangeDetector.Change> {

    public static final String NAME = "speed-change";
    public static final String SPEED_CHANGE = "SPEED_CHANGE";

    private static final String STEADY = "steady";
    private static final String ACCELERATING = "accelerating";
    private static final String DECELERATING = "decelerating";

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

    /** The machine keeps nothing besides its state and latest fix. */
    public record Nothing() {

        public static final Nothing NOTHING = new Nothing();

        /** Checkpoint form: no bytes. */
        static final StateCodec<Nothing> CODEC = new StateCodec<>() {
            @Override
            public void write(Nothing state, StateOut out) {
            }

            @Override
            public Nothing read(StateIn in, VesselId vessel) {
                return NOTHING;
            }
        };
    }

    /**
     * What a fix with SOG is against the previous one: {@link #NONE} if not a sudden change.
     *
     * @param fromKnots the previous SOG
     * @param deltaKnots the change, signed
     * @param seconds   the time between the two fixes
     */
    record Change(double fromKnots, double deltaKnots, double seconds) {

        static final Change NONE = new Change(Double.NaN, Double.NaN, Double.NaN);

        boolean up() {
            return deltaKnots > 0;
        }

        boolean down() {
            return deltaKnots < 0;
        }
    }

    private final Settings settings;

    public SpeedChangeDetector() {
        this(Settings.DEFAULTS);
    }

    public SpeedChangeDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<Nothing, Change> definition(Settings settings) {
        return Machine.<Nothing, Change>named(NAME).states(STEADY, ACCELERATING, DECELERATING)
                .initial(STEADY, Nothing.NOTHING).read((at, fix, ctx) -> read(settings, at, fix)).codec(Nothing.CODEC)
                .on(STEADY, ACCELERATING).when("sudden rise", Change::up).publish(SPEED_CHANGE, SpeedChangeDetector::details)
                .on(STEADY, DECELERATING).when("sudden fall", Change::down).publish(SPEED_CHANGE, SpeedChangeDetector::details)
                .on(ACCELERATING, STEADY).after(Timer.inState(Duration.ZERO))
                .on(DECELERATING, STEADY).after(Timer.inState(Duration.ZERO))
                .build();
    }

    /** The change since the latest fix, or null for a fix without SOG, late or redelivered. */
    private static @Nullable Change read(Settings settings, Place<Nothing> at, Fix fix) {
        long t = Inputs.millis(fix);
        double sog = fix.sogKnots();
        if (t <= at.lastFixMillis() || Double.isNaN(sog)) {
            return null;
        }
        Fix last = at.lastFix();
        if (last == null || t - at.lastFixMillis() > settings.maxInterval().toMillis()) {
            return Change.NONE;
        }
        double delta = sog - last.sogKnots();
        return Math.abs(delta) > settings.minChangeKnots()
                ? new Change(last.sogKnots(), delta, Inputs.seconds(at.lastFixMillis(), t))
                : Change.NONE;
    }

    private static Map<String, Object> details(Place<Nothing> before, Fix fix, @Nullable Change c) {
        Change change = Objects.requireNonNull(c, "change");
        return Map.of("fromKnots", change.fromKnots(), "toKnots", fix.sogKnots(), "deltaKnots", change.deltaKnots(),
                "seconds", change.seconds());
    }
}
