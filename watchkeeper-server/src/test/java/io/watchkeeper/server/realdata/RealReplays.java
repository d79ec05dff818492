package io.watchkeeper.server.realdata;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Replays a file of the repository's data/ through a suite, as {@code watchkeeper replay} does. */
final class RealReplays {

    record Result(List<Event> events, EngineStats stats, Recording recording, long rejected) {

        List<Event> of(String vessel, String type) {
            return events.stream().filter(e -> e.vessel().key().equals(vessel) && e.type().equals(type)).toList();
        }

        List<Event> ofType(String type) {
            return events.stream().filter(e -> e.type().equals(type)).toList();
        }
    }

    private RealReplays() {
    }

    static Result replay(String relative, DetectorSuite suite) throws IOException {
        return replay(relative, suite, FramerSettings.defaults());
    }

    static Result replay(String relative, DetectorSuite suite, FramerSettings framing) throws IOException {
        VesselRegistry registry = new VesselRegistry();
        DeadLetterCounter dead = new DeadLetterCounter(d -> { });
        String path = TestData.file(relative).toString();
        Recording rec = Recording.read(path, Recording.siteOf(path), registry, dead, framing,
                ProgressBar.disabled(), Clock.systemUTC(), suite.maxAhead());
        List<Event> events = new ArrayList<>();
        EngineStats stats = Replay.run(rec, suite, registry, events::add, dead);
        return new Result(List.copyOf(events), stats, rec, dead.total());
    }
}
