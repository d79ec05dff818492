package io.watchkeeper.kafka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.kafka.streams.VesselMessage;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay FILE --kafka} through the CLI ({@code detect --engine kafka} runs as a child JVM in FailoverIT). */
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
    void replayIntoKafkaLoadsStaticDataThenEveryFixInOrderKeyedBySite() throws Exception {
        String file = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz").toString();
        assertThat(KafkaMain.run("replay", file, "--kafka", kafka.bootstrap(), "--topic-prefix", "cli")).isZero();
        VesselRegistry registry = new VesselRegistry();
        Recording recording = Recording.read(file, Recording.siteOf(file), registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(),
                WatchkeeperConfig.DEFAULTS.input().maxAheadOrDefault());
        int expected = registry.size() + recording.fixes().size();
        List<ConsumerRecord<String, byte[]>> got = TopicReader.readUntil(kafka.bootstrap(), "cli.input",
                Duration.ofSeconds(60), r -> r.size() >= expected);
        assertThat(got).hasSize(expected);
        assertThat(got.stream().map(ConsumerRecord::key).distinct()).containsExactly("replay/" + Recording.siteOf(file));
        assertThat(InputRecords.source(got.get(0))).isEqualTo("replay/" + Recording.siteOf(file));
        // the detection stage's own format: static data first, then the fixes in the replay's order
        assertThat(VesselMessage.decode(got.get(0).value())).isInstanceOf(VesselMessage.InfoMessage.class);
        VesselMessage last = VesselMessage.decode(got.get(got.size() - 1).value());
        assertThat(last).isEqualTo(new VesselMessage.FixMessage(recording.fixes().get(recording.fixes().size() - 1)));
    }
}
