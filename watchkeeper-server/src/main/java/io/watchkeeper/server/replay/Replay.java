package io.watchkeeper.server.replay;

import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.engine.InlineEngine;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.input.RecordClock;
import java.util.List;

/**
 * Runs a {@link Recording} through the detectors on the caller's thread, with the
 * {@link RecordClock}: deterministic, so the same recording always gives the same events.
 */
public final class Replay {

    private Replay() {
    }

    /**
     * Replays every fix in order; events go to {@code events} as they are found, and the recording's notices
     * (safety messages) among them in time order, each before the fixes of its time.
     */
    public static EngineStats run(Recording recording, DetectorSuite suite, VesselRegistry registry,
                                  EventSink events, DeadLetterSink deadLetters) {
        RecordClock clock = new RecordClock();
        InlineEngine engine = new InlineEngine(suite.setup(registry, false), events, deadLetters, clock);
        List<Event> notices = recording.notices();
        int next = 0;
        for (Fix fix : recording.fixes()) {
            while (next < notices.size() && !notices.get(next).time().isAfter(fix.time())) {
                events.accept(notices.get(next++));
            }
            clock.set(fix.time());
            engine.submit(fix);
        }
        while (next < notices.size()) {
            events.accept(notices.get(next++));
        }
        return engine.stats();
    }
}
