package io.watchkeeper.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.log.InputRecords;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path's decoding: raw NMEA lines on {@code AIS/dk}, one input record each, as the bridge
 * writes them, decoded by the Streams application's first stage into the same fixes and static data
 * as {@code replay} decodes from the file.
 */
@ExtendWith(SharedKafka.class)
class LiveAisDecodeIT {

    @TempDir
    Path dir;

    @Test
    void nmeaLinesOnAnAisTopicBecomeTheReplaysFixesAndStaticData(KafkaDevBroker kafka) throws Exception {
        String file = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz").toString();
        DetectorSuite all = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        VesselRegistry registry = new VesselRegistry();
        Recording recording = Recording.read(file, "dk", registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), all.maxAhead());
        assertThat(registry.size()).as("the recording has static data").isPositive();

        KafkaTopics topics = KafkaTopics.prefixed("live");
        KafkaEngine.Settings settings = KafkaEngine.Settings.defaults(kafka.bootstrap(), dir.resolve("state"))
                .withApplicationId("live").withTopics(topics).withPartitions(2);
        DetectorSuite suite = all.withoutPairs();
        try (KafkaEngine engine = KafkaEngine.start(settings, suite.setup(new VesselRegistry(), false),
                FramerSettings.defaults());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrap(),
                     "acks", "all", "enable.idempotence", true, "linger.ms", 20), new StringSerializer(),
                     new ByteArraySerializer());
             LineInput in = LineFiles.open(Path.of(file))) {
            long now = System.currentTimeMillis();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                producer.send(InputRecords.of(topics.input(), "AIS/dk", line.getBytes(StandardCharsets.ISO_8859_1), now));
            }
            producer.flush();

            // decoded as they arrive; the reader stops once the replay's fixes and static data are all there
            List<Fix> fixes = new ArrayList<>();
            Map<String, VesselInfo> infos = new HashMap<>();
            int[] seen = {0};
            TopicReader.readUntil(kafka.bootstrap(), topics.fixes(), Duration.ofSeconds(120), got -> {
                for (; seen[0] < got.size(); seen[0]++) {
                    ConsumerRecord<String, byte[]> r = got.get(seen[0]);
                    VesselMessage m = decode(r);
                    if (m instanceof VesselMessage.FixMessage f) {
                        fixes.add(f.fix());
                    } else if (m instanceof VesselMessage.InfoMessage i) {
                        infos.put(r.key(), i.info());
                    }
                }
                return fixes.size() >= recording.fixes().size() && infos.size() >= registry.size();
            });
            assertThat(engine.failure()).isNull();
            assertThat(fixes).hasSameSizeAs(recording.fixes());
            assertThat(new HashSet<>(fixes)).isEqualTo(new HashSet<>(recording.fixes()));
            assertThat(infos.keySet()).hasSize(registry.size());
            for (VesselInfo expected : registry.all()) {
                VesselInfo got = infos.get(expected.vessel().key());
                assertThat(got).as("static data of %s", expected.vessel()).isNotNull();
                assertThat(got.shipType()).isEqualTo(expected.shipType());
                assertThat(got.name()).isEqualTo(expected.name());
            }
        }
    }

    private static VesselMessage decode(ConsumerRecord<String, byte[]> r) {
        try {
            return VesselMessage.decode(r.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
