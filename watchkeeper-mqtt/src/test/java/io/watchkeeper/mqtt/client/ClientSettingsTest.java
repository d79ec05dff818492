package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    private static final BrokerAddress LOCAL = BrokerAddress.of("localhost", 1883);

    @Test
    void defaults() {
        ClientSettings s = ClientSettings.of(LOCAL, "detector");
        assertThat(s.maxInFlight()).isEqualTo(1024);
        assertThat(s.receiveMaximum()).isEqualTo(65535);
        assertThat(s.reconnectInitialDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.sessionExpiry()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.username()).isNull();
        assertThat(s.password()).isNull();
        assertThat(s.statusClientId()).isEqualTo("detector-status");
        assertThat(s.maximumPacketSize()).isEqualTo(128 * 1024);
    }

    @Test
    void maximumPacketSizeIsItsOwnCopyAndBounded() {
        ClientSettings s = ClientSettings.of(LOCAL, "a").withCredentials("user", "pw");
        assertThat(s.withMaximumPacketSize(4096)).isEqualTo(new ClientSettings(LOCAL, "a", "user", "pw", 1024, 65535,
                Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5), null, null,
                true, 4096));
        assertThatThrownBy(() -> s.withMaximumPacketSize(1023)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withMaximumPacketSize(268_435_461)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesChangeOneThing() {
        ClientSettings s = ClientSettings.of(LOCAL, "a")
                .withClientId("b")
                .withAddress(BrokerAddress.of("h", 2))
                .withCredentials("user", "secret")
                .withMaxInFlight(8)
                .withReceiveMaximum(1024)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofSeconds(1))
                .withConnectTimeout(Duration.ofSeconds(3))
                .withSessionExpiry(Duration.ZERO);
        assertThat(s).isEqualTo(new ClientSettings(BrokerAddress.of("h", 2), "b", "user", "secret", 8, 1024,
                Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ZERO));
    }

    @Test
    void toStringNeverShowsThePassword() {
        ClientSettings s = ClientSettings.of(LOCAL, "a").withCredentials("user", "hunter2");
        assertThat(s.toString()).contains("username=user", "password=***").doesNotContain("hunter2");
        assertThat(ClientSettings.of(LOCAL, "a").toString()).contains("password=null");
    }

    @Test
    void rejectsNonsense() {
        ClientSettings s = ClientSettings.of(LOCAL, "a");
        assertThatThrownBy(() -> ClientSettings.of(LOCAL, "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientSettings.of(LOCAL, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withReceiveMaximum(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("must not exceed");
        assertThatThrownBy(() -> s.withConnectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withSessionExpiry(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withCredentials(null, "pw")).hasMessage("a password needs a username");
    }
}
