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
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Speeding inside a {@link ZoneKind#SPEED_LIMIT} zone: SOG above the zone's limit plus a tolerance,
 * for a minimum time.
 *
 * <p>The zone that counts is the most restrictive {@code SPEED_LIMIT} zone containing the fix (its
 * {@link Zone#speedLimitKnots()}, or {@link Settings#defaultLimitKnots} when it has none). A fix above
 * limit + {@link Settings#toleranceKnots} starts a pending run; a fix in the same zone still above
 * limit + tolerance at least {@link Settings#minDuration} after the first publishes
 * {@value #SPEEDING_START} (at that fix), as long as no two fixes of the run are more than
 * {@link Settings#maxFixGap} apart. Once speeding, the vessel stays so down to the limit itself (the
 * tolerance is the hysteresis band); {@value #SPEEDING_END} follows on the first fix at or below the
 * limit, outside the zone, or in another zone (which may then start a run of its own). Both events
 * carry the zone id in their id, so two zones never share one.
 *
 * <p>Fixes without SOG or without a valid lat/lon are ignored, and so is a fix at or before the last
 * fix that changed the state. Outside pending runs the state changes only on transitions and on a new
 * maximum speed, so the common path allocates nothing.
 *
 * <p>Not a {@link io.watchkeeper.core.fsm.Machine}, the one behaviour detector written by hand, for two
 * reasons the library cannot express yet. Its events carry the zone id as the key of their event id
 * ({@link Event#at}), which the library's declared publishing does not set, so every SPEEDING_START
 * and SPEEDING_END id would change. And one fix can publish two events: leaving one zone's run
 * (SPEEDING_END) and, with a minDuration of zero, starting the next zone's at once (SPEEDING_START),
 * where a machine takes one transition per fix.
 */
public final class SpeedingDetector implements Detector<SpeedingDetector.State> {

    public static final String NAME = "speeding";
    public static final String SPEEDING_START = "SPEEDING_START";
    public static final String SPEEDING_END = "SPEEDING_END";

    private static final String NORMAL = "normal";
    private static final String SPEEDING = "speeding";

    /**
     * Thresholds.
     *
     * @param defaultLimitKnots limit of a SPEED_LIMIT zone that states none
     * @param toleranceKnots    how far above the limit a vessel must go before it counts as speeding
     * @param minDuration       how long it must stay there
     * @param maxFixGap         a longer silence inside a pending run restarts it
     */
    public record Settings(double defaultLimitKnots, double toleranceKnots, Duration minDuration,
                           Duration maxFixGap) {

        /**
         * 5 kn: RTEC's "high speed near coast" threshold ({@code hcNearCoastMax = 5.0}, DESIGN.md §6;
         * Pitsikalis et al., RTEC maritime thresholds for the Brest data set), used only for zones without
         * a limit of their own. 0.5 kn, 60 s and 3 min are engineering defaults: AIS SOG has 0.1 kn
         * resolution and GNSS speed noise of a few tenths of a knot, RTEC flags single fixes, and 3 min
         * is the longest ITU-R M.1371 Class A reporting interval.
         */
        public static final Settings DEFAULTS = new Settings(5.0, 0.5, Duration.ofSeconds(60), Duration.ofMinutes(3));

        public Settings {
            Inputs.requirePositive(defaultLimitKnots, "defaultLimitKnots");
            Inputs.requireNonNegative(toleranceKnots, "toleranceKnots");
            Inputs.requireNonNegative(minDuration, "minDuration");
            Inputs.requirePositive(maxFixGap, "maxFixGap");
        }
    }

    /**
     * Per-vessel state.
     *
     * @param zoneId        id of the zone of the pending or ongoing run (a reference to the zone's own
     *                      string, not a copy); null when normal
     * @param speeding      true once SPEEDING_START was published
     * @param limitKnots    that zone's limit; NaN when normal
     * @param sinceMillis   event time of the run's first fix
     * @param changedMillis event time of the last change, the guard against redelivered and late fixes
     * @param maxKnots      highest SOG of the run
     */
    public record State(@Nullable String zoneId, boolean speeding, double limitKnots, long sinceMillis,
                        long changedMillis, double maxKnots) {

        public static final State INITIAL = new State(null, false, Double.NaN, Long.MIN_VALUE, Long.MIN_VALUE,
                Double.NaN);

        public State {
            if (speeding && zoneId == null) {
                throw new IllegalArgumentException("speeding needs a zone");
            }
        }

        /**
         * Checkpoint form: the flag, the last change in full and, during a run, the zone id, the run's
         * start relative to the last change, and limit and maximum as they are: 7 bytes when normal,
         * about 30 in a run. On reading, a run in a zone that no longer exists is dropped, as if the
         * vessel had never been in it (no SPEEDING_END for a zone nobody has any more).
         */
        static final StateCodec<State> CODEC = new StateCodec<>() {
            @Override
            public void write(State s, StateOut out) throws IOException {
                out.writeBoolean(s.speeding);
                out.writeTimeMillis(s.changedMillis, Long.MIN_VALUE);
                out.writeShortString(s.zoneId);
                if (s.zoneId != null) {
                    out.writeTimeMillis(s.sinceMillis, s.changedMillis);
                    out.writeDouble(s.limitKnots);
                    out.writeDouble(s.maxKnots);
                }
            }

            @Override
            public State read(StateIn in, VesselId vessel) throws IOException {
                boolean speeding = in.readBoolean();
                long changed = in.readTimeMillis(Long.MIN_VALUE);
                String zoneId = in.readShortString();
                if (zoneId == null) {
                    if (speeding) {
                        throw new IOException("corrupt checkpoint: speeding without a zone");
                    }
                    return changed == Long.MIN_VALUE ? INITIAL : normal(changed);
                }
                long since = in.readTimeMillis(changed);
                double limit = in.readDouble();
                double max = in.readDouble();
                Zone zone = in.zone(zoneId);
                if (zone == null) {
                    return normal(changed);
                }
                return new State(zone.id(), speeding, limit, since, changed, max);
            }
        };

        static State normal(long changedMillis) {
            return new State(null, false, Double.NaN, Long.MIN_VALUE, changedMillis, Double.NaN);
        }
    }

    private final Settings settings;

    public SpeedingDetector() {
        this(Settings.DEFAULTS);
    }

    public SpeedingDetector(Settings settings) {
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
        return State.CODEC;
    }

    @Override
    public Step<State> step(State state, Fix fix, DetectorContext ctx) {
        long t = Inputs.millis(fix);
        if (t <= state.changedMillis() || Double.isNaN(fix.sogKnots()) || !Inputs.hasPosition(fix)) {
            return Step.quiet(state);
        }
        @Nullable Zone zone = strictestZone(ctx);
        if (state.speeding()) {
            return whileSpeeding(state, fix, t, zone, ctx);
        }
        if (state.zoneId() != null && zone != null && state.zoneId().equals(zone.id())
                && fix.sogKnots() > state.limitKnots() + settings.toleranceKnots()
                && t - state.changedMillis() <= settings.maxFixGap().toMillis()) {
            return pendingContinues(state, fix, t, zone, ctx);
        }
        return fromNormal(state, fix, t, zone, ctx);
    }

    /** No run, or a run that this fix breaks: start a new one if the fix is over a limit. */
    private Step<State> fromNormal(State state, Fix fix, long t, @Nullable Zone zone, DetectorContext ctx) {
        double sog = fix.sogKnots();
        if (zone == null || !(sog > limitOf(zone) + settings.toleranceKnots())) {
            return state.zoneId() == null ? Step.quiet(state) : Step.quiet(State.normal(t));
        }
        State pending = new State(zone.id(), false, limitOf(zone), t, t, sog);
        return settings.minDuration().isZero() ? start(pending, fix, t, zone, ctx) : Step.quiet(pending);
    }

    private Step<State> pendingContinues(State state, Fix fix, long t, Zone zone, DetectorContext ctx) {
        double max = Math.max(state.maxKnots(), fix.sogKnots());
        State pending = new State(state.zoneId(), false, state.limitKnots(), state.sinceMillis(), t, max);
        return t - state.sinceMillis() >= settings.minDuration().toMillis()
                ? start(pending, fix, t, zone, ctx)
                : Step.quiet(pending);
    }

    private Step<State> start(State pending, Fix fix, long t, Zone zone, DetectorContext ctx) {
        Map<String, Object> details = Map.of("zoneId", zone.id(), "zoneName", zone.name(),
                "limitKnots", pending.limitKnots(), "sogKnots", fix.sogKnots(),
                "sinceSeconds", Inputs.seconds(pending.sinceMillis(), t));
        Event event = Event.at(SPEEDING_START, NAME, NORMAL, SPEEDING, fix, fix.time(), ctx.wallClock(), details,
                zone.id());
        State speeding = new State(zone.id(), true, pending.limitKnots(), pending.sinceMillis(), t,
                pending.maxKnots());
        return Step.of(speeding, event);
    }

    private Step<State> whileSpeeding(State state, Fix fix, long t, @Nullable Zone zone, DetectorContext ctx) {
        double sog = fix.sogKnots();
        boolean sameZone = zone != null && zone.id().equals(state.zoneId());
        if (sameZone && sog > state.limitKnots()) {
            return sog > state.maxKnots()
                    ? Step.quiet(new State(state.zoneId(), true, state.limitKnots(), state.sinceMillis(), t, sog))
                    : Step.quiet(state);
        }
        String zoneId = Objects.requireNonNull(state.zoneId(), "zoneId");
        Map<String, Object> details = Map.of("zoneId", zoneId, "limitKnots", state.limitKnots(),
                "maxKnots", state.maxKnots(), "sogKnots", sog,
                "durationSeconds", Inputs.seconds(state.sinceMillis(), t),
                "reason", sameZone ? "speed" : "zone");
        Event end = Event.at(SPEEDING_END, NAME, SPEEDING, NORMAL, fix, fix.time(), ctx.wallClock(), details, zoneId);
        Step<State> next = fromNormal(State.normal(t), fix, t, zone, ctx);
        List<Event> events = new ArrayList<>(1 + next.events().size());
        events.add(end);
        events.addAll(next.events());
        return new Step<>(next.state(), events);
    }

    private double limitOf(Zone zone) {
        double limit = zone.speedLimitKnots();
        return Double.isNaN(limit) ? settings.defaultLimitKnots() : limit;
    }

    /** The SPEED_LIMIT zone containing the fix with the lowest limit (the first of equals), or null. */
    private @Nullable Zone strictestZone(DetectorContext ctx) {
        @Nullable Zone best = null;
        for (ZoneHit hit : ctx.zones()) {
            if (!hit.inside()) {
                break; // inside hits come first
            }
            if (hit.zone().kind() == ZoneKind.SPEED_LIMIT && (best == null || limitOf(hit.zone()) < limitOf(best))) {
                best = hit.zone();
            }
        }
        return best;
    }
}
