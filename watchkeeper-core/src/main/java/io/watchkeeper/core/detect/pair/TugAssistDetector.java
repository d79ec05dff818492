package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.ShipType;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A tug assisting another vessel, after RTEC's "tugging" pattern (see {@link TugAssistSettings#DEFAULTS}).
 *
 * <p>A vessel is a tug when its AIS ship type is 52 ({@link ShipType#isTug}, from
 * {@link DetectorContext#vesselInfo} as of its latest fix) or its id key is in
 * {@link TugAssistSettings#tugVessels()}. As in RTEC, a pair is exactly one tug and one other vessel,
 * and neither may be a pilot vessel (ship type 50). The conditions hold at a fix of either when they
 * are within {@code distanceMetres}, both speeds are within {@code minSpeedKnots..maxSpeedKnots} and
 * within {@code maxSpeedDifferenceKnots} of each other, and the courses within
 * {@code maxCourseDifferenceDegrees} (speeds and courses from each vessel's latest fix; a missing speed
 * fails, a missing course skips the course check).
 * <ul>
 *   <li>{@code TUG_ASSIST_START} (from {@code close} to {@code assisting}) at the first fix at which the
 *       conditions have held without a break for more than {@code minDuration}.</li>
 *   <li>{@code TUG_ASSIST_END} (from {@code assisting}) to {@code apart} at a fix that finds them more than
 *       {@code exitDistanceMetres} apart; to {@code conditions} when the conditions have failed for
 *       {@code graceDuration}, at the time the grace ran out; to {@code silent} when either has not been
 *       heard from for {@code silenceDuration}, at the time the silence was complete.</li>
 * </ul>
 * Each event is emitted for both vessels, lower id key first (see {@link PairEvents}). Details:
 * {@code tug}, {@code assisted} (id keys), {@code tugName}/{@code assistedName} when known,
 * {@code otherVessel}, {@code vesselName}/{@code otherVesselName} when known, {@code startTime}
 * (ISO-8601, when the conditions began to hold), {@code durationSeconds} (how long they held: up to the
 * START, or up to the last fix at which they held for END), {@code distanceMetres} (latest), and for
 * END {@code reason} ({@code apart}, {@code conditions} or {@code silent}).
 *
 * <p>Each pair's lifecycle is a {@link Machine}: {@code close} to {@code assisting}, then {@code apart},
 * {@code conditions} or {@code silent}; a pair that ends before assisting goes to {@code dropped}
 * without an event. The grace is not a timer of the library: a fix that finds them apart after the
 * grace ran out ends the assist as {@code apart}, where a library timer would have fired first (see
 * {@link PairTracker}); its due time is {@link #ownDueMillis}.
 */
public final class TugAssistDetector extends PairTracker<Tugging> {

    /** Name of the machine, in events and their ids. */
    public static final String NAME = "tug-assist";
    public static final String START = "TUG_ASSIST_START";
    public static final String END = "TUG_ASSIST_END";

    /** A pair's states; the lower-case names are {@code body.from}/{@code body.to} of its events. */
    enum Stage { CLOSE, ASSISTING, APART, CONDITIONS, SILENT, DROPPED }

    private static final byte TUG = 1;
    private static final byte PILOT = 2;
    private static final int PILOT_VESSEL_TYPE = 50;

    private final TugAssistSettings settings;
    private final long graceMillis;

    public TugAssistDetector() {
        this(TugAssistSettings.DEFAULTS);
    }

    public TugAssistDetector(TugAssistSettings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")), settings.distanceMetres(),
                settings.exitDistanceMetres(), settings.silenceDuration(), settings.maxPairsPerVessel());
        this.settings = settings;
        this.graceMillis = settings.graceDuration().toMillis();
    }

    /**
     * What one input means to a pair.
     *
     * @param next      the pair's data after it
     * @param starts    the conditions hold and have held for more than {@code minDuration}
     * @param graceOver the conditions have failed for {@code graceDuration}
     */
    record Assist(PairInput in, boolean silent, double distanceMetres, Tugging next, boolean starts,
                  boolean graceOver) {
    }

    private static Machine<Tugging, Assist> definition(TugAssistSettings s) {
        return Machine.<Tugging, Assist>named(NAME).states(Stage.class).initial(Stage.CLOSE, Tugging.starting(true))
                .read((at, fix, ctx) -> assist(s, at, PairInput.of(ctx))).update((data, r) -> r.next())
                .codec(Tugging.CODEC)
                .on(Stage.CLOSE, Stage.DROPPED).when("silent", Assist::silent)
                .on(Stage.CLOSE, Stage.DROPPED).when("beyond distance",
                        r -> r.distanceMetres() > s.exitDistanceMetres() || r.distanceMetres() > s.distanceMetres())
                .on(Stage.CLOSE, Stage.ASSISTING).when("held long enough", Assist::starts)
                .publish(START, (before, fix, r) -> details(r, r.in().atMillis(), null))
                .on(Stage.ASSISTING, Stage.SILENT).when("silent", Assist::silent)
                .publish(END, (before, fix, r) -> details(r, r.next().lastHeldMillis(), "silent"))
                .on(Stage.ASSISTING, Stage.APART).when("beyond exit distance", r -> r.distanceMetres() > s.exitDistanceMetres())
                .publish(END, (before, fix, r) -> details(r, r.next().lastHeldMillis(), "apart"))
                .on(Stage.ASSISTING, Stage.CONDITIONS).when("grace over", Assist::graceOver)
                .publish(END, (before, fix, r) -> details(r, r.next().lastHeldMillis(), "conditions"))
                .build();
    }

    /** At a fix: apart first, then whether the conditions hold, then (assisting) whether the grace ran out. */
    private static Assist assist(TugAssistSettings s, Place<Tugging> at, PairInput in) {
        Tugging before = at.data();
        if (in.kind() != PairInput.Kind.FIX) {
            return new Assist(in, in.kind() == PairInput.Kind.SILENT, Double.NaN, before, false,
                    in.kind() == PairInput.Kind.DUE);
        }
        double metres = in.distanceMetres();
        if (metres > s.exitDistanceMetres()) {
            return new Assist(in, false, metres, before.at(metres), false, false);
        }
        long now = in.atMillis();
        boolean assisting = at.state() == Stage.ASSISTING.ordinal();
        if (metres <= s.distanceMetres() && conditionsHold(s, in.lowFix(), in.highFix())) {
            Tugging next = before.heldAt(now, metres);
            return new Assist(in, false, metres, next, !assisting && now - next.sinceMillis() > s.minDuration().toMillis(),
                    false);
        }
        return new Assist(in, false, metres, before.failedAt(metres, !assisting), false,
                assisting && now - before.lastHeldMillis() >= s.graceDuration().toMillis());
    }

    @Override
    public String name() {
        return NAME;
    }

    public TugAssistSettings settings() {
        return settings;
    }

    @Override
    byte flagsOf(Fix fix, DetectorContext ctx) {
        VesselInfo info = ctx.vesselInfo(fix.vessel());
        int type = info == null ? -1 : info.shipType();
        byte flags = 0;
        if (ShipType.isTug(type) || settings.tugVessels().contains(fix.vessel().key())) {
            flags |= TUG;
        }
        if (type == PILOT_VESSEL_TYPE) {
            flags |= PILOT;
        }
        return flags;
    }

    @Override
    boolean mayStartPairs(int slot, DetectorContext ctx) {
        // Only a tug under way looks for a ship to assist: every pair has exactly one tug, which
        // reports at least every 10 s, so the other side's search would only find the same pairs
        // again, at the cost of a grid search on every fix of every ship.
        return (grid.flags(slot) & TUG) != 0 && tuggingSpeed(settings, grid.fix(slot).sogKnots());
    }

    @Override
    boolean mayPair(int a, int b) {
        int fa = grid.flags(a);
        int fb = grid.flags(b);
        return ((fa ^ fb) & TUG) != 0 && ((fa | fb) & PILOT) == 0;
    }

    @Override
    Tugging newPair(int low, int high, long nowMillis) {
        return Tugging.starting((grid.flags(low) & TUG) != 0);
    }

    /** An assist whose conditions failed ends when the grace runs out, if no fix ends it before. */
    @Override
    long ownDueMillis(Place<Tugging> place) {
        return place.state() == Stage.ASSISTING.ordinal() && !place.data().holding()
                ? place.data().lastHeldMillis() + graceMillis : Long.MAX_VALUE;
    }

    /** An END for the conditions is dated when the grace ran out, even when a later fix found it. */
    @Override
    long eventMillis(Place<Tugging> before, Event event, long atMillis) {
        return event.to().equals("conditions") ? before.data().lastHeldMillis() + graceMillis : atMillis;
    }

    private static boolean conditionsHold(TugAssistSettings s, Fix a, Fix b) {
        double sa = a.sogKnots();
        double sb = b.sogKnots();
        if (!tuggingSpeed(s, sa) || !tuggingSpeed(s, sb) || Math.abs(sa - sb) > s.maxSpeedDifferenceKnots()) {
            return false;
        }
        double course = Geo.angleBetween(a.cogDegrees(), b.cogDegrees());
        return Double.isNaN(course) || course <= s.maxCourseDifferenceDegrees();
    }

    private static boolean tuggingSpeed(TugAssistSettings s, double knots) {
        return knots >= s.minSpeedKnots() && knots <= s.maxSpeedKnots();
    }

    /** START lasts up to its fix, END up to the last fix at which the conditions held. */
    private static Map<String, Object> details(Assist r, long untilMillis, @Nullable String reason) {
        Tugging t = r.next();
        VesselId tug = t.tugIsLow() ? r.in().low() : r.in().high();
        VesselId assisted = t.tugIsLow() ? r.in().high() : r.in().low();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tug", tug.key());
        details.put("assisted", assisted.key());
        PairEvents.putName(details, "tugName", tug, r.in());
        PairEvents.putName(details, "assistedName", assisted, r.in());
        details.put("startTime", Instant.ofEpochMilli(t.sinceMillis()).toString());
        details.put("durationSeconds", (untilMillis - t.sinceMillis()) / 1000);
        details.put("distanceMetres", PairEvents.roundTenth(t.distanceMetres()));
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }
}
