package io.watchkeeper.core.detect.boat;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Outcome;
import io.watchkeeper.core.fsm.StateMachine;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.util.Map;

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
 * <p>Real ships report lat/lon, never the same coordinates twice, so for them the same MOVING/RESTING
 * machine runs on a speed profile instead ({@link #SPEED_MACHINE}): speed over ground, or the speed
 * derived from the last two positions when the fix has none, against a {@link SpeedProfile} band.
 * Planar fixes keep the exact profile; a fix with neither x/y nor lat/lon leaves the state untouched.
 */
public final class BoatDetector implements Detector<BoatTrack> {

    /** Name of the machine, in events and in {@code watchkeeper machines}. */
    public static final String NAME = "boat";

    /** The one definition shared by every boat. */
    public static final StateMachine<BoatState, BoatTrigger, BoatReport> MACHINE =
            StateMachine.<BoatState, BoatTrigger, BoatReport>builder(NAME, BoatState.class, BoatTrigger.class)
                    .initial(BoatState.MOVING)
                    .transition(BoatTrigger.REPORT, BoatState.MOVING, BoatState.RESTING)
                    .when("same position", BoatReport::samePosition).add()
                    .transition(BoatTrigger.REPORT, BoatState.RESTING, BoatState.MOVING)
                    .unless("same position", BoatReport::samePosition).add()
                    .build();

    /** The same states on real ships: resting below the profile's low speed, moving above its high one. */
    public static final StateMachine<BoatState, BoatTrigger, SpeedReport> SPEED_MACHINE =
            StateMachine.<BoatState, BoatTrigger, SpeedReport>builder(NAME + "-speed", BoatState.class,
                            BoatTrigger.class)
                    .initial(BoatState.MOVING)
                    .transition(BoatTrigger.REPORT, BoatState.MOVING, BoatState.RESTING)
                    .when("slower than rest speed", SpeedReport::slowerThanRest).add()
                    .transition(BoatTrigger.REPORT, BoatState.RESTING, BoatState.MOVING)
                    .when("faster than move speed", SpeedReport::fasterThanMove).add()
                    .build();

    /** Shortest time base for a speed derived from positions. */
    static final long MIN_DERIVE_MILLIS = 10_000L;

    private final SpeedProfile speedProfile;

    /** The original exact profile for x/y, and the default speed band for lat/lon. */
    public BoatDetector() {
        this(SpeedProfile.DEFAULT);
    }

    public BoatDetector(SpeedProfile speedProfile) {
        this.speedProfile = java.util.Objects.requireNonNull(speedProfile, "speedProfile");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BoatTrack initial(VesselId vessel) {
        return BoatTrack.INITIAL;
    }

    @Override
    public Step<BoatTrack> step(BoatTrack track, Fix fix, DetectorContext ctx) {
        if (fix.isPlanar()) {
            return stepExact(track, fix, ctx);
        }
        return fix.isGeo() ? stepBySpeed(track, fix, ctx) : Step.quiet(track);
    }

    @Override
    public void writeState(BoatTrack state, StateOut out) throws IOException {
        BoatTrack.write(state, out);
    }

    @Override
    public BoatTrack readState(StateIn in, VesselId vessel) throws IOException {
        return BoatTrack.read(in);
    }

    private Step<BoatTrack> stepExact(BoatTrack track, Fix fix, DetectorContext ctx) {
        long nanos = epochNanos(fix);
        BoatReport report = new BoatReport(fix.x(), fix.y(), track.lastX(), track.lastY());
        if (nanos == track.lastEpochNanos() && report.samePosition()) {
            return Step.quiet(track);
        }
        Outcome<BoatState, BoatTrigger> outcome = MACHINE.fire(track.state(), BoatTrigger.REPORT, report);
        BoatTrack next = new BoatTrack(outcome.state(), fix.x(), fix.y(), nanos);
        return publishIfChanged(track, next, fix, ctx, Map.of());
    }

    /**
     * lastX/lastY hold the lat/lon the speed is derived from when the fix has no SOG; that base moves
     * only once {@link #MIN_DERIVE_MILLIS} has passed, so that position jitter between two reports a
     * second apart never reads as speed.
     */
    private Step<BoatTrack> stepBySpeed(BoatTrack track, Fix fix, DetectorContext ctx) {
        long nanos = epochNanos(fix);
        if (nanos <= track.lastEpochNanos()) {
            return Step.quiet(track); // a redelivery or an older fix: it says nothing about now
        }
        double knots = fix.sogKnots();
        if (Double.isNaN(knots)) {
            if (track.lastEpochNanos() != Long.MIN_VALUE && nanos - track.lastEpochNanos() < MIN_DERIVE_MILLIS * 1_000_000L
                    && !Double.isNaN(track.lastX())) {
                return Step.quiet(track);
            }
            knots = derivedKnots(track, fix, nanos);
        }
        if (Double.isNaN(knots)) {
            return Step.quiet(new BoatTrack(track.state(), fix.lat(), fix.lon(), nanos, track.crossingSinceNanos()));
        }
        boolean crossing = track.state() == BoatState.MOVING ? knots < speedProfile.restBelowKnots()
                : knots > speedProfile.moveAboveKnots();
        long since = !crossing ? Long.MIN_VALUE
                : track.crossingSinceNanos() == Long.MIN_VALUE ? nanos : track.crossingSinceNanos();
        long crossedFor = since == Long.MIN_VALUE ? -1 : (nanos - since) / 1_000_000L;
        Outcome<BoatState, BoatTrigger> outcome =
                SPEED_MACHINE.fire(track.state(), BoatTrigger.REPORT, new SpeedReport(knots, speedProfile, crossedFor));
        long nextSince = outcome.state() != track.state() ? Long.MIN_VALUE : since;
        BoatTrack next = new BoatTrack(outcome.state(), fix.lat(), fix.lon(), nanos, nextSince);
        if (next.state() == track.state()) {
            return Step.quiet(next); // the common case: no details map, no boxing
        }
        return publishIfChanged(track, next, fix, ctx, Map.of("sogKnots", knots));
    }

    private static Step<BoatTrack> publishIfChanged(BoatTrack before, BoatTrack next, Fix fix, DetectorContext ctx,
                                                    Map<String, Object> details) {
        if (next.state() == before.state()) {
            return Step.quiet(next);
        }
        Event event = Event.transition(Event.STATE_TRANSITION, NAME, before.state().wireName(),
                next.state().wireName(), fix, ctx.wallClock(), details);
        return Step.of(next, event);
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
