package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Drifting as the Danish Maritime Authority's AisAbnormal analyzer defines it, from a lower speed: a
 * slow vessel whose course over ground is well off its heading, so that it is set sideways by wind or
 * current rather than going where its bow points, for long enough and far enough to rule out a turn
 * or a ship swinging at anchor.
 *
 * <p>Each fix reads as drifting (SOG from {@link Settings#minSpeedKnots} to {@link Settings#maxSpeedKnots},
 * and COG and heading more than {@link Settings#minAngleDegrees} apart without being within it of
 * opposite: a ship going astern, or one whose heading sensor is reversed, is not drifting), clean
 * (anything else with a SOG: a stopped vessel is not drifting, and its COG is noise), or unknown (no
 * SOG; no COG or heading while in the speed band, as heading 511 and COG 360 reach us as NaN; or a
 * drifting reading without a position). Unknown fixes change nothing.
 *
 * <p>{@value #DRIFTING_START} comes on the drifting fix that ends a run of drifting fixes lasting
 * {@link Settings#minDuration} and covering more than {@link Settings#minDistanceMetres} from the run's
 * first fix, DMA's rule; one clean fix breaks the run, as in DMA's analysis, and so does a silence
 * longer than {@link Settings#maxFixGap}. {@value #DRIFTING_END} comes once fixes have read clean for
 * {@link Settings#endAfter} with no drifting fix between them (DMA ends at the first clean report:
 * {@code endAfter} 0).
 *
 * <p>A machine of two states, {@code normal} and {@code drifting}; the run of fixes contradicting the
 * state is its data ({@link Run}), and the time it entered {@code drifting} is the time of
 * {@value #DRIFTING_START}. A fix at or before the last fix that changed the place is ignored (a
 * redelivery or late fix), and so is a fix that agrees with the state while nothing is being counted:
 * the place changes only while a contrary run is going on, so the common path allocates nothing.
 */
public final class DriftingDetector extends Machine<DriftingDetector.Run, DriftingDetector.Reading> {

    public static final String NAME = "drifting";
    public static final String DRIFTING_START = "DRIFTING_START";
    public static final String DRIFTING_END = "DRIFTING_END";

    private static final String NORMAL = "normal";
    private static final String DRIFTING = "drifting";
    /** Index of {@link #DRIFTING} in the machine's states. */
    private static final int DRIFTING_STATE = 1;

    /**
     * Thresholds.
     *
     * @param minAngleDegrees   a fix reads as drifting when COG and heading differ by more than this and by
     *                          less than 180 minus this (so below 90)
     * @param minSpeedKnots     and its SOG is at least this
     * @param maxSpeedKnots     and at most this
     * @param minDuration       a run of drifting fixes must last this long, first to last
     * @param minDistanceMetres and its last fix must be more than this far from its first
     * @param endAfter          drifting ends once fixes have read clean for this long (0: at the first)
     * @param maxFixGap         a longer silence between two fixes of a run restarts it
     */
    public record Settings(double minAngleDegrees, double minSpeedKnots, double maxSpeedKnots, Duration minDuration,
                           double minDistanceMetres, Duration endAfter, Duration maxFixGap) {

        /**
         * 45°, 5 kn, 10 min and 500 m: the Danish Maritime Authority's drift analysis
         * ({@code dma-ais/AisAbnormal}, {@code DriftAnalysis}: {@code analysis.drift.cogdeviation} 45,
         * {@code sog.max} 5.0, {@code period} 10 min, {@code distance} 500 m; it also refuses COG within
         * 45° of the reversed heading, "drifting straight backwards"). RTEC's {@code adriftAngThr} is 40°
         * (Pitsikalis et al., RTEC maritime thresholds for the Brest data set), judged on single fixes.
         * Global Fishing Watch publishes no drift event (its events are fishing, encounters, loitering,
         * port visits and gaps).
         *
         * <p>0.5 kn, not DMA's {@code sog.min} 1.0: RTEC's {@code movingMin} (same thresholds file), where
         * its {@code movingSpeed} intervals begin; their union is RTEC's {@code underWay}, which its drifting
         * requires (RTEC's rules for the Brest data). A ship that has lost propulsion drifts at 0.5–3 kn;
         * DMA's own test recording of STOC MARCIA, not under command on 2014-10-02 and set 13 km overnight
         * at 0.5–0.9 kn, is named a drift that its analyzer does not detect. DMA also measures the 500 m
         * only within the 20 minutes of reports its tracker keeps, which no drift under 0.8 kn passes; here
         * they count from the run's first fix. The 500 m keep out what the lower floor would let in: a ship
         * swinging round its anchor stays within its swing circle, however long it swings.
         *
         * <p>{@code endAfter} 1 min is an engineering default, not DMA's: DMA ends at the first clean
         * report, and on its own drift recording (FRIO, 2014-09-28) one COG 50° off at 16:50:12 UTC ends its
         * event seven minutes before the drift does. {@code maxFixGap} 10 min, the observation period
         * itself: a silence that long leaves the period unobserved. It is well above the 3 min at which
         * ITU-R M.1371 lets a slow ship report, because reports get lost (STOC MARCIA's recording has
         * 6-minute gaps); DMA's tracker bridges silences up to its 30-minute stale limit.
         */
        public static final Settings DEFAULTS = new Settings(45.0, 0.5, 5.0, Duration.ofMinutes(10), 500.0,
                Duration.ofMinutes(1), Duration.ofMinutes(10));

        public Settings {
            if (!(minAngleDegrees > 0 && minAngleDegrees < 90)) {
                throw new IllegalArgumentException("minAngleDegrees must be in (0, 90), was " + minAngleDegrees);
            }
            Inputs.requireNonNegative(minSpeedKnots, "minSpeedKnots");
            Inputs.requireNonNegative(maxSpeedKnots, "maxSpeedKnots");
            if (maxSpeedKnots < minSpeedKnots) {
                throw new IllegalArgumentException("maxSpeedKnots must be >= minSpeedKnots, was " + maxSpeedKnots
                        + " < " + minSpeedKnots);
            }
            Inputs.requireNonNegative(minDuration, "minDuration");
            Inputs.requireNonNegative(minDistanceMetres, "minDistanceMetres");
            Inputs.requireNonNegative(endAfter, "endAfter");
            Inputs.requirePositive(maxFixGap, "maxFixGap");
        }
    }

    /**
     * What the machine keeps besides its state: the run of fixes contradicting it. In {@code normal} a run
     * of drifting fixes, whose first position the distance is measured from; in {@code drifting} a run of
     * clean fixes (no position).
     *
     * @param startMillis event time of the run's first fix, or {@link Long#MIN_VALUE} if there is no run
     * @param lastMillis  event time of the last fix that changed the place: the run's latest, or the last
     *                    change of state; the guard against redelivered and late fixes
     * @param startLat    latitude of the run's first fix (NaN if none), a float: a metre is enough here
     * @param startLon    its longitude
     */
    public record Run(long startMillis, long lastMillis, float startLat, float startLon) {

        public static final Run INITIAL = new Run(Long.MIN_VALUE, Long.MIN_VALUE, Float.NaN, Float.NaN);

        /** No run: the state was confirmed, or just changed, at {@code millis}. */
        static Run none(long millis) {
            return new Run(Long.MIN_VALUE, millis, Float.NaN, Float.NaN);
        }

        boolean going() {
            return startMillis != Long.MIN_VALUE;
        }

        boolean hasStart() {
            return !Float.isNaN(startLat);
        }

        /** Checkpoint form: the last change in full, the run's start relative to it, then its position if any. */
        static final StateCodec<Run> CODEC = new StateCodec<>() {
            @Override
            public void write(Run r, StateOut out) throws IOException {
                out.writeTimeMillis(r.lastMillis, Long.MIN_VALUE);
                out.writeTimeMillis(r.startMillis, r.lastMillis);
                out.writeBoolean(r.hasStart());
                if (r.hasStart()) {
                    out.writeInt(Float.floatToIntBits(r.startLat));
                    out.writeInt(Float.floatToIntBits(r.startLon));
                }
            }

            @Override
            public Run read(StateIn in, VesselId vessel) throws IOException {
                long last = in.readTimeMillis(Long.MIN_VALUE);
                long start = in.readTimeMillis(last);
                float lat = Float.NaN;
                float lon = Float.NaN;
                if (in.readBoolean()) {
                    lat = Float.intBitsToFloat(in.readInt());
                    lon = Float.intBitsToFloat(in.readInt());
                    if (!Geo.isValid(lat, lon)) {
                        throw new IOException("corrupt checkpoint: drift run starts at " + lat + ", " + lon);
                    }
                }
                Run r = new Run(start, last, lat, lon);
                return r.equals(INITIAL) ? INITIAL : r;
            }
        };
    }

    /**
     * A fix that changes the place: one contradicting the state (whether it completes the run, and the
     * run after it: none if it does), or one agreeing with it that ends a run.
     */
    record Reading(Run run, boolean flips) {
    }

    /** What one fix says on its own. */
    private enum Looks { DRIFTING, CLEAN, UNKNOWN }

    private final Settings settings;

    public DriftingDetector() {
        this(Settings.DEFAULTS);
    }

    public DriftingDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<Run, Reading> definition(Settings settings) {
        return Machine.<Run, Reading>named(NAME).states(NORMAL, DRIFTING).initial(NORMAL, Run.INITIAL)
                .read((at, fix, ctx) -> read(settings, at, fix)).update((data, r) -> r.run()).codec(Run.CODEC)
                .on(NORMAL, DRIFTING).when("drifting for minDuration and over minDistanceMetres", Reading::flips)
                .publish(DRIFTING_START, DriftingDetector::startDetails)
                .on(DRIFTING, NORMAL).when("clean for endAfter", Reading::flips)
                .publish(DRIFTING_END, DriftingDetector::endDetails)
                .build();
    }

    /** What the fix does to the run, or null if it changes nothing (late, unknown, or agreeing with no run). */
    private static @Nullable Reading read(Settings settings, Place<Run> at, Fix fix) {
        Run run = at.data();
        long t = Inputs.millis(fix);
        if (t <= run.lastMillis()) {
            return null;
        }
        Looks looks = looks(settings, fix);
        if (looks == Looks.UNKNOWN) {
            return null;
        }
        boolean inDrift = at.state() == DRIFTING_STATE;
        if ((looks == Looks.DRIFTING) == inDrift) {
            // Agrees with the state: a contrary run, if any, is broken.
            return run.going() ? new Reading(Run.none(t), false) : null;
        }
        boolean continues = run.going() && t - run.lastMillis() <= settings.maxFixGap().toMillis();
        long start = continues ? run.startMillis() : t;
        if (inDrift) {
            return t - start >= settings.endAfter().toMillis()
                    ? new Reading(Run.none(t), true)
                    : new Reading(new Run(start, t, Float.NaN, Float.NaN), false);
        }
        Run next = continues ? new Run(start, t, run.startLat(), run.startLon())
                : new Run(t, t, (float) fix.lat(), (float) fix.lon());
        boolean flips = t - start >= settings.minDuration().toMillis()
                && metresFromStart(next, fix) > settings.minDistanceMetres();
        return flips ? new Reading(Run.none(t), true) : new Reading(next, false);
    }

    /** Cheapest test first: most fixes are outside the speed band. */
    private static Looks looks(Settings settings, Fix fix) {
        double sog = fix.sogKnots();
        if (Double.isNaN(sog)) {
            return Looks.UNKNOWN;
        }
        if (sog < settings.minSpeedKnots() || sog > settings.maxSpeedKnots()) {
            return Looks.CLEAN;
        }
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (Double.isNaN(angle)) {
            return Looks.UNKNOWN;
        }
        double min = settings.minAngleDegrees();
        if (angle <= min || angle >= 180.0 - min) {
            return Looks.CLEAN;
        }
        return Inputs.hasPosition(fix) ? Looks.DRIFTING : Looks.UNKNOWN;
    }

    private static double metresFromStart(Run run, Fix fix) {
        return Geo.haversineMetres(run.startLat(), run.startLon(), fix.lat(), fix.lon());
    }

    private static Map<String, Object> details(Fix fix) {
        Map<String, Object> details = new HashMap<>();
        details.put("sogKnots", fix.sogKnots());
        double angle = Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees());
        if (!Double.isNaN(angle)) {
            details.put("angleDegrees", angle);
            details.put("cogDegrees", fix.cogDegrees());
            details.put("headingDegrees", fix.headingDegrees());
        }
        return details;
    }

    /**
     * How long and how far the run has drifted, from its first fix to this one. The run is the place's:
     * a fix that starts a run cannot complete it, as it is 0 m from itself.
     */
    private static Map<String, Object> startDetails(Place<Run> before, Fix fix, @Nullable Reading r) {
        Run run = before.data();
        Map<String, Object> details = details(fix);
        details.put("durationSeconds", Inputs.seconds(run.startMillis(), Inputs.millis(fix)));
        details.put("distanceMetres", (double) Math.round(metresFromStart(run, fix)));
        return details;
    }

    private static Map<String, Object> endDetails(Place<Run> before, Fix fix, @Nullable Reading r) {
        Map<String, Object> details = details(fix);
        details.put("durationSeconds", Inputs.seconds(before.enteredAtMillis(), Inputs.millis(fix)));
        return details;
    }
}
