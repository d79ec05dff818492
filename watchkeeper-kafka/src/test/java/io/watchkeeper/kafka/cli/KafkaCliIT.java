package io.watchkeeper.kafka.cli;

import org.junit.jupiter.api.extension.ExtendWith;
import io.watchkeeper.kafka.testing.SharedKafka;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.Recording;
import io.watchkeeper.server.app.Replay;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end: {@code replay FILE --kafka} loads, {@code detect --engine kafka} (a child JVM) detects. */
@ExtendWith(SharedKafka.class)
class KafkaCliIT {

    @TempDir
    static Path dir;
    static KafkaDevBroker kafka;

    @BeforeAll
    static void start(KafkaDevBroker shared) throws Exception {
        kafka = shared;
    }

    @Test
    void replayIntoKafkaThenDetectGivesTheReplaysEventCount() throws Exception {
        String file = TestData.file("solent-stonesoup/SolentAIS_20160112_130211.csv").toString();
        assertThat(KafkaMain.run("replay", file, "--kafka", kafka.bootstrap(), "--topic-prefix", "cli")).isZero();
        assertThat(TopicReader.readUntil(kafka.bootstrap(), "cli.input", Duration.ofSeconds(30),
                r -> r.size() >= 18_623)).hasSizeGreaterThanOrEqualTo(18_623);

        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KafkaMain.class.getName(), "detect", "--engine", "kafka",
                "--kafka", kafka.bootstrap(), "--topic-prefix", "cli", "--application-id", "cli",
                "--state-dir", dir.resolve("state").toString());
        Process detect = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("detect.log").toFile()).start();
        try {
            int expected = inlineEventCount(file);
            assertThat(TopicReader.readUntil(kafka.bootstrap(), "cli.events", Duration.ofSeconds(120),
                    r -> r.size() >= expected)).hasSize(expected);
        } finally {
            detect.destroy(); // SIGTERM: Ctrl-C's path
        }
        assertThat(detect.waitFor(45, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(detect.exitValue()).isIn(0, 143);
    }

    /** What replay gives with the defaults, less the pair detectors (the Kafka engine does not run them yet). */
    private static int inlineEventCount(String file) throws Exception {
        DetectorSuite all = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        DetectorSuite suite = new DetectorSuite(all.detectors(), List.of(), all.zones(), all.maxAhead(), null);
        VesselRegistry registry = new VesselRegistry();
        Recording recording = Recording.read(file, Recording.siteOf(file), registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), suite.maxAhead());
        AtomicInteger n = new AtomicInteger();
        Replay.run(recording, suite, registry, e -> n.incrementAndGet(), new DeadLetterCounter(d -> { }));
        return n.get();
    }
}
