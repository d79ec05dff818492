package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.zone.Zone;
import java.util.ArrayList;
import java.util.List;

/** Feeds fixes to one detector of one vessel, keeping its state and collecting its events. */
final class Feed<S> {

    private final Detector<S> detector;
    private S state;
    private final List<Event> events = new ArrayList<>();

    Feed(Detector<S> detector) {
        this.detector = detector;
        this.state = detector.initial(TestContext.VESSEL);
    }

    Feed<S> fix(Fix fix, Zone... inside) {
        return apply(detector.step(state, fix, TestContext.at(fix, inside)));
    }

    Feed<S> sweep(long nowMillis) {
        return apply(detector.onTime(state, TestContext.VESSEL, nowMillis, TestContext.sweep(nowMillis)));
    }

    private Feed<S> apply(Step<S> step) {
        state = step.state();
        events.addAll(step.events());
        return this;
    }

    S state() {
        return state;
    }

    List<Event> events() {
        return events;
    }

    List<Event> take() {
        List<Event> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
