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
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Loitering as Global Fishing Watch defines it: one vessel going slower than 2 kn for a long time
 * outside ports, the behaviour of a vessel meeting another that does not transmit AIS.
 *
 * <p>A slow period starts at the first fix below {@link Settings#maxSpeedKnots} that is not inside a
 * {@code PORT}, {@code ANCHORAGE} or {@code BERTH} zone, and lasts while the speed stays at or below
 * {@link Settings#exitSpeedKnots} (the hysteresis band) outside those zones. Once it has lasted
 * {@link Settings#minDuration}, {@value #LOITERING_START} is published with the <em>due</em> time, start
 * + minDuration, whichever way it is noticed: by the engine's timer sweep ({@link #onTime}) or by the
 * next fix, which first catches up with the timer. Either way the event is the same, cause (the fix
 * that began the slow period) and id included, so the sweep interval never shows in the output.
 * {@value #LOITERING_END} follows on the first fix above the exit speed or inside a port zone.
 *
 * <p>A silence does not end a slow period: the vessel is taken to keep its last known behaviour, and
 * the gap detector reports the silence. GFW's second condition, at least 20 nm from shore on average,
 * is out of scope: there is no coastline in the zone set. Port zones stand in for it near ports.
 *
 * <p>Fixes without a valid lat/lon (the port test needs one) or without SOG say nothing here and are
 * ignored. A fix at or before the last fix that changed the state is ignored too (a redelivery or
 * late fix; the engine drops them already). The state changes only on transitions, so the common path
 * allocates nothing.
 */
public final class LoiteringDetector implements Detector<LoiteringDetector.State> {

    public static final String NAME = "loitering";
    public static final String LOITERING_START = "LOITERING_START";
    public static final String LOITERING_END = "LOITERING_END";

    private static final String NORMAL = "normal";
    private static final String LOITERING = "loitering";

    /**
     * Thresholds.
     *
     * @param maxSpeedKnots  a slow period starts below this speed
     * @param exitSpeedKnots and ends above this one (hysteresis); at least maxSpeedKnots
     * @param minDuration    how long a slow period must last to be loitering
     */
    public record Settings(double maxSpeedKnots, double exitSpeedKnots, Duration minDuration) {

        /**
         * 2 kn: GFW's loitering speed (DESIGN.md §6; GFW technical documentation, "Loitering": average
         * speed below 2 knots). Exit 3 kn: an engineering default, not published: 1 kn above the entry
         * speed absorbs the SOG noise of a slowly drifting ship. 2 h: GFW leaves the duration to the analyst
         * (its source loitering table has no minimum); we take the 2 h of GFW's encounter definition
         * (DESIGN.md §6), because loitering is the one-vessel trace of an encounter whose partner is not
         * transmitting. RTEC uses a shorter 1800 s ({@code loiteringTime}, Pitsikalis et al., Brest
         * thresholds) if earlier warnings are wanted.
         */
        public static final Settings DEFAULTS = new Settings(2.0, 3.0, Duration.ofHours(2));

        public Settings {
            Inputs.requirePositive(maxSpeedKnots, "maxSpeedKnots");
            Inputs.requirePositive(exitSpeedKnots, "exitSpeedKnots");
            if (exitSpeedKnots < maxSpeedKnots) {
                throw new IllegalArgumentException("exitSpeedKnots must be >= maxSpeedKnots, was " + exitSpeedKnots
                        + " < " + maxSpeedKnots);
            }
            Inputs.requirePositive(minDuration, "minDuration");
        }
    }

    /** Where a vessel stands. SLOW is a slow period not yet long enough: it publishes nothing. */
    public enum Phase { NORMAL, SLOW, LOITERING }

    /**
     * Per-vessel state: a few words, replaced only on a transition.
     *
     * @param phase         where the vessel stands
     * @param start         the fix that began the slow period (the cause of LOITERING_START); null in NORMAL
     * @param changedMillis event time of the last change, the guard against redelivered and late fixes
     */
    public record State(Phase phase, @Nullable Fix start, long changedMillis) {

        public static final State INITIAL = new State(Phase.NORMAL, null, Long.MIN_VALUE);

        public State {
            Objects.requireNonNull(phase, "phase");
            if ((phase == Phase.NORMAL) != (start == null)) {
                throw new IllegalArgumentException("a start fix exactly when not NORMAL, phase " + phase);
            }
        }

        /**
         * Checkpoint form: phase (ordinal, see {@link StateOut#writeEnum}), the last change in full and,
         * outside NORMAL, the start fix without its vessel: 7 bytes when normal, about 50 otherwise.
         */
        static void write(State s, StateOut out) throws IOException {
            out.writeEnum(s.phase);
            out.writeTimeMillis(s.changedMillis, Long.MIN_VALUE);
            out.writeFixOf(s.start);
        }

        static State read(StateIn in, VesselId vessel) throws IOException {
            Phase phase = in.readRequiredEnum(Phase.values());
            long changed = in.readTimeMillis(Long.MIN_VALUE);
            Fix start = in.readFixOf(vessel);
            try {
                State s = new State(phase, start, changed);
                return s.equals(INITIAL) ? INITIAL : s;
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt checkpoint: " + e.getMessage(), e);
            }
        }

        /** Event time the slow period began, or Long.MIN_VALUE in NORMAL. */
        public long sinceMillis() {
            return start == null ? Long.MIN_VALUE : Inputs.millis(start);
        }
    }

    private final Settings settings;

    public LoiteringDetector() {
        this(Settings.DEFAULTS);
    }

    public LoiteringDetector(Settings settings) {
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
    public long wakeAtMillis(State state) {
        return state.phase() == Phase.SLOW ? dueMillis(state) : NO_TIMER;
    }

    @Override
    public Step<State> onTime(State state, VesselId vessel, long nowMillis, DetectorContext ctx) {
        if (state.phase() == Phase.SLOW && nowMillis >= dueMillis(state)) {
            return confirm(state, ctx);
        }
        return Step.quiet(state);
    }

    @Override
    public Step<State> step(State state, Fix fix, DetectorContext ctx) {
        long t = Inputs.millis(fix);
        if (t <= state.changedMillis() || Double.isNaN(fix.sogKnots()) || !Inputs.hasPosition(fix)) {
            return Step.quiet(state);
        }
        if (state.phase() == Phase.SLOW && t >= dueMillis(state)) {
            // The timer is due and the sweep has not run yet: do what it would have done, then the fix.
            Step<State> confirmed = confirm(state, ctx);
            Step<State> after = onFix(confirmed.state(), fix, t, ctx);
            List<Event> events = new ArrayList<>(confirmed.events());
            events.addAll(after.events());
            return new Step<>(after.state(), events);
        }
        return onFix(state, fix, t, ctx);
    }

    private Step<State> onFix(State state, Fix fix, long t, DetectorContext ctx) {
        double sog = fix.sogKnots();
        return switch (state.phase()) {
            case NORMAL -> sog < settings.maxSpeedKnots() && portHit(ctx) == null
                    ? Step.quiet(new State(Phase.SLOW, fix, t))
                    : Step.quiet(state);
            case SLOW -> sog > settings.exitSpeedKnots() || portHit(ctx) != null
                    ? Step.quiet(new State(Phase.NORMAL, null, t))
                    : Step.quiet(state);
            case LOITERING -> endIfOver(state, fix, t, ctx);
        };
    }

    private Step<State> endIfOver(State state, Fix fix, long t, DetectorContext ctx) {
        boolean fast = fix.sogKnots() > settings.exitSpeedKnots();
        @Nullable ZoneHit port = fast ? null : portHit(ctx);
        if (!fast && port == null) {
            return Step.quiet(state);
        }
        Fix start = Objects.requireNonNull(state.start(), "start");
        Map<String, Object> details = port == null
                ? Map.of("durationSeconds", Inputs.seconds(state.sinceMillis(), t), "startLat", start.lat(),
                        "startLon", start.lon(), "reason", "speed", "sogKnots", fix.sogKnots())
                : Map.of("durationSeconds", Inputs.seconds(state.sinceMillis(), t), "startLat", start.lat(),
                        "startLon", start.lon(), "reason", "port", "zoneId", port.zone().id());
        Event end = Event.transition(LOITERING_END, NAME, LOITERING, NORMAL, fix, ctx.wallClock(), details);
        return Step.of(new State(Phase.NORMAL, null, t), end);
    }

    /** The slow period has lasted minDuration: LOITERING_START at the due time, caused by its first fix. */
    private Step<State> confirm(State state, DetectorContext ctx) {
        Fix start = Objects.requireNonNull(state.start(), "start");
        long due = dueMillis(state);
        Map<String, Object> details = Map.of("durationSeconds", settings.minDuration().toMillis() / 1000.0,
                "startLat", start.lat(), "startLon", start.lon(), "startSogKnots", start.sogKnots());
        Event event = Event.at(LOITERING_START, NAME, NORMAL, LOITERING, start, Instant.ofEpochMilli(due),
                ctx.wallClock(), details, "");
        return Step.of(new State(Phase.LOITERING, start, due), event);
    }

    private long dueMillis(State state) {
        return Inputs.plus(state.sinceMillis(), settings.minDuration());
    }

    /** The first zone containing the fix in which slow speed is normal business, or null. */
    private static @Nullable ZoneHit portHit(DetectorContext ctx) {
        for (ZoneHit hit : ctx.zones()) {
            if (!hit.inside()) {
                return null; // inside hits come first
            }
            ZoneKind kind = hit.zone().kind();
            if (kind == ZoneKind.PORT || kind == ZoneKind.ANCHORAGE || kind == ZoneKind.BERTH) {
                return hit;
            }
        }
        return null;
    }
}
