package io.watchkeeper.core.detect.boat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * The original system's MOVING/RESTING detector, with its exact semantics.
 *
 * <ul>
 *   <li>a boat starts MOVING with a previous position of (0, 0);</li>
 *   <li>a report whose x and y both equal the previous ones means RESTING, any other means MOVING;</li>
 *   <li>only a change of state produces an event ({@code STATETRANSITION}).</li>
 * </ul>
 * One deliberate difference: a report with the same event time and the same position as the previous
 * one is a redelivery (QoS 1 is at-least-once), not a boat that stayed put, and is skipped. The original
 * would have read it as RESTING and published a spurious event; its stations stamp every report with
 * {@code time.time()}, so a genuine report never repeats both.
 *
 * <p>Real ships report lat/lon, never the same coordinates twice, so for them the same two states
 * follow a speed profile instead: speed over ground, or the speed derived from the last two positions
 * when the fix has none, against a {@link SpeedProfile} band, held for the profile's dwell. A fix with
 * neither x/y nor lat/lon leaves the boat alone.
 */
public final class BoatDetector extends Machine<BoatTrack, BoatDetector.Report> {

    /** Name of the machine, in events and in {@code watchkeeper machines}. */
    public static final String NAME = "boat";

    /** The states by index; {@code values()} would copy the array on every call. */
    private static final BoatState[] STATES = BoatState.values();

    /** Shortest time base for a speed derived from positions. */
    static final long MIN_DERIVE_MILLIS = 10_000L;

    /**
     * What one fix says to the boat machine.
     *
     * @param rests a MOVING boat comes to rest: same x/y, or slower than the rest speed for the dwell
     * @param moves a RESTING boat moves: other x/y, or faster than the move speed for the dwell
     * @param knots the speed the profile judged, NaN for x/y
     * @param next  the track after this fix
     */
    public record Report(boolean rests, boolean moves, double knots, BoatTrack next) {
    }

    /** The original exact profile for x/y, and the default speed band for lat/lon. */
    public BoatDetector() {
        this(SpeedProfile.DEFAULT);
    }

    public BoatDetector(SpeedProfile speedProfile) {
        super(definition(Objects.requireNonNull(speedProfile, "speedProfile")));
    }

    /** The machine as the original declared it: two states, one trigger, publish on every change. */
    private static Machine<BoatTrack, Report> definition(SpeedProfile profile) {
        return Machine.<BoatTrack, Report>named(NAME).states(BoatState.class).initial(BoatState.MOVING, BoatTrack.INITIAL)
                .read((at, fix, ctx) -> read(at, fix, profile)).update((track, r) -> r.next()).codec(BoatTrack.CODEC)
                .on(BoatState.MOVING, BoatState.RESTING).when("same position, or slower than rest speed", Report::rests)
                .then(BoatDetector::crossed).publish(Event.STATE_TRANSITION, BoatDetector::details)
                .on(BoatState.RESTING, BoatState.MOVING).when("moved, or faster than move speed", Report::moves)
                .then(BoatDetector::crossed).publish(Event.STATE_TRANSITION, BoatDetector::details)
                .build();
    }

    /** The boat's state in a place of this machine. */
    public static BoatState stateOf(Place<BoatTrack> at) {
        return STATES[at.state()];
    }

    private static @Nullable Report read(Place<BoatTrack> at, Fix fix, SpeedProfile profile) {
        if (fix.isPlanar()) {
            return readExact(at.data(), fix);
        }
        return fix.isGeo() ? readSpeed(at, fix, profile) : null;
    }

    @SuppressWarnings("FloatingPointEquality") // exact equality is the original's documented semantics
    private static @Nullable Report readExact(BoatTrack track, Fix fix) {
        long nanos = epochNanos(fix);
        boolean same = fix.x() == track.lastX() && fix.y() == track.lastY();
        if (nanos == track.lastEpochNanos() && same) {
            return null; // a redelivery
        }
        return new Report(same, !same, Double.NaN, new BoatTrack(fix.x(), fix.y(), nanos, Long.MIN_VALUE));
    }

    /**
     * lastX/lastY hold the lat/lon the speed is derived from when the fix has no SOG; that base moves
     * only once {@link #MIN_DERIVE_MILLIS} has passed, so that position jitter between two reports a
     * second apart never reads as speed.
     */
    private static @Nullable Report readSpeed(Place<BoatTrack> at, Fix fix, SpeedProfile profile) {
        BoatTrack track = at.data();
        long nanos = epochNanos(fix);
        if (nanos <= track.lastEpochNanos()) {
            return null; // a redelivery or an older fix: it says nothing about now
        }
        double knots = fix.sogKnots();
        if (Double.isNaN(knots)) {
            if (track.lastEpochNanos() != Long.MIN_VALUE && nanos - track.lastEpochNanos() < MIN_DERIVE_MILLIS * 1_000_000L
                    && !Double.isNaN(track.lastX())) {
                return null;
            }
            knots = derivedKnots(track, fix, nanos);
        }
        if (Double.isNaN(knots)) {
            return new Report(false, false, knots, new BoatTrack(fix.lat(), fix.lon(), nanos, track.crossingSinceNanos()));
        }
        boolean moving = stateOf(at) == BoatState.MOVING;
        boolean crossing = moving ? knots < profile.restBelowKnots() : knots > profile.moveAboveKnots();
        long since = !crossing ? Long.MIN_VALUE
                : track.crossingSinceNanos() == Long.MIN_VALUE ? nanos : track.crossingSinceNanos();
        boolean dwelt = crossing && (nanos - since) / 1_000_000L >= profile.minDwell().toMillis();
        return new Report(moving && dwelt, !moving && dwelt, knots, new BoatTrack(fix.lat(), fix.lon(), nanos, since));
    }

    /** A change of state ends the crossing that caused it. */
    private static BoatTrack crossed(BoatTrack track, Report r) {
        return new BoatTrack(track.lastX(), track.lastY(), track.lastEpochNanos(), Long.MIN_VALUE);
    }

    private static Map<String, Object> details(Place<BoatTrack> before, Fix cause, @Nullable Report r) {
        return r == null || Double.isNaN(r.knots()) ? Map.of() : Map.of("sogKnots", r.knots());
    }

    /** Speed over the great circle from the previous position; NaN before the first geo fix. */
    private static double derivedKnots(BoatTrack track, Fix fix, long nanos) {
        if (track.lastEpochNanos() == Long.MIN_VALUE || Double.isNaN(track.lastX())) {
            return Double.NaN;
        }
        double metres = Geo.haversineMetres(track.lastX(), track.lastY(), fix.lat(), fix.lon());
        return Geo.knots(metres, (nanos - track.lastEpochNanos()) / 1_000_000L);
    }

    private static long epochNanos(Fix fix) {
        return fix.time().getEpochSecond() * 1_000_000_000L + fix.time().getNano();
    }
}
