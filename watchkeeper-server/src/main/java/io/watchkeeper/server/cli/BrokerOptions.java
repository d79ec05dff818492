package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.util.Map;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every client role shares: which broker, as whom, and the config file. */
final class BrokerOptions {

    @Option(names = "--broker", paramLabel = "URL",
            description = "MQTT broker, e.g. tcp://host:1883. Default: $BROKER_SERVER_IP/$BROKER_SERVER_PORT, "
                    + "else broker.url in --config, else tcp://localhost:1883.")
    @Nullable String broker;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "MQTT client id. Default: $BROKER_CLIENT_ID, else broker.clientId in --config, else the role's name.")
    @Nullable String clientId;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see docs/configuration.md).")
    @Nullable Path config;

    WatchkeeperConfig config() {
        return config == null ? WatchkeeperConfig.DEFAULTS : ConfigFile.load(config);
    }

    BrokerChoice choice(String defaultClientId) {
        return choice(config(), defaultClientId);
    }

    BrokerChoice choice(WatchkeeperConfig file, String defaultClientId) {
        return BrokerChoice.resolve(broker, clientId, env(), file, config == null ? null : config.toString(),
                defaultClientId);
    }

    ClientSettings settings(BrokerChoice choice) {
        return ClientSettings.of(choice.address(), choice.clientId());
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
