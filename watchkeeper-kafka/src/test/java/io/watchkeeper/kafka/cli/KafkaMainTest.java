package io.watchkeeper.kafka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaMainTest {

    @Test
    void onlyCommandLinesThatAskForKafkaAreKafkas() {
        assertThat(KafkaMain.isKafka(List.of("kafka-dev"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("bridge", "--kafka", "h:1"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("detect", "--engine", "kafka", "--kafka", "h:1"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("detect", "--engine=kafka"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("replay", "f.nmea", "--kafka", "h:1"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("replay", "f.nmea", "--kafka=h:1"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("bench", "kafka", "--json"))).isTrue();
        assertThat(KafkaMain.isKafka(List.of("bench", "e2e"))).isFalse();

        assertThat(KafkaMain.isKafka(List.of())).isFalse();
        assertThat(KafkaMain.isKafka(List.of("demo"))).isFalse();
        assertThat(KafkaMain.isKafka(List.of("detect", "--zones", "builtin:wpi"))).isFalse();
        assertThat(KafkaMain.isKafka(List.of("detect", "--engine"))).isFalse();
        assertThat(KafkaMain.isKafka(List.of("replay", "kafka.nmea"))).isFalse();
        assertThat(KafkaMain.isKafka(List.of("sub", "--kafka"))).isFalse();
    }
}
