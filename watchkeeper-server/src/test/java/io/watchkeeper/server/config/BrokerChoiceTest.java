package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.mqtt.client.BrokerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerChoiceTest {

    private static final WatchkeeperConfig FILE = new WatchkeeperConfig(
            new WatchkeeperConfig.Broker("tcp://file-host:1885", "file-id"), null, null, null, null, null, null, null, null, null);
    private static final Map<String, String> ENV = Map.of("BROKER_SERVER_IP", "env-host", "BROKER_SERVER_PORT",
            "1884", "BROKER_CLIENT_ID", "env-id");

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefault() {
        assertThat(BrokerChoice.resolve("tcp://flag-host:1886", "flag-id", ENV, FILE, "f.yaml", "role"))
                .isEqualTo(new BrokerChoice(new BrokerAddress("flag-host", 1886), "flag-id", "--broker"));
        BrokerChoice env = BrokerChoice.resolve(null, null, ENV, FILE, "f.yaml", "role");
        assertThat(env.address()).isEqualTo(new BrokerAddress("env-host", 1884));
        assertThat(env.clientId()).isEqualTo("env-id");
        BrokerChoice file = BrokerChoice.resolve(null, null, Map.of(), FILE, "f.yaml", "role");
        assertThat(file.address()).isEqualTo(new BrokerAddress("file-host", 1885));
        assertThat(file.clientId()).isEqualTo("file-id");
        assertThat(file.origin()).isEqualTo("f.yaml");
        BrokerChoice none = BrokerChoice.resolve(null, null, Map.of(), WatchkeeperConfig.DEFAULTS, null, "role");
        assertThat(none.address()).isEqualTo(new BrokerAddress("localhost", 1883));
        assertThat(none.clientId()).isEqualTo("role");
    }

    @Test
    void thePacketLimitComesFromTheFileOrIsTheDefaultAndIsChecked(@TempDir Path dir) throws Exception {
        assertThat(WatchkeeperConfig.DEFAULTS.broker().maxPacketBytesOrDefault()).isEqualTo(128 * 1024);
        Path file = Files.writeString(dir.resolve("wk.yaml"), "broker:\n  maxPacketBytes: 65536\n");
        assertThat(ConfigFile.load(file).broker().maxPacketBytesOrDefault()).isEqualTo(65_536);
        Path tiny = Files.writeString(dir.resolve("tiny.yaml"), "broker:\n  maxPacketBytes: 10\n");
        assertThatThrownBy(() -> ConfigFile.load(tiny).broker().maxPacketBytesOrDefault())
                .isInstanceOf(ConfigException.class).hasMessage("broker.maxPacketBytes must be 1024..268435460, got 10");
    }

    @Test
    void aLoggedInRolesDefaultClientIdIsBoundToItsUser() {
        // the broker refuses client ids that are not the user name or '<user>-...' (docs/security.md)
        assertThat(BrokerChoice.boundTo("detector", "watchkeeper-detect")).isEqualTo("detector-watchkeeper-detect");
        assertThat(BrokerChoice.boundTo("port1", "PORT1")).isEqualTo("port1-PORT1");
        assertThat(BrokerChoice.boundTo("ops", "ops")).isEqualTo("ops");
        assertThat(BrokerChoice.boundTo("ops", "ops-sub-7")).isEqualTo("ops-sub-7");
        assertThat(BrokerChoice.boundTo("ops", "opsx")).isEqualTo("ops-opsx");
    }

    @Test
    void theOriginalsEnvironmentWithoutAPortUses1883() {
        BrokerChoice c = BrokerChoice.resolve(null, null, Map.of("BROKER_SERVER_IP", "mqtt.example"),
                WatchkeeperConfig.DEFAULTS, null, "role");
        assertThat(c.address()).isEqualTo(new BrokerAddress("mqtt.example", 1883));
    }

    @Test
    void aBadPortIsOneClearLine() {
        assertThatThrownBy(() -> BrokerChoice.resolve(null, null, Map.of("BROKER_SERVER_PORT", "eighteen"),
                WatchkeeperConfig.DEFAULTS, null, "role"))
                .isInstanceOf(ConfigException.class).hasMessage("BROKER_SERVER_PORT is not a port number: 'eighteen'");
    }

    @Test
    void configFileIsReadAndTyposAreNamedWithTheirLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "broker:\n  url: tcp://h:1999\nengine:\n  workers: 3\n");
        WatchkeeperConfig c = ConfigFile.load(good);
        assertThat(c.broker().url()).isEqualTo("tcp://h:1999");
        assertThat(c.engine().toEngineConfig().workers()).isEqualTo(3);

        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "broker:\n  url: tcp://h:1999\nengin:\n  workers: 3\n");
        assertThatThrownBy(() -> ConfigFile.load(typo)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("typo.yaml line 3").hasMessageContaining("unknown key 'engin'");

        Path wrongType = dir.resolve("type.yaml");
        Files.writeString(wrongType, "engine:\n  workers: many\n");
        assertThatThrownBy(() -> ConfigFile.load(wrongType)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("type.yaml line 2");

        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("missing.yaml"))).hasMessageContaining("no such file");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThat(ConfigFile.load(empty)).isEqualTo(WatchkeeperConfig.DEFAULTS);
    }
}
