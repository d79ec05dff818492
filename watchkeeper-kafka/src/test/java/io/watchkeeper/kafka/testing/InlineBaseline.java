package io.watchkeeper.kafka.testing;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * A recording of the repository's data read as {@code replay} reads it, with the default detectors the
 * Kafka engine runs (every per-vessel detector, no pair detector): what the Kafka engine's output is
 * compared with.
 *
 * @param site the site {@code replay} gives the recording's fixes
 */
public record InlineBaseline(DetectorSuite suite, VesselRegistry registry, String site, Recording recording) {

    /** Reads {@code dataPath}, a path under the repository's {@code data/}. */
    public static InlineBaseline read(String dataPath) throws IOException {
        String file = TestData.file(dataPath).toString();
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null).withoutPairs();
        VesselRegistry registry = new VesselRegistry();
        String site = Recording.siteOf(file);
        Recording recording = Recording.read(file, site, registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), suite.maxAhead());
        return new InlineBaseline(suite, registry, site, recording);
    }

    /** Runs the in-process engine over the recording, as {@code replay} does. */
    public void replay(EventSink events) {
        Replay.run(recording, suite, registry, events, new DeadLetterCounter(d -> { }));
    }
}
