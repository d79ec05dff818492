package io.watchkeeper.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kafka engine against the in-process replay on real recordings: the same events, by eventId and by
 * the bytes of their MQTT envelope, with the per-vessel detectors (zones of the World Port Index on).
 */
@ExtendWith(SharedKafka.class)
class KafkaEngineEqualityIT {

    @TempDir
    static Path dir;
    static KafkaDevBroker kafka;

    @BeforeAll
    static void start(KafkaDevBroker shared) throws Exception {
        kafka = shared;
    }

    @ParameterizedTest(name = "{0} on {1} partition(s)")
    @CsvSource({
            "dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz, 1",
            "dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz, 3",
            "solent-stonesoup/SolentAIS_20160112_130211.csv, 3"})
    void sameEventsAsTheInlineReplay(String file, int partitions) throws Exception {
        sameEvents(file, partitions, 50);
    }

    /** A recording with AIS safety messages (14 of them), which the replay prints without a detector. */
    @Test
    void sameSafetyMessagesAsTheInlineReplay() throws Exception {
        sameEvents("gfw-ais-tools/multi-part.nmea", 1, 14);
    }

    private void sameEvents(String file, int partitions, int minEvents) throws Exception {
        // The Kafka engine runs no pair detectors (detect --engine kafka leaves them out), so neither does
        // the replay here: a list of them by name missed each one added later.
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of("builtin:wpi"), null)
                .withoutPairs();
        VesselRegistry registry = new VesselRegistry();
        String path = TestData.file(file).toString();
        String site = Recording.siteOf(path);
        Recording recording = Recording.read(path, site, registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), suite.maxAhead());
        EventJson json = new EventJson();
        List<String> inline = new ArrayList<>();
        Replay.run(recording, suite, registry, e -> inline.add(new String(json.encode(e), StandardCharsets.UTF_8)),
                new DeadLetterCounter(d -> { }));
        assertThat(inline).as("the recording has events to compare").hasSizeGreaterThanOrEqualTo(minEvents);

        String prefix = "eq-" + site + "-" + partitions;
        KafkaTopics topics = KafkaTopics.prefixed(prefix);
        KafkaEngine.Settings settings = KafkaEngine.Settings.defaults(kafka.bootstrap(), dir.resolve("state-" + prefix))
                .withApplicationId(prefix).withTopics(topics).withPartitions(partitions);
        long t0 = System.nanoTime();
        try (KafkaEngine engine = KafkaEngine.start(settings, suite.setup(registry, false), FramerSettings.defaults())) {
            RecordingLoader.load(recording, registry, site, kafka.bootstrap(), topics.input());
            RecordingLoader.loadNotices(recording, kafka.bootstrap(), topics.events()); // as replay --kafka does
            // all of them, then 3 s more, so that an extra event would show
            long[] reached = {0};
            List<ConsumerRecord<String, byte[]>> got = TopicReader.readUntil(kafka.bootstrap(), topics.events(),
                    Duration.ofSeconds(180), r -> {
                        if (engine.failure() != null) {
                            return true;
                        }
                        if (r.size() < inline.size()) {
                            return false;
                        }
                        if (reached[0] == 0) {
                            reached[0] = System.nanoTime();
                        }
                        return System.nanoTime() - reached[0] > 3_000_000_000L;
                    });
            assertThat(engine.failure()).isNull();
            List<String> kafkaEvents = got.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            System.out.printf("%s, %d partition(s): %d fixes, %d inline events, %d Kafka events in %d ms%n", site,
                    partitions, recording.fixes().size(), inline.size(), kafkaEvents.size(),
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(eventIds(kafkaEvents)).isEqualTo(eventIds(inline));
            assertThat(kafkaEvents).hasSameSizeAs(inline);
            assertThat(new HashSet<>(kafkaEvents)).isEqualTo(new HashSet<>(inline));
            for (ConsumerRecord<String, byte[]> r : got) {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(r.key()); // keyed by vessel
            }
        }
    }

    private static Set<String> eventIds(List<String> envelopes) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (String e : envelopes) {
            ids.add(mapper.readTree(e).path("body").path("eventId").asText());
        }
        return ids;
    }
}
