package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
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
 * next fix, which first catches up with the timer (any fix, even one this detector then ignores). Either way the event is the same, cause (the fix
 * that began the slow period) and id included, so the sweep interval never shows in the output.
 * {@value #LOITERING_END} follows on the first fix above the exit speed or inside a port zone.
 *
 * <p>A silence does not end a slow period: the vessel is taken to keep its last known behaviour, and
 * the gap detector reports the silence. GFW's second condition, at least 20 nm from shore on average,
 * is out of scope: there is no coastline in the zone set. Port zones stand in for it near ports.
 *
 * <p>A machine of two states, {@code normal} and {@code loitering}, so that both events name the
 * states they leave and enter. A slow period not yet long enough ({@link Phase#SLOW}) is
 * {@code normal} with {@link Slow#YES} as data and a timer; its first fix is the place's latest fix,
 * because every fix that changes nothing is ignored: the place keeps the fix that last changed it,
 * which is the cause of {@value #LOITERING_START} and the start that {@value #LOITERING_END} reports.
 *
 * <p>Fixes without a valid lat/lon (the port test needs one) or without SOG say nothing here and are
 * ignored. A fix at or before the last fix that changed the place, or before the time loitering was
 * confirmed, is ignored too (a redelivery or late fix; the engine drops them already). The place
 * changes only on transitions, so the common path allocates nothing.
 */
public final class LoiteringDetector extends Machine<LoiteringDetector.Slow, LoiteringDetector.Reading> {

    public static final String NAME = "loitering";
    public static final String LOITERING_START = "LOITERING_START";
    public static final String LOITERING_END = "LOITERING_END";

    private static final String NORMAL = "normal";
    private static final String LOITERING = "loitering";
    /** Index of {@link #LOITERING} in the machine's states. */
    private static final int LOITERING_STATE = 1;

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

    /**
     * Where a vessel stands, as {@link #phaseOf} reads it from the place. SLOW is a slow period not yet
     * long enough: it publishes nothing.
     */
    public enum Phase { NORMAL, SLOW, LOITERING }

    /** What the machine keeps besides its state and latest fix: whether a slow period is going on. */
    public record Slow(boolean slow) {

        public static final Slow NO = new Slow(false);
        public static final Slow YES = new Slow(true);

        static Slow of(boolean slow) {
            return slow ? YES : NO;
        }

        /** Checkpoint form: one byte. */
        static final StateCodec<Slow> CODEC = StateCodec.oneOf(NO, YES);
    }

    /**
     * A fix that changes the place: one that begins a slow period, or one that ends it (too fast, or
     * in {@code port}).
     */
    record Reading(boolean slow, @Nullable ZoneHit port) {

        static final Reading SLOW = new Reading(true, null);
        static final Reading FAST = new Reading(false, null);
    }

    private final Settings settings;

    public LoiteringDetector() {
        this(Settings.DEFAULTS);
    }

    public LoiteringDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Where the vessel of this place stands. A slow period needs its first fix: a place without one,
     * which only a damaged checkpoint can give, counts as normal, so that the next slow fix repairs it.
     */
    public static Phase phaseOf(Place<Slow> place) {
        if (place.lastFix() == null) {
            return Phase.NORMAL;
        }
        if (place.state() == LOITERING_STATE) {
            return Phase.LOITERING;
        }
        return place.data().slow() ? Phase.SLOW : Phase.NORMAL;
    }

    /** Event time the slow period began, or Long.MIN_VALUE in {@link Phase#NORMAL}. */
    public static long sinceMillis(Place<Slow> place) {
        return phaseOf(place) == Phase.NORMAL ? Long.MIN_VALUE : place.lastFixMillis();
    }

    private static Machine<Slow, Reading> definition(Settings settings) {
        long minMillis = settings.minDuration().toMillis();
        return Machine.<Slow, Reading>named(NAME).states(NORMAL, LOITERING).initial(NORMAL, Slow.NO)
                .read((at, fix, ctx) -> read(settings, at, fix, ctx))
                .update((data, r) -> Slow.of(r.slow())).codec(Slow.CODEC)
                // Due minDuration after the slow period's first fix, which the place keeps as its latest.
                .on(NORMAL, LOITERING).after((entered, last, slow) -> slow.slow() ? Timer.plus(last, minMillis) : NO_TIMER)
                .publish(LOITERING_START, (before, start, r) -> startDetails(settings, start))
                .on(LOITERING, NORMAL).when("faster than exit speed, or in a port", r -> !r.slow())
                .publish(LOITERING_END, LoiteringDetector::endDetails)
                .build();
    }

    /** What the fix does here, or null if it changes nothing (or is late, redelivered or incomplete). */
    private static @Nullable Reading read(Settings settings, Place<Slow> at, Fix fix, DetectorContext ctx) {
        long t = Inputs.millis(fix);
        double sog = fix.sogKnots();
        // Late: at or before the fix that last changed the place, or before loitering was confirmed (a
        // timer's entry time is later than its cause, the latest fix).
        if (t <= at.lastFixMillis() || t < at.enteredAtMillis() || Double.isNaN(sog) || !Inputs.hasPosition(fix)) {
            return null;
        }
        if (phaseOf(at) == Phase.NORMAL) {
            return sog < settings.maxSpeedKnots() && portHit(ctx) == null ? Reading.SLOW : null;
        }
        if (sog > settings.exitSpeedKnots()) {
            return Reading.FAST; // too fast ends it for speed, in a port or not
        }
        ZoneHit port = portHit(ctx);
        return port == null ? null : new Reading(false, port);
    }

    /** The slow period has lasted minDuration: LOITERING_START at the due time, caused by its first fix. */
    private static Map<String, Object> startDetails(Settings settings, Fix start) {
        return Map.of("durationSeconds", settings.minDuration().toMillis() / 1000.0,
                "startLat", start.lat(), "startLon", start.lon(), "startSogKnots", start.sogKnots());
    }

    private static Map<String, Object> endDetails(Place<Slow> before, Fix fix, @Nullable Reading r) {
        Fix start = Objects.requireNonNull(before.lastFix(), "start");
        double seconds = Inputs.seconds(Inputs.millis(start), Inputs.millis(fix));
        ZoneHit port = Objects.requireNonNull(r, "reading").port();
        return port == null
                ? Map.of("durationSeconds", seconds, "startLat", start.lat(), "startLon", start.lon(),
                        "reason", "speed", "sogKnots", fix.sogKnots())
                : Map.of("durationSeconds", seconds, "startLat", start.lat(), "startLon", start.lon(),
                        "reason", "port", "zoneId", port.zone().id());
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
