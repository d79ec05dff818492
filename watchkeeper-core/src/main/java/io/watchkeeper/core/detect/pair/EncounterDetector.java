package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Two vessels meeting at sea, after Global Fishing Watch's encounter definition (see
 * {@link EncounterSettings#DEFAULTS}): within 500 m of each other for 2 h or more, at a median speed
 * below 2 kn, at least 10 km from any anchorage or port.
 *
 * <ul>
 *   <li>A fix within {@code distanceMetres} of another vessel's latest fix forms a candidate pair
 *       (unless the fix is near an anchorage or port). While the pair stays within that distance,
 *       each fix of either vessel adds its speed over ground to a small histogram; a fix near an
 *       anchorage or port restarts the candidate's clock and histogram, so the whole qualifying time is
 *       spent away from them. A candidate farther apart than {@code distanceMetres} is dropped.</li>
 *   <li>{@code ENCOUNTER_START} (from {@code close} to {@code encounter}) at the time of the fix that
 *       completes {@code minDuration} with more than half the speed samples below
 *       {@code maxMedianSpeedKnots} (the median below the limit). If the speed criterion is met only
 *       later, the start comes at that later fix.</li>
 *   <li>{@code ENCOUNTER_END} (from {@code encounter} to {@code apart}) at the first fix that finds them
 *       more than {@code exitDistanceMetres} apart; or (to {@code silent}) when either vessel has not
 *       been heard from for {@code silenceDuration}, at the time that silence was complete.</li>
 * </ul>
 * Each event is emitted for both vessels, lower id key first (see {@link PairEvents}). Details:
 * {@code otherVessel}, {@code vesselName}/{@code otherVesselName} when known, {@code startTime} (ISO-8601,
 * when the qualifying time began), {@code durationSeconds} (for START up to the starting fix, for END
 * up to the last fix that saw them together), {@code distanceMetres} (latest), {@code
 * medianSpeedKnots} (estimated to 1/8 of the limit), {@code speedSamples}, and for END {@code reason}
 * ({@code apart} or {@code silent}).
 *
 * <p>Each pair's lifecycle is a {@link Machine}: {@code close} (a candidate) to {@code encounter}, then
 * {@code apart} or {@code silent}; a candidate that ends goes to {@code dropped} without an event. The
 * grid and the pairs' bookkeeping are the {@link PairTracker}'s, which also says what of the library
 * does not fit pairs.
 */
public final class EncounterDetector extends PairTracker<Together> {

    /** Name of the machine, in events and their ids. */
    public static final String NAME = "encounter";
    public static final String START = "ENCOUNTER_START";
    public static final String END = "ENCOUNTER_END";

    /** A pair's states; the lower-case names are {@code body.from}/{@code body.to} of its events. */
    enum Stage { CLOSE, ENCOUNTER, APART, SILENT, DROPPED }

    private final EncounterSettings settings;

    public EncounterDetector() {
        this(EncounterSettings.DEFAULTS);
    }

    public EncounterDetector(EncounterSettings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")), settings.distanceMetres(),
                settings.exitDistanceMetres(), settings.silenceDuration(), settings.maxPairsPerVessel());
        this.settings = settings;
    }

    /**
     * What one input means to a pair.
     *
     * @param next      the pair's data after it
     * @param qualifies a candidate has been close for {@code minDuration} at a median speed below the limit
     */
    record Seen(PairInput in, boolean silent, double distanceMetres, Together next, boolean qualifies) {
    }

    private static Machine<Together, Seen> definition(EncounterSettings s) {
        double binKnots = s.maxMedianSpeedKnots() / Together.BINS_BELOW;
        return Machine.<Together, Seen>named(NAME).states(Stage.class).initial(Stage.CLOSE, Together.startingAt(0L))
                .read((at, fix, ctx) -> seen(s, binKnots, at, PairInput.of(ctx))).update((data, r) -> r.next())
                .codec(Together.CODEC)
                .on(Stage.CLOSE, Stage.DROPPED).when("silent", Seen::silent)
                .on(Stage.CLOSE, Stage.DROPPED).when("beyond distance", r -> r.distanceMetres() > s.distanceMetres())
                .on(Stage.CLOSE, Stage.ENCOUNTER).when("long and slow enough", Seen::qualifies)
                .publish(START, (before, fix, r) -> details(r.next(), r.in().atMillis() - r.next().startMillis(),
                        null, binKnots))
                .on(Stage.ENCOUNTER, Stage.SILENT).when("silent", Seen::silent)
                .publish(END, (before, fix, r) -> endDetails(r, "silent", binKnots))
                .on(Stage.ENCOUNTER, Stage.APART).when("beyond exit distance", r -> r.distanceMetres() > s.exitDistanceMetres())
                .publish(END, (before, fix, r) -> endDetails(r, "apart", binKnots))
                .build();
    }

    /**
     * A candidate has no hysteresis (GFW's 500 m must hold the whole time), an encounter ends beyond the
     * exit distance; a pair that ends so counts nothing more. A candidate's fix near an anchorage or port
     * restarts its clock and histogram.
     */
    private static Seen seen(EncounterSettings s, double binKnots, Place<Together> at, PairInput in) {
        Together before = at.data();
        if (in.kind() != PairInput.Kind.FIX) {
            return new Seen(in, true, Double.NaN, before, false);
        }
        double metres = in.distanceMetres();
        boolean candidate = at.state() == Stage.CLOSE.ordinal();
        if (metres > (candidate ? s.distanceMetres() : s.exitDistanceMetres())) {
            return new Seen(in, false, metres, before.at(metres), false);
        }
        long now = in.atMillis();
        Together counted = candidate && nearPort(in, s) ? before.restartedAt(now) : before;
        Together next = counted.seenAt(now, metres, in.self().sogKnots(), binKnots);
        boolean qualifies = candidate && now - next.startMillis() >= s.minDuration().toMillis() && next.medianBelowLimit();
        return new Seen(in, false, metres, next, qualifies);
    }

    @Override
    public String name() {
        return NAME;
    }

    public EncounterSettings settings() {
        return settings;
    }

    @Override
    byte flagsOf(Fix fix, DetectorContext ctx) {
        return 0;
    }

    @Override
    boolean mayStartPairs(int slot, DetectorContext ctx) {
        // A vessel faster than twice the median limit does not start a candidate: two ships meeting
        // that fast are apart again within minutes, and if they slow down together the pair forms on
        // the next slow fix. This spares a grid search and a zone lookup on most fixes at sea; the
        // cost is that an encounter may be dated from the first slow fix, one report later.
        double knots = grid.fix(slot).sogKnots();
        return !(knots > 2 * settings.maxMedianSpeedKnots()) && !nearPort(ctx, settings);
    }

    @Override
    boolean mayPair(int a, int b) {
        return true;
    }

    @Override
    Together newPair(int low, int high, long nowMillis) {
        return Together.startingAt(nowMillis);
    }

    /** END: up to the last fix that saw them together, and why. */
    private static Map<String, Object> endDetails(Seen r, String reason, double binKnots) {
        Together t = r.next();
        return details(t, t.lastTogetherMillis() - t.startMillis(), reason, binKnots);
    }

    private static Map<String, Object> details(Together t, long durationMillis, @Nullable String reason,
                                               double binKnots) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("startTime", Instant.ofEpochMilli(t.startMillis()).toString());
        details.put("durationSeconds", durationMillis / 1000);
        details.put("distanceMetres", PairEvents.roundTenth(t.distanceMetres()));
        details.put("medianSpeedKnots", PairEvents.roundTenth(t.medianKnots(binKnots)));
        details.put("speedSamples", t.samples());
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private static boolean nearPort(DetectorContext ctx, EncounterSettings settings) {
        for (ZoneHit hit : ctx.zones()) {
            ZoneKind kind = hit.zone().kind();
            if ((kind == ZoneKind.ANCHORAGE || kind == ZoneKind.PORT)
                    && hit.distanceMetres() < settings.minPortDistanceMetres()) {
                return true;
            }
        }
        return false;
    }
}
