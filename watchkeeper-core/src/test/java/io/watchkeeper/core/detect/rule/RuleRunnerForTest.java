package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fix.Fix;
import java.util.ArrayList;
import java.util.List;

/** Feeds one vessel's fixes (and timer sweeps) to a detector directly, keeping its state and events. */
final class RuleRunnerForTest {

    private final RuleDetector detector;
    private Place<RuleData> state;
    private final List<Event> events = new ArrayList<>();

    RuleRunnerForTest(RuleDetector detector) {
        this.detector = detector;
        this.state = detector.initial(RuleFixtures.SHIP);
    }

    RuleRunnerForTest feed(Fix fix, DetectorContext ctx) {
        Step<Place<RuleData>> step = detector.step(state, fix, ctx);
        state = step.state();
        events.addAll(step.events());
        return this;
    }

    /** What the engine's sweep does: onTime once event time has reached the vessel's wake time. */
    RuleRunnerForTest sweep(long nowMillis) {
        if (detector.wakeAtMillis(state) <= nowMillis) {
            Step<Place<RuleData>> step = detector.onTime(state, RuleFixtures.SHIP, nowMillis, RuleFixtures.at());
            state = step.state();
            events.addAll(step.events());
        }
        return this;
    }

    long wakeAt() {
        return detector.wakeAtMillis(state);
    }

    Place<RuleData> state() {
        return state;
    }

    List<Event> events() {
        return events;
    }
}
