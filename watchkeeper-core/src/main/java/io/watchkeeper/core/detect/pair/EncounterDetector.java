package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 */
public final class EncounterDetector extends PairTracker<EncounterDetector.EncounterPair> {

    /** Name of the machine, in events and their ids. */
    public static final String NAME = "encounter";
    public static final String START = "ENCOUNTER_START";
    public static final String END = "ENCOUNTER_END";

    private static final int BINS_BELOW = 8;
    private static final int BINS = 2 * BINS_BELOW + 1;

    private final EncounterSettings settings;
    private final long minDurationMillis;
    private final double binKnots;

    public EncounterDetector() {
        this(EncounterSettings.DEFAULTS);
    }

    public EncounterDetector(EncounterSettings settings) {
        super(Objects.requireNonNull(settings, "settings").distanceMetres(), settings.exitDistanceMetres(),
                settings.silenceDuration(), settings.maxPairsPerVessel());
        this.settings = settings;
        this.minDurationMillis = settings.minDuration().toMillis();
        this.binKnots = settings.maxMedianSpeedKnots() / BINS_BELOW;
    }

    /** A candidate or started encounter: a few primitives and a 17-bin speed histogram (about 150 bytes). */
    static final class EncounterPair extends PairTracker.Pair {
        long startMillis;
        long lastTogetherMillis;
        double distanceMetres;
        boolean started;
        int samples;
        final int[] speedBins = new int[BINS];

        EncounterPair(int low, int high, long nowMillis) {
            super(low, high);
            restart(nowMillis);
        }

        void restart(long nowMillis) {
            startMillis = nowMillis;
            lastTogetherMillis = nowMillis;
            samples = 0;
            java.util.Arrays.fill(speedBins, 0);
        }
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
        return !(knots > 2 * settings.maxMedianSpeedKnots()) && !nearPort(ctx);
    }

    @Override
    boolean mayPair(int a, int b) {
        return true;
    }

    @Override
    EncounterPair newPair(int low, int high, long nowMillis) {
        return new EncounterPair(low, high, nowMillis);
    }

    /**
     * A pair in about 40 bytes: the flag, the start in full, the last time together relative to it,
     * the distance as it is (events report it), and the histogram as varints.
     */
    @Override
    void writePair(EncounterPair pair, StateOut out) throws IOException {
        out.writeBoolean(pair.started);
        out.writeLong(pair.startMillis);
        out.writeTimeMillis(pair.lastTogetherMillis, pair.startMillis);
        out.writeDouble(pair.distanceMetres);
        out.writeVarInt(pair.samples);
        for (int bin : pair.speedBins) {
            out.writeVarInt(bin);
        }
    }

    @Override
    EncounterPair readPair(int low, int high, StateIn in) throws IOException {
        EncounterPair pair = new EncounterPair(low, high, 0);
        pair.started = in.readBoolean();
        pair.startMillis = in.readLong();
        pair.lastTogetherMillis = in.readTimeMillis(pair.startMillis);
        pair.distanceMetres = in.readDouble();
        pair.samples = in.readCount(Integer.MAX_VALUE);
        for (int i = 0; i < BINS; i++) {
            pair.speedBins[i] = in.readCount(pair.samples);
        }
        return pair;
    }

    @Override
    boolean update(EncounterPair pair, int slot, double distanceMetres, long nowMillis, DetectorContext ctx,
                   EventSink out) {
        pair.distanceMetres = distanceMetres;
        if (pair.started && distanceMetres > settings.exitDistanceMetres()) {
            emit(END, "encounter", "apart", pair, nowMillis, pair.lastTogetherMillis - pair.startMillis, ctx, out);
            return false;
        }
        if (!pair.started && distanceMetres > settings.distanceMetres()) {
            return false; // a candidate has no hysteresis: GFW's 500 m must hold the whole time
        }
        if (!pair.started && nearPort(ctx)) {
            pair.restart(nowMillis);
        }
        addSpeed(pair, grid.fix(slot).sogKnots());
        pair.lastTogetherMillis = Math.max(pair.lastTogetherMillis, nowMillis);
        if (!pair.started && nowMillis - pair.startMillis >= minDurationMillis && medianBelowLimit(pair)) {
            pair.started = true;
            emit(START, "close", "encounter", pair, nowMillis, nowMillis - pair.startMillis, ctx, out);
        }
        return true;
    }

    @Override
    void endSilent(EncounterPair pair, long dueMillis, DetectorContext ctx, EventSink out) {
        if (pair.started) {
            emit(END, "encounter", "silent", pair, dueMillis, pair.lastTogetherMillis - pair.startMillis, ctx, out);
        }
    }

    private void emit(String type, String from, String to, EncounterPair pair, long timeMillis, long durationMillis,
                      DetectorContext ctx, EventSink out) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("startTime", Instant.ofEpochMilli(pair.startMillis).toString());
        details.put("durationSeconds", durationMillis / 1000);
        details.put("distanceMetres", PairEvents.roundTenth(pair.distanceMetres));
        details.put("medianSpeedKnots", PairEvents.roundTenth(medianKnots(pair)));
        details.put("speedSamples", pair.samples);
        if (type.equals(END)) {
            details.put("reason", to);
        }
        PairEvents.emitBoth(type, NAME, from, to, grid, pair.low, pair.high, timeMillis, details, ctx, out);
    }

    private boolean nearPort(DetectorContext ctx) {
        for (ZoneHit hit : ctx.zones()) {
            ZoneKind kind = hit.zone().kind();
            if ((kind == ZoneKind.ANCHORAGE || kind == ZoneKind.PORT)
                    && hit.distanceMetres() < settings.minPortDistanceMetres()) {
                return true;
            }
        }
        return false;
    }

    private void addSpeed(EncounterPair pair, double knots) {
        if (Double.isNaN(knots) || knots < 0) {
            return;
        }
        pair.speedBins[(int) Math.min(BINS - 1, Math.floor(knots / binKnots))]++;
        pair.samples++;
    }

    /** Median below the limit exactly when more than half the samples are below it. */
    private static boolean medianBelowLimit(EncounterPair pair) {
        int below = 0;
        for (int i = 0; i < BINS_BELOW; i++) {
            below += pair.speedBins[i];
        }
        return pair.samples > 0 && 2 * below > pair.samples;
    }

    /** The lower median, interpolated inside its bin; the overflow bin reads as its lower edge. NaN if no samples. */
    double medianKnots(EncounterPair pair) {
        if (pair.samples == 0) {
            return Double.NaN;
        }
        int rank = (pair.samples + 1) / 2;
        int seen = 0;
        for (int i = 0; i < BINS; i++) {
            int inBin = pair.speedBins[i];
            if (seen + inBin >= rank) {
                return i == BINS - 1 ? i * binKnots : (i + (rank - seen - 0.5) / inBin) * binKnots;
            }
            seen += inBin;
        }
        return (BINS - 1) * binKnots;
    }
}
