package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who a client logs in as: flags beat the environment, which beats the file; secrets never printed. No disk. */
class BrokerLoginTest {

    private static final BrokerAddress PLAIN = BrokerAddress.of("h", 1883);
    private static final WatchkeeperConfig FILE = new WatchkeeperConfig(
            new WatchkeeperConfig.Broker(null, null, "file-user", null, null, null),
            null, null, null, null, null, null, null, null, null);

    @Test
    void anonymousWhenNothingIsSet() {
        assertThat(BrokerLogin.resolve(BrokerLogin.Flags.NONE, Map.of(), WatchkeeperConfig.DEFAULTS, null, PLAIN))
                .isEqualTo(BrokerLogin.ANONYMOUS);
    }

    @Test
    void passwordFromTheEnvironmentAndUserFromFlagOrFile() {
        Map<String, String> env = Map.of(BrokerLogin.ENV_PASSWORD, "env-secret");
        BrokerLogin fromFile = BrokerLogin.resolve(BrokerLogin.Flags.NONE, env, FILE, "wk.yaml", PLAIN);
        assertThat(fromFile.username()).isEqualTo("file-user");
        assertThat(fromFile.password()).isEqualTo("env-secret");
        BrokerLogin flag = BrokerLogin.resolve(new BrokerLogin.Flags("flag-user", null, null, null), env, FILE,
                "wk.yaml", PLAIN);
        assertThat(flag.username()).isEqualTo("flag-user");

        ClientSettings applied = flag.applyTo(ClientSettings.of(PLAIN, "c"));
        assertThat(applied.username()).isEqualTo("flag-user");
        assertThat(applied.password()).isEqualTo("env-secret");
        assertThat(flag.toString()).doesNotContain("env-secret").contains("password=***");
        assertThat(applied.toString()).doesNotContain("env-secret");
    }

    @Test
    void aPasswordWithoutAUserIsRefused() {
        assertThatThrownBy(() -> BrokerLogin.resolve(BrokerLogin.Flags.NONE, Map.of(BrokerLogin.ENV_PASSWORD, "s"),
                WatchkeeperConfig.DEFAULTS, null, PLAIN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a password was given (WATCHKEEPER_MQTT_PASSWORD) but no user name: add --username or broker.username");
    }

    @Test
    void aTrustStoreNeedsAnMqttsAddress() {
        assertThatThrownBy(() -> BrokerLogin.resolve(new BrokerLogin.Flags(null, null, Path.of("trust.p12"), null),
                Map.of(), WatchkeeperConfig.DEFAULTS, null, PLAIN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a trust store was given but the broker address h:1883 is plain text: use mqtts://host[:port]");
    }

    @Test
    void theTrustStorePasswordIsDroppedWithoutATrustStore() {
        BrokerLogin login = BrokerLogin.resolve(BrokerLogin.Flags.NONE,
                Map.of(BrokerLogin.ENV_TRUSTSTORE_PASSWORD, "t"), WatchkeeperConfig.DEFAULTS, null, PLAIN.withTls(true));
        assertThat(login.trustStorePassword()).isNull();
    }
}
