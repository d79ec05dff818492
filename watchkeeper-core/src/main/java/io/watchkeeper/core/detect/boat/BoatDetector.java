package io.watchkeeper.core.detect.boat;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Outcome;
import io.watchkeeper.core.fsm.StateMachine;
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
 * It applies to planar (x/y) fixes only; fixes without x/y leave the state untouched. The speed-based
 * profile for real lat/lon data is a different detector.
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
        if (!fix.isPlanar()) {
            return Step.quiet(track);
        }
        long nanos = epochNanos(fix);
        BoatReport report = new BoatReport(fix.x(), fix.y(), track.lastX(), track.lastY());
        if (nanos == track.lastEpochNanos() && report.samePosition()) {
            return Step.quiet(track);
        }
        Outcome<BoatState, BoatTrigger> outcome = MACHINE.fire(track.state(), BoatTrigger.REPORT, report);
        BoatTrack next = new BoatTrack(outcome.state(), fix.x(), fix.y(), nanos);
        if (!outcome.changed()) {
            return Step.quiet(next);
        }
        Event event = Event.transition(Event.STATE_TRANSITION, NAME, track.state().wireName(),
                outcome.state().wireName(), fix, ctx.wallClock(), Map.of());
        return Step.of(next, event);
    }

    private static long epochNanos(Fix fix) {
        return fix.time().getEpochSecond() * 1_000_000_000L + fix.time().getNano();
    }
}
