package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.ShipType;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 */
public final class TugAssistDetector extends PairTracker<TugAssistDetector.TugPair> {

    /** Name of the machine, in events and their ids. */
    public static final String NAME = "tug-assist";
    public static final String START = "TUG_ASSIST_START";
    public static final String END = "TUG_ASSIST_END";

    private static final byte TUG = 1;
    private static final byte PILOT = 2;
    private static final int PILOT_VESSEL_TYPE = 50;
    private static final long NOT_HOLDING = Long.MIN_VALUE;

    private final TugAssistSettings settings;
    private final long minDurationMillis;
    private final long graceMillis;

    public TugAssistDetector() {
        this(TugAssistSettings.DEFAULTS);
    }

    public TugAssistDetector(TugAssistSettings settings) {
        super(Objects.requireNonNull(settings, "settings").distanceMetres(), settings.exitDistanceMetres(),
                settings.silenceDuration(), settings.maxPairsPerVessel());
        this.settings = settings;
        this.minDurationMillis = settings.minDuration().toMillis();
        this.graceMillis = settings.graceDuration().toMillis();
    }

    /** A tug near another vessel: a few primitives. */
    static final class TugPair extends PairTracker.Pair {
        final boolean tugIsLow;
        long sinceMillis = NOT_HOLDING;
        long lastHeldMillis;
        double distanceMetres;
        boolean holding;
        boolean started;

        TugPair(int low, int high, boolean tugIsLow) {
            super(low, high);
            this.tugIsLow = tugIsLow;
        }
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
        return (grid.flags(slot) & TUG) != 0 && tuggingSpeed(grid.fix(slot).sogKnots());
    }

    @Override
    boolean mayPair(int a, int b) {
        int fa = grid.flags(a);
        int fb = grid.flags(b);
        return ((fa ^ fb) & TUG) != 0 && ((fa | fb) & PILOT) == 0;
    }

    @Override
    TugPair newPair(int low, int high, long nowMillis) {
        return new TugPair(low, high, (grid.flags(low) & TUG) != 0);
    }

    private static final int TUG_IS_LOW = 1;
    private static final int HOLDING = 2;
    private static final int STARTED = 4;

    /** A pair in about 20 bytes: three flags, the two times, the distance as it is (events report it). */
    @Override
    void writePair(TugPair pair, StateOut out) throws IOException {
        out.writeByte((pair.tugIsLow ? TUG_IS_LOW : 0) | (pair.holding ? HOLDING : 0) | (pair.started ? STARTED : 0));
        out.writeTimeMillis(pair.sinceMillis, Long.MIN_VALUE);
        out.writeTimeMillis(pair.lastHeldMillis, pair.sinceMillis);
        out.writeDouble(pair.distanceMetres);
    }

    @Override
    TugPair readPair(int low, int high, StateIn in) throws IOException {
        int flags = in.readByte();
        if ((flags & ~(TUG_IS_LOW | HOLDING | STARTED)) != 0) {
            throw new IOException("corrupt checkpoint: tug pair flags " + flags);
        }
        TugPair pair = new TugPair(low, high, (flags & TUG_IS_LOW) != 0);
        pair.holding = (flags & HOLDING) != 0;
        pair.started = (flags & STARTED) != 0;
        pair.sinceMillis = in.readTimeMillis(Long.MIN_VALUE);
        pair.lastHeldMillis = in.readTimeMillis(pair.sinceMillis);
        pair.distanceMetres = in.readDouble();
        return pair;
    }

    @Override
    boolean update(TugPair pair, int slot, double distanceMetres, long nowMillis, DetectorContext ctx,
                   EventSink out) {
        pair.distanceMetres = distanceMetres;
        if (distanceMetres > settings.exitDistanceMetres()) {
            if (pair.started) {
                emit(END, "apart", pair, nowMillis, ctx, out);
            }
            return false;
        }
        if (distanceMetres <= settings.distanceMetres() && conditionsHold(grid.fix(pair.low), grid.fix(pair.high))) {
            if (pair.sinceMillis == NOT_HOLDING) {
                pair.sinceMillis = nowMillis;
            }
            pair.lastHeldMillis = Math.max(pair.lastHeldMillis, nowMillis);
            pair.holding = true;
            if (!pair.started && nowMillis - pair.sinceMillis > minDurationMillis) {
                pair.started = true;
                emit(START, "assisting", pair, nowMillis, ctx, out);
            }
            return true;
        }
        pair.holding = false;
        if (pair.started) {
            if (nowMillis - pair.lastHeldMillis >= graceMillis) {
                emit(END, "conditions", pair, pair.lastHeldMillis + graceMillis, ctx, out);
                return false;
            }
            return true;
        }
        pair.sinceMillis = NOT_HOLDING; // RTEC's intervals must hold without a break
        return distanceMetres <= settings.distanceMetres();
    }

    @Override
    long ownDueMillis(TugPair pair) {
        return pair.started && !pair.holding ? pair.lastHeldMillis + graceMillis : Long.MAX_VALUE;
    }

    @Override
    boolean onOwnDue(TugPair pair, long nowMillis, DetectorContext ctx, EventSink out) {
        emit(END, "conditions", pair, pair.lastHeldMillis + graceMillis, ctx, out);
        return false;
    }

    @Override
    void endSilent(TugPair pair, long dueMillis, DetectorContext ctx, EventSink out) {
        if (pair.started) {
            emit(END, "silent", pair, dueMillis, ctx, out);
        }
    }

    private boolean conditionsHold(Fix a, Fix b) {
        double sa = a.sogKnots();
        double sb = b.sogKnots();
        if (!tuggingSpeed(sa) || !tuggingSpeed(sb) || Math.abs(sa - sb) > settings.maxSpeedDifferenceKnots()) {
            return false;
        }
        double course = Geo.angleBetween(a.cogDegrees(), b.cogDegrees());
        return Double.isNaN(course) || course <= settings.maxCourseDifferenceDegrees();
    }

    private boolean tuggingSpeed(double knots) {
        return knots >= settings.minSpeedKnots() && knots <= settings.maxSpeedKnots();
    }

    private void emit(String type, String to, TugPair pair, long timeMillis, DetectorContext ctx, EventSink out) {
        boolean start = type.equals(START);
        int tug = pair.tugIsLow ? pair.low : pair.high;
        int assisted = pair.tugIsLow ? pair.high : pair.low;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tug", grid.id(tug).key());
        details.put("assisted", grid.id(assisted).key());
        PairEvents.putName(details, "tugName", grid.id(tug), ctx);
        PairEvents.putName(details, "assistedName", grid.id(assisted), ctx);
        details.put("startTime", Instant.ofEpochMilli(pair.sinceMillis).toString());
        details.put("durationSeconds", ((start ? timeMillis : pair.lastHeldMillis) - pair.sinceMillis) / 1000);
        details.put("distanceMetres", PairEvents.roundTenth(pair.distanceMetres));
        if (!start) {
            details.put("reason", to);
        }
        PairEvents.emitBoth(type, NAME, start ? "close" : "assisting", to, grid, pair.low, pair.high, timeMillis,
                details, ctx, out);
    }
}
