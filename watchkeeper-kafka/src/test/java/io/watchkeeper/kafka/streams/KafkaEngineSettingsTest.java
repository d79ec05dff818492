package io.watchkeeper.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaEngineSettingsTest {

    private static final KafkaEngine.Settings DEFAULTS = KafkaEngine.Settings.defaults("h:1", Path.of("state"));

    @Test
    void exactlyOnceCommitsEverySecondAndAtLeastOnceKeepsKafkasInterval() {
        Properties exactly = DEFAULTS.properties();
        assertThat(exactly.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(exactly.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000);

        Properties atLeast = DEFAULTS.withGuarantee(false, 0).properties();
        assertThat(atLeast.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(atLeast).doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    @Test
    void extraPropertiesGoOverWatchkeepersOwnAndSurviveTheOtherSetters() {
        Properties p = DEFAULTS.withExtra(Map.of("commit.interval.ms", "100", "producer.linger.ms", "5"))
                .withThreads(2).withApplicationId("app").properties();
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
        assertThat(p.get("producer.linger.ms")).isEqualTo("5");
        assertThat(p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("app");
    }
}
