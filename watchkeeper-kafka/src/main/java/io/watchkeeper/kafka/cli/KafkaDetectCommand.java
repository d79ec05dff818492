package io.watchkeeper.kafka.cli;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.streams.KafkaEngine;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchkeeper detect --engine kafka}: one instance of the detection engine on Kafka Streams. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs the detectors as a Kafka Streams application: input topic (by station) -> decode ->",
                "fixes topic (by vessel) -> per-vessel detectors -> events topic (the MQTT envelope JSON).",
                "Start several with the same --application-id and they share the partitions; one that dies",
                "is replaced by the others after --session-timeout. Ctrl-C stops this instance."},
        footer = {"", "Example:", "  watchkeeper detect --engine kafka --kafka 127.0.0.1:9092 --zones builtin:wpi"})
final class KafkaDetectCommand implements Callable<Integer> {

    @Option(names = "--engine", paramLabel = "kafka", required = true, description = "kafka (without it: the in-process engine).")
    String engine;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "watchkeeper",
            description = "Instances with the same id share the work and the state (default watchkeeper).")
    String applicationId;

    @Option(names = "--guarantee", paramLabel = "G", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 (default) or at_least_once.")
    String guarantee;

    @Option(names = "--standby-replicas", paramLabel = "N", defaultValue = "0",
            description = "Warm copies of each partition's state on other instances, for a quicker failover (default 0).")
    int standbys;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Stream threads (default 1).")
    int threads;

    @Option(names = "--streams-property", paramLabel = "KEY=VALUE",
            description = {"A Kafka Streams or client property over Watchkeeper's own (repeatable), e.g.",
                    "commit.interval.ms=200 or producer.linger.ms=5; see docs/scale-out.md."})
    Map<String, String> streamsProperties = new LinkedHashMap<>();

    @Option(names = "--session-timeout", paramLabel = "SECONDS", defaultValue = "45",
            description = "How long a silent instance keeps its partitions (default 45; 6 at the least).")
    int sessionTimeoutSeconds;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/kafka-state",
            description = "Local copies of the state stores (default ./data/kafka-state).")
    Path stateDir;

    @Option(names = "--zones", paramLabel = "SPEC", split = ",", description = "Zone sets, as for detect.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "User-defined machines in YAML.")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings: detectors:, motion:, zones:, rules:.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("kafka")) {
            throw new IllegalArgumentException("--engine must be kafka here, was " + engine);
        }
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new IllegalArgumentException("--guarantee must be exactly_once_v2 or at_least_once, was " + guarantee);
        }
        DetectorSuite suite = EngineSuite.load(config, zones, rules);
        KafkaEngine.Settings settings = KafkaEngine.Settings.defaults(kafka.bootstrap, stateDir)
                .withApplicationId(applicationId).withTopics(kafka.topics()).withPartitions(kafka.partitions)
                .withGuarantee(guarantee.equals("exactly_once_v2"), standbys).withThreads(threads)
                .withSessionTimeout(Duration.ofSeconds(sessionTimeoutSeconds)).withExtra(streamsProperties);
        UntilStopped stop = new UntilStopped();
        try (KafkaEngine running = KafkaEngine.start(settings, suite.setup(new VesselRegistry(), false),
                FramerSettings.defaults())) {
            System.err.println("detect: Kafka engine '" + applicationId + "' on " + kafka.bootstrap + ", "
                    + kafka.topics().input() + " -> " + kafka.topics().events() + " (" + guarantee + "); Ctrl-C stops it");
            while (!stop.await(Duration.ofMillis(500))) {
                if (running.failure() != null) {
                    // the engine stopped on its own (its error is logged): a failure, not a silent wait
                    throw new IllegalStateException("the Kafka engine stopped: " + running.failure());
                }
            }
        } finally {
            stop.done();
        }
        return 0;
    }

    /** The configured detectors, as replay and detect build them, without the pair detectors. */
    static final class EngineSuite {

        private EngineSuite() {
        }

        static DetectorSuite load(Path config, List<String> zones, Path rules) {
            WatchkeeperConfig cfg = config != null ? ConfigFile.load(config) : WatchkeeperConfig.DEFAULTS;
            List<String> zoneSpecs = zones.isEmpty() ? cfg.zones() : zones;
            Path rulesFile = rules != null ? rules : cfg.rules() != null ? Path.of(cfg.rules()) : null;
            DetectorSuite suite = DetectorSuite.from(cfg, zoneSpecs, rulesFile);
            if (!suite.pairs().isEmpty()) {
                System.err.println("detect: the Kafka engine does not run pair detectors yet; not running "
                        + suite.pairs().stream().map(p -> p.name()).toList());
            }
            return suite.withoutPairs();
        }
    }
}
