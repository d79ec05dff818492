package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
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
        assertThat(InputSpec.parse("udp:10110"))
                .isEqualTo(new InputSpec.NmeaUdp("udp-10110", InetAddress.getLoopbackAddress(), 10110));
        assertThat(InputSpec.parse("csv:tracks/503000530.csv"))
                .isEqualTo(new InputSpec.CsvFile("503000530", Path.of("tracks/503000530.csv")));
    }

    /** A UDP input has no login: it listens on loopback unless an address is named, every interface only if asked. */
    @Test
    void udpListensOnLoopbackUnlessAnAddressIsNamed() throws Exception {
        InputSpec.NmeaUdp plain = (InputSpec.NmeaUdp) InputSpec.parse("udp:10110");
        assertThat(plain.address().isLoopbackAddress()).isTrue();
        assertThat(InputSpec.parse("udp:0.0.0.0:10110"))
                .isEqualTo(new InputSpec.NmeaUdp("udp-10110", InetAddress.getByName("0.0.0.0"), 10110));
        assertThat(InputSpec.parse("ais=udp:192.0.2.7:5000"))
                .isEqualTo(new InputSpec.NmeaUdp("ais", InetAddress.getByName("192.0.2.7"), 5000));
        assertThat(((InputSpec.NmeaUdp) InputSpec.parse("udp:[::]:10110")).address().isAnyLocalAddress()).isTrue();
        assertThat(((InputSpec.NmeaUdp) InputSpec.parse("udp:[::1]:10110")).address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> InputSpec.parse("udp:example.org:10110"))
                .hasMessageContaining("'example.org' is not an IP address");
        assertThatThrownBy(() -> InputSpec.parse("udp:::1:10110")).hasMessageContaining("IPv6 goes in brackets");
        assertThatThrownBy(() -> InputSpec.parse("udp:999.1.1.1:10110")).hasMessageContaining("not an IP address");
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
                .hasMessage("input 'ftp:x': unknown kind 'ftp' (use file:PATH, tcp:HOST:PORT, udp:[ADDR:]PORT or csv:PATH,"
                        + " optionally NAME=...)");
        assertThatThrownBy(() -> InputSpec.parse("tcp:host")).hasMessageContaining("tcp needs HOST:PORT");
        assertThatThrownBy(() -> InputSpec.parse("udp:70000")).hasMessageContaining("'70000' is not a port number");
        assertThatThrownBy(() -> InputSpec.parse("recording.nmea")).hasMessageContaining("expected KIND:WHERE");
    }
}
