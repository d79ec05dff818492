package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.config.BrokerLogin;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.config.ConfigKey;
import io.watchkeeper.server.config.ConfigKeys;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every client role shares: which broker, as whom, and the config file. */
final class BrokerOptions {

    /** The override of {@code broker.url}, named as the broker's origin when it is the one used. */
    private static final String ENV_BROKER_URL = new ConfigKey("broker.url", String.class).envName();

    @Option(names = "--broker", paramLabel = "URL",
            description = "MQTT broker, e.g. tcp://host:1883 or mqtts://host (TLS, port 8883). Default: "
                    + "$BROKER_SERVER_IP/$BROKER_SERVER_PORT, else $WATCHKEEPER_BROKER_URL, else broker.url in --config, "
                    + "else tcp://localhost:1883.")
    @Nullable String broker;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "MQTT client id. Default: $BROKER_CLIENT_ID, else broker.clientId in --config, else the role's "
                    + "name, after 'USER-' when logging in as USER.")
    @Nullable String clientId;

    @Option(names = "--max-packet-bytes", paramLabel = "N",
            description = "Largest MQTT packet accepted from the broker. Default: broker.maxPacketBytes in --config, "
                    + "else 131072 (128 KiB).")
    @Nullable Integer maxPacketBytes;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see docs/configuration.md).")
    @Nullable Path config;

    @Option(names = "--username", paramLabel = "USER",
            description = "Log in to the broker as USER (docs/security.md). Default: broker.username in --config, else anonymous.")
    @Nullable String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from FILE's first line. Default: $" + BrokerLogin.ENV_PASSWORD
                    + ", else broker.passwordFile in --config. Never on the command line.")
    @Nullable Path passwordFile;

    @Option(names = "--tls-truststore", paramLabel = "FILE",
            description = "For mqtts://: trust the certificates in this JKS/PKCS12 store. Default: broker.trustStore "
                    + "in --config, else the JVM's trusted CAs.")
    @Nullable Path trustStore;

    @Option(names = "--tls-truststore-password-file", paramLabel = "FILE",
            description = "The trust store's password, from FILE's first line. Default: $"
                    + BrokerLogin.ENV_TRUSTSTORE_PASSWORD + ", else broker.trustStorePasswordFile in --config.")
    @Nullable Path trustStorePasswordFile;

    /** The config file, with the {@code WATCHKEEPER_*} environment variables over it. */
    WatchkeeperConfig config() {
        return ConfigFile.load(config, env(), configKeys());
    }

    /** Every configuration key, the built-in detectors' settings among them. */
    static ConfigKeys configKeys() {
        Map<String, Record> detectors = new LinkedHashMap<>();
        DetectorSuite.BUILT_INS.forEach(b -> detectors.put(b.key(), b.defaults()));
        return ConfigKeys.of(detectors);
    }

    BrokerChoice choice(String defaultClientId) {
        return choice(config(), defaultClientId);
    }

    BrokerChoice choice(WatchkeeperConfig file, String defaultClientId) {
        String user = username != null ? username : file.broker().username();
        String urlSource = env().containsKey(ENV_BROKER_URL) ? ENV_BROKER_URL : config == null ? null : config.toString();
        return BrokerChoice.resolve(broker, clientId, env(), file, urlSource,
                user == null || user.isBlank() ? defaultClientId : BrokerChoice.boundTo(user, defaultClientId));
    }

    /** Login and TLS trust from the flags, the environment and {@code file}. */
    BrokerLogin login(WatchkeeperConfig file, BrokerChoice choice) {
        return BrokerLogin.resolve(new BrokerLogin.Flags(username, passwordFile, trustStore, trustStorePasswordFile),
                env(), file, config == null ? null : config.toString(), choice.address());
    }

    ClientSettings settings(BrokerChoice choice) {
        return settings(choice, config());
    }

    ClientSettings settings(BrokerChoice choice, WatchkeeperConfig file) {
        return secure(ClientSettings.of(choice.address(), choice.clientId()), choice, file);
    }

    /**
     * {@code settings} with the login, TLS trust and packet size limit applied, for roles that build their own
     * settings.
     */
    ClientSettings secure(ClientSettings settings, BrokerChoice choice, WatchkeeperConfig file) {
        int packetLimit = maxPacketBytes != null ? checkedPacketLimit(maxPacketBytes) : file.broker().maxPacketBytesOrDefault();
        return login(file, choice).applyTo(settings).withMaximumPacketSize(packetLimit);
    }

    private static int checkedPacketLimit(int bytes) {
        if (bytes < 1024 || bytes > 268_435_460) {
            throw new ConfigException("--max-packet-bytes must be 1024..268435460, got " + bytes);
        }
        return bytes;
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
