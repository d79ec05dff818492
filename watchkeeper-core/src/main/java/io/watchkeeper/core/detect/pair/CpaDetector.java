package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A risk of collision between two vessels under way, as a radar's ARPA warns of a dangerous target:
 * their closest point of approach ({@link CpaMath}, from the latest fix of each) is nearer than
 * {@code cpaMetres} and at most {@code tcpaHorizon} ahead (see {@link CpaSettings#DEFAULTS}).
 *
 * <ul>
 *   <li>A fix of a vessel under way (at least {@code minSpeedKnots}) looks at the vessels under way within
 *       {@code maxRangeMetres}; a pair whose fixes say "risk" (CPA below the limit, 0 <= TCPA <= horizon)
 *       starts being watched. The limits are {@code portCpaMetres}/{@code portClearCpaMetres} while either
 *       vessel's latest fix is inside a port, berth or anchorage zone.</li>
 *   <li>{@code CPA_WARNING} (from {@code watch} to {@code warning}) at the fix that completes
 *       {@code confirmFixes} consecutive fixes of either vessel finding the risk, over at least
 *       {@code minRiskDuration}. A watched pair whose fix finds no risk is dropped without an event; a fix
 *       without a usable speed or course neither counts nor drops.</li>
 *   <li>{@code CPA_CLEAR} (from {@code warning} to {@code clear}) at the fix that completes
 *       {@code confirmFixes} consecutive fixes finding the risk over: the closest point is behind them
 *       ({@code passed}), has opened beyond {@code clearCpaMetres} ({@code opened}), or a vessel is slower
 *       than {@code minSpeedKnots} ({@code stopped}); or (to {@code silent}) when either vessel has not
 *       been heard from for {@code silenceDuration}, at the time that silence was complete.</li>
 * </ul>
 * Two vessels whose motions are the same (relative speed under about 0.1 kn) have no time to a closest
 * point: the range does not change, so they are no new risk however close, and a warning already given
 * clears only when the range opens. One crossing gives one warning: after the clear the pair is over,
 * and a new warning needs the whole confirmation again.
 *
 * <p>Each event is emitted for both vessels, lower id key first (see {@link PairEvents}). Details:
 * {@code otherVessel}, {@code vesselName}/{@code otherVesselName} when known, {@code cpaMetres},
 * {@code cpaNauticalMiles}, {@code tcpaSeconds}, {@code rangeMetres}, {@code cpaLimitMetres},
 * {@code inPort}, {@code riskSince} (ISO-8601), and for each copy its own {@code bearingDegrees} (to the
 * other vessel), {@code sogKnots}, {@code cogDegrees}, {@code otherSogKnots}, {@code otherCogDegrees};
 * the CLEAR has {@code reason}. A silent CLEAR has no CPA values.
 *
 * <p>Each pair's lifecycle is a {@link Machine}: {@code watch} to {@code warning}, then {@code clear} or
 * {@code silent}; a watched pair that ends goes to {@code dropped} without an event. The grid and the
 * pairs' bookkeeping are the {@link PairTracker}'s.
 */
public final class CpaDetector extends PairTracker<Closing> {

    /** Name of the machine, in events and their ids. */
    public static final String NAME = "cpa";
    public static final String WARNING = "CPA_WARNING";
    public static final String CLEAR = "CPA_CLEAR";

    /** A pair's states; the lower-case names are {@code body.from}/{@code body.to} of its events. */
    enum Stage { WATCH, WARNING, CLEAR, SILENT, DROPPED }

    /** What one fix says about a pair. */
    enum Verdict {
        /** The closest point is near enough and soon enough. */
        RISK,
        /** Not a risk, but not clearly over either (between the warning and the clearing distance, or too far ahead). */
        NO_RISK,
        /** The closest point is behind them. */
        PASSED,
        /** The closest point has opened beyond the clearing distance. */
        OPENED,
        /** A vessel is slower than the minimum: not under way. */
        STOPPED,
        /** A speed or course is missing: the fix says nothing. */
        UNKNOWN;

        boolean over() {
            return this == PASSED || this == OPENED || this == STOPPED;
        }
    }

    /**
     * The grid's cells are half the range: a search then covers about 5 x 5 cells hugging its circle
     * instead of 3 x 3 cells as wide as the range, and measures about 0.7 times the vessels (a third
     * measured no faster in bench fleet: more empty cells to look up).
     */
    private static final int CELLS_PER_RANGE = 2;
    private static final byte UNDER_WAY = 1;
    private static final byte IN_PORT = 2;

    private final CpaSettings settings;
    private final double horizonSeconds;
    private final long searchEveryMillis;
    /** Whether the fix being accepted is its vessel's first in a new search interval (set by {@link #flagsOf}). */
    private boolean searchDue;
    /**
     * By grid slot, the velocity of the fix in {@link #velocityOf}, resolved once per fix rather than once
     * per pair the vessel is measured against: a cache, rebuilt from the grid's fixes, not state.
     */
    private Fix[] velocityOf = new Fix[64];
    private double[] eastMetresPerSecond = new double[64];
    private double[] northMetresPerSecond = new double[64];
    private double[] metresPerDegreeLon = new double[64];

    public CpaDetector() {
        this(CpaSettings.DEFAULTS);
    }

    public CpaDetector(CpaSettings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")), settings.maxRangeMetres(),
                settings.maxRangeMetres() / CELLS_PER_RANGE, settings.silenceDuration(), settings.maxPairsPerVessel());
        this.settings = settings;
        this.horizonSeconds = settings.tcpaHorizon().toMillis() / 1000.0;
        this.searchEveryMillis = settings.minRiskDuration().toMillis();
    }

    /**
     * What one input means to a pair.
     *
     * @param next    the pair's data after it
     * @param warns   a watched pair's risk is confirmed
     * @param clears  a warning's end is confirmed
     */
    record Assessment(PairInput in, boolean silent, Cpa cpa, Verdict verdict, Closing next, boolean warns,
                      boolean clears) {
    }

    private static Machine<Closing, Assessment> definition(CpaSettings s) {
        return Machine.<Closing, Assessment>named(NAME).states(Stage.class)
                .initial(Stage.WATCH, new Closing(0, 0L, false, false))
                .read((at, fix, ctx) -> assess(s, at, PairInput.of(ctx))).update((data, r) -> r.next())
                .codec(Closing.CODEC)
                .on(Stage.WATCH, Stage.DROPPED).when("silent", Assessment::silent)
                .on(Stage.WATCH, Stage.DROPPED).when("no risk",
                        r -> r.verdict() != Verdict.RISK && r.verdict() != Verdict.UNKNOWN)
                .on(Stage.WATCH, Stage.WARNING).when("risk confirmed", Assessment::warns)
                .publish(WARNING, (before, fix, r) -> details(s, r, null))
                .on(Stage.WARNING, Stage.SILENT).when("silent", Assessment::silent)
                .publish(CLEAR, (before, fix, r) -> details(s, r, "silent"))
                .on(Stage.WARNING, Stage.CLEAR).when("risk over", Assessment::clears)
                .publish(CLEAR, (before, fix, r) -> details(s, r, r.verdict().name().toLowerCase(java.util.Locale.ROOT)))
                .build();
    }

    /** A fix updates its vessel's port flag, then counts toward a warning (watching) or a clear (warning). */
    private static Assessment assess(CpaSettings s, Place<Closing> at, PairInput in) {
        Closing before = at.data();
        if (in.kind() != PairInput.Kind.FIX) {
            return new Assessment(in, true, Cpa.UNKNOWN, Verdict.UNKNOWN, before, false, false);
        }
        Closing seen = before.seenInPort(in.self().vessel().equals(in.low()), inPort(in.zones()));
        Cpa cpa = CpaMath.withoutBearing(in.lowFix(), in.highFix());
        Verdict verdict = verdict(s, cpa, in.lowFix(), in.highFix(), seen.inPort());
        long now = in.atMillis();
        if (at.state() == Stage.WATCH.ordinal()) {
            if (verdict != Verdict.RISK) {
                return new Assessment(in, false, cpa, verdict, seen, false, false);
            }
            Closing next = seen.confirmed();
            boolean warns = next.fixes() >= s.confirmFixes()
                    && now - next.sinceMillis() >= s.minRiskDuration().toMillis();
            return new Assessment(in, false, cpa, verdict, next, warns, false);
        }
        if (verdict == Verdict.UNKNOWN) {
            return new Assessment(in, false, cpa, verdict, seen, false, false);
        }
        Closing next = verdict.over() ? seen.confirmed() : seen.unconfirmed();
        return new Assessment(in, false, cpa, verdict, next, false, next.fixes() >= s.confirmFixes());
    }

    /** What the latest fixes of two vessels say, with the port or sea limits. */
    static Verdict verdict(CpaSettings s, Cpa cpa, Fix a, Fix b, boolean inPort) {
        if (a.sogKnots() < s.minSpeedKnots() || b.sogKnots() < s.minSpeedKnots()) {
            return Verdict.STOPPED;
        }
        if (!cpa.known()) {
            return Verdict.UNKNOWN;
        }
        double tcpa = cpa.tcpaSeconds();
        if (tcpa < 0) {
            return Verdict.PASSED;
        }
        if (cpa.cpaMetres() > s.clearCpaMetres(inPort)) {
            return Verdict.OPENED;
        }
        boolean soon = tcpa <= s.tcpaHorizon().toMillis() / 1000.0; // false for NaN: no relative motion
        return soon && cpa.cpaMetres() < s.cpaMetres(inPort) ? Verdict.RISK : Verdict.NO_RISK;
    }

    @Override
    public String name() {
        return NAME;
    }

    public CpaSettings settings() {
        return settings;
    }

    /**
     * Under way and in port, and whether this fix searches for new risks: a vessel looks for new pairs
     * with its first fix in each {@code minRiskDuration} of event time (every fix if that is 0), not with
     * every fix. A warning cannot come sooner than {@code minRiskDuration} after the risk is first seen,
     * so this delays a warning by at most that much, and less when the other vessel searches first, while
     * a vessel reporting every 2 to 10 s searches 3 to 15 times less. The due search depends only on the
     * fix times, so a detector restored from a checkpoint searches when the uninterrupted one would.
     */
    @Override
    byte flagsOf(Fix fix, DetectorContext ctx) {
        byte flags = 0;
        boolean underWay = fix.sogKnots() >= settings.minSpeedKnots() && CpaMath.usable(fix.sogKnots(), fix.cogDegrees());
        if (underWay) {
            flags |= UNDER_WAY;
            long previous = previousFixMillis();
            long now = fix.time().toEpochMilli();
            searchDue = previous == Long.MIN_VALUE || searchEveryMillis == 0
                    || Math.floorDiv(now, searchEveryMillis) != Math.floorDiv(previous, searchEveryMillis);
        } else {
            searchDue = false;
        }
        if (inPort(ctx.zones())) {
            flags |= IN_PORT;
        }
        return flags;
    }

    /** Only a vessel under way, with a course, looks for vessels it may close with, once per interval. */
    @Override
    boolean mayStartPairs(int slot, DetectorContext ctx) {
        return searchDue && (grid.flags(slot) & UNDER_WAY) != 0;
    }

    /**
     * A new pair only for two vessels under way whose closest point is a risk now: a pair is watched
     * only while at risk, so the pair cap counts vessels at risk, not every ship in range.
     */
    @Override
    boolean mayPair(int a, int b) {
        int fa = grid.flags(a);
        int fb = grid.flags(b);
        if ((fa & fb & UNDER_WAY) == 0) {
            return false;
        }
        resolveVelocity(a);
        resolveVelocity(b);
        return CpaMath.closesWithin(grid.lat(a), grid.lon(a), eastMetresPerSecond[a], northMetresPerSecond[a],
                grid.timeMillis(a), grid.lat(b), grid.lon(b), eastMetresPerSecond[b], northMetresPerSecond[b],
                grid.timeMillis(b), (metresPerDegreeLon[a] + metresPerDegreeLon[b]) / 2.0, horizonSeconds,
                settings.cpaMetres(((fa | fb) & IN_PORT) != 0));
    }

    private void resolveVelocity(int slot) {
        if (slot >= velocityOf.length) {
            int size = Math.max(slot + 1, velocityOf.length * 2);
            velocityOf = Arrays.copyOf(velocityOf, size);
            eastMetresPerSecond = Arrays.copyOf(eastMetresPerSecond, size);
            northMetresPerSecond = Arrays.copyOf(northMetresPerSecond, size);
            metresPerDegreeLon = Arrays.copyOf(metresPerDegreeLon, size);
        }
        Fix fix = grid.fix(slot);
        if (velocityOf[slot] != fix) {
            velocityOf[slot] = fix;
            eastMetresPerSecond[slot] = CpaMath.eastMetresPerSecond(fix.sogKnots(), fix.cogDegrees());
            northMetresPerSecond[slot] = CpaMath.northMetresPerSecond(fix.sogKnots(), fix.cogDegrees());
            metresPerDegreeLon[slot] = Geo.metresPerDegreeLon(fix.lat());
        }
    }

    @Override
    Closing newPair(int low, int high, long nowMillis) {
        return new Closing(0, nowMillis, (grid.flags(low) & IN_PORT) != 0, (grid.flags(high) & IN_PORT) != 0);
    }

    /** Each copy: the bearing from its vessel to the other, and both vessels' speeds and courses. */
    @Override
    void addPerVesselDetails(String type, Map<String, Object> details, int self, int other) {
        Fix own = grid.fix(self);
        Fix theirs = grid.fix(other);
        Cpa now = CpaMath.between(own, theirs);
        putFinite(details, "bearingDegrees", now.bearingDegrees());
        putFinite(details, "sogKnots", own.sogKnots());
        putFinite(details, "cogDegrees", own.cogDegrees());
        putFinite(details, "otherSogKnots", theirs.sogKnots());
        putFinite(details, "otherCogDegrees", theirs.cogDegrees());
    }

    private static Map<String, Object> details(CpaSettings s, Assessment r, @Nullable String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        Cpa cpa = r.cpa();
        if (Double.isFinite(cpa.cpaMetres())) {
            details.put("cpaMetres", PairEvents.roundTenth(cpa.cpaMetres()));
            details.put("cpaNauticalMiles", Math.round(cpa.cpaMetres() / Geo.METRES_PER_NAUTICAL_MILE * 1000.0) / 1000.0);
        }
        if (Double.isFinite(cpa.tcpaSeconds())) {
            details.put("tcpaSeconds", Math.round(cpa.tcpaSeconds()));
        }
        putFinite(details, "rangeMetres", cpa.rangeMetres());
        details.put("cpaLimitMetres", s.cpaMetres(r.next().inPort()));
        details.put("inPort", r.next().inPort());
        details.put("riskSince", Instant.ofEpochMilli(r.next().sinceMillis()).toString());
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private static void putFinite(Map<String, Object> details, String key, double value) {
        if (Double.isFinite(value)) {
            details.put(key, PairEvents.roundTenth(value));
        }
    }

    /** Inside a port, berth or anchorage zone: the waters where the tighter port limits apply. */
    private static boolean inPort(List<ZoneHit> hits) {
        for (ZoneHit hit : hits) {
            ZoneKind kind = hit.zone().kind();
            if (hit.inside() && (kind == ZoneKind.PORT || kind == ZoneKind.BERTH || kind == ZoneKind.ANCHORAGE)) {
                return true;
            }
        }
        return false;
    }
}
