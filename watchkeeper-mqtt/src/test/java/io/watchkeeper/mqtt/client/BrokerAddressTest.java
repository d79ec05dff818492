package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @ParameterizedTest
    @CsvSource({
            "tcp://broker.local:1884, broker.local, 1884",
            "mqtt://10.0.0.5:1883,    10.0.0.5,     1883",
            "TCP://host:2000/,        host,         2000",
            "localhost:1883,          localhost,    1883",
            "localhost,               localhost,    1883",
            "'  mosquitto  ',         mosquitto,    1883",
            "[::1]:1999,              ::1,          1999",
            "tcp://[::1],             ::1,          1883"})
    void parsesTheSpellingsOperatorsUse(String text, String host, int port) {
        assertThat(BrokerAddress.parse(text)).isEqualTo(new BrokerAddress(host, port));
    }

    @ParameterizedTest
    @CsvSource({
            "mqtts://broker.local,      broker.local, 8883",
            "ssl://broker.local:8884,   broker.local, 8884",
            "TLS://[::1],               ::1,          8883"})
    void tlsSchemesMeanTlsOnPort8883ByDefault(String text, String host, int port) {
        assertThat(BrokerAddress.parse(text)).isEqualTo(new BrokerAddress(host, port, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                  | broker address must not be empty",
            "wss://host:8883     | bad broker address 'wss://host:8883': scheme 'wss://' is not yet supported",
            "ws://host           | scheme 'ws://' is not yet supported",
            "http://host         | unknown scheme 'http://'",
            "host:abc            | port 'abc' is not a number",
            "host:0              | port 0 is outside 1..65535",
            "host:65536          | port 65536 is outside 1..65535",
            ":1883               | missing host",
            "tcp://host:1883/x   | expected host[:port] without path",
            "user@host           | expected host[:port] without path",
            "::1                 | an IPv6 address needs brackets",
            "[::1                | missing ']'",
            "host:               | port '' is not a number"})
    void rejectsBadInputWithOneClearMessage(String text, String message) {
        assertThatThrownBy(() -> BrokerAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void toStringParsesBack() {
        for (BrokerAddress address : new BrokerAddress[] {BrokerAddress.of("h", 1), BrokerAddress.of("::1", 1883),
                BrokerAddress.of("h", 8883).withTls(true)}) {
            assertThat(BrokerAddress.parse(address.toString())).isEqualTo(address);
        }
        assertThat(BrokerAddress.of("::1", 1883)).hasToString("[::1]:1883");
        assertThat(BrokerAddress.of("h", 8883).withTls(true)).hasToString("mqtts://h:8883");
    }

    @Test
    void constructorValidates() {
        assertThatThrownBy(() -> BrokerAddress.of(" ", 1883)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerAddress.of("h", 70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerAddress.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
