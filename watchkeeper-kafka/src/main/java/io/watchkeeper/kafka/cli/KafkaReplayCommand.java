package io.watchkeeper.kafka.cli;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.kafka.streams.RecordingLoader;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper replay FILE --kafka HOST:PORT}: a recording into Kafka, for the Kafka engine (backfill). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Loads a recording into Kafka's input topic for the Kafka engine (detect --engine kafka),",
                "which then gives the events replay FILE prints. The file is read and decoded here, as replay does",
                "(fixes in event-time order, static data first)."},
        footer = {"", "Example:", "  watchkeeper replay data/solent-stonesoup/SolentAIS_20160112_130211.csv --kafka 127.0.0.1:9092"})
final class KafkaReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The recording: AIS NMEA, CSV tracks or JSON lines, plain or gzip.")
    String file;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--site", paramLabel = "NAME", description = "Site of the recording's fixes (default: the file name).")
    String site;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (input.maxAhead is used).")
    Path config;

    @Option(names = "--no-tag-checksum", description = "Accept NMEA tag blocks with a wrong checksum.")
    boolean noTagChecksum;

    @Override
    public Integer call() throws Exception {
        WatchkeeperConfig cfg = config != null ? ConfigFile.load(config) : WatchkeeperConfig.DEFAULTS;
        VesselRegistry registry = new VesselRegistry();
        DeadLetterCounter deadLetters = new DeadLetterCounter(d -> { });
        String siteName = site != null ? site : Recording.siteOf(file);
        Recording recording = Recording.read(file, siteName, registry, deadLetters,
                FramerSettings.defaults().withVerifyTagBlockChecksum(!noTagChecksum), ProgressBar.disabled(),
                Clock.systemUTC(), cfg.input().maxAheadOrDefault());
        TopicSetup.ensure(kafka.bootstrap, kafka.topics().all(), kafka.partitions, (short) 1);
        RecordingLoader.Loaded loaded = RecordingLoader.load(recording, registry, siteName, kafka.bootstrap,
                kafka.topics().input());
        int notices = RecordingLoader.loadNotices(recording, kafka.bootstrap, kafka.topics().events());
        System.err.printf("replay: %,d fixes and %,d vessels' static data into %s, %,d safety messages into %s "
                        + "(%,d rejected inputs)%n", loaded.fixes(), loaded.vessels(), kafka.topics().input(), notices,
                kafka.topics().events(), deadLetters.total());
        return 0;
    }
}
