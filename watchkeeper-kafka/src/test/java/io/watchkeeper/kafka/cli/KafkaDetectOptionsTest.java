package io.watchkeeper.kafka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KafkaDetectOptionsTest {

    @Test
    void streamsPropertiesAreRepeatableKeyValuePairs() {
        KafkaDetectCommand detect = new KafkaDetectCommand();
        new CommandLine(detect).parseArgs("--engine", "kafka", "--kafka", "h:1",
                "--streams-property", "commit.interval.ms=50", "--streams-property=producer.linger.ms=5");
        assertThat(detect.streamsProperties)
                .isEqualTo(Map.of("commit.interval.ms", "50", "producer.linger.ms", "5"));
    }

    @Test
    void withoutStreamsPropertiesNoneAreSet() {
        KafkaDetectCommand detect = new KafkaDetectCommand();
        new CommandLine(detect).parseArgs("--engine", "kafka", "--kafka", "h:1");
        assertThat(detect.streamsProperties).isEmpty();
    }
}
