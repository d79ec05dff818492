package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputSpecTest {

    @Test
    void eachKindParsesWithADefaultName() {
        assertThat(InputSpec.parse("file:/data/ais-sample.txt.gz"))
                .isEqualTo(new InputSpec.NmeaFile("ais-sample", Path.of("/data/ais-sample.txt.gz")));
        assertThat(InputSpec.parse("file:-")).isEqualTo(new InputSpec.NmeaFile("stdin", Path.of("-")));
        assertThat(InputSpec.parse("tcp:relay.example.org:5631"))
                .isEqualTo(new InputSpec.NmeaTcp("relay.example.org", "relay.example.org", 5631));
        assertThat(InputSpec.parse("udp:10110")).isEqualTo(new InputSpec.NmeaUdp("udp-10110", 10110));
        assertThat(InputSpec.parse("csv:tracks/503000530.csv"))
                .isEqualTo(new InputSpec.CsvFile("503000530", Path.of("tracks/503000530.csv")));
    }

    @Test
    void aNameGoesBeforeAnEqualsSign() {
        assertThat(InputSpec.parse("solent=csv:Solent.csv").name()).isEqualTo("solent");
        assertThat(InputSpec.parse("norway=tcp:[::1]:5631"))
                .isEqualTo(new InputSpec.NmeaTcp("norway", "[::1]", 5631));
    }

    @Test
    void mistakesSayWhatIsAccepted() {
        assertThatThrownBy(() -> InputSpec.parse("ftp:x")).isInstanceOf(ConfigException.class)
                .hasMessage("input 'ftp:x': unknown kind 'ftp' (use file:PATH, tcp:HOST:PORT, udp:PORT or csv:PATH,"
                        + " optionally NAME=...)");
        assertThatThrownBy(() -> InputSpec.parse("tcp:host")).hasMessageContaining("tcp needs HOST:PORT");
        assertThatThrownBy(() -> InputSpec.parse("udp:70000")).hasMessageContaining("'70000' is not a port number");
        assertThatThrownBy(() -> InputSpec.parse("recording.nmea")).hasMessageContaining("expected KIND:WHERE");
    }
}
