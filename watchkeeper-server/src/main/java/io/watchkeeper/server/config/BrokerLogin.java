package io.watchkeeper.server.config;

import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/**
 * As whom a client logs in to the broker and which certificates it trusts for {@code mqtts://}, decided
 * once like {@link BrokerChoice}: flags beat the environment, the environment beats the config file.
 * Secrets come from files or environment variables only ({@link Secrets}). {@link #toString()} hides them.
 *
 * @param username           the MQTT user name, or null for anonymous
 * @param password           its password, or null
 * @param trustStore         key store of certificates to trust for TLS, or null for the JVM's default trust
 * @param trustStorePassword the trust store's password, or null
 */
public record BrokerLogin(@Nullable String username, @Nullable String password, @Nullable Path trustStore,
                          @Nullable String trustStorePassword) {

    /** The password of {@code --username}, when no {@code --password-file} is given. */
    public static final String ENV_PASSWORD = "WATCHKEEPER_MQTT_PASSWORD";
    /** The trust store's password, when no {@code --tls-truststore-password-file} is given. */
    public static final String ENV_TRUSTSTORE_PASSWORD = "WATCHKEEPER_TLS_TRUSTSTORE_PASSWORD";

    public static final BrokerLogin ANONYMOUS = new BrokerLogin(null, null, null, null);

    /** The flags a client command offers; each may be null. */
    public record Flags(@Nullable String username, @Nullable Path passwordFile, @Nullable Path trustStore,
                        @Nullable Path trustStorePasswordFile) {
        public static final Flags NONE = new Flags(null, null, null, null);
    }

    /**
     * @param address  the broker chosen, to refuse a trust store for a plain-text address
     * @param fileName the config file's name, for messages
     * @throws ConfigException naming the option or key at fault
     */
    public static BrokerLogin resolve(Flags flags, Map<String, String> env, WatchkeeperConfig file,
                                      @Nullable String fileName, BrokerAddress address) {
        WatchkeeperConfig.Broker fromFile = file.broker();
        String where = fileName == null ? "config" : fileName;
        String username = flags.username() != null ? flags.username() : fromFile.username();
        String password = flags.passwordFile() != null ? Secrets.fromFile(flags.passwordFile(), "--password-file")
                : nonEmpty(env.get(ENV_PASSWORD)) != null ? env.get(ENV_PASSWORD)
                : fromFile.passwordFile() != null ? Secrets.fromFile(Path.of(fromFile.passwordFile()), where + " broker.passwordFile")
                : null;
        if (password != null && (username == null || username.isBlank())) {
            throw new ConfigException("a password was given (" + (flags.passwordFile() != null ? "--password-file"
                    : nonEmpty(env.get(ENV_PASSWORD)) != null ? ENV_PASSWORD : where + " broker.passwordFile")
                    + ") but no user name: add --username or broker.username");
        }
        Path trustStore = flags.trustStore() != null ? flags.trustStore()
                : fromFile.trustStore() != null ? Path.of(fromFile.trustStore()) : null;
        String trustStorePassword = Secrets.fromFileOrEnv(flags.trustStorePasswordFile(),
                "--tls-truststore-password-file", env, ENV_TRUSTSTORE_PASSWORD).orElse(null);
        if (trustStorePassword == null && fromFile.trustStorePasswordFile() != null) {
            trustStorePassword = Secrets.fromFile(Path.of(fromFile.trustStorePasswordFile()),
                    where + " broker.trustStorePasswordFile");
        }
        if (trustStore != null) {
            if (!address.tls()) {
                throw new ConfigException("a trust store was given but the broker address " + address
                        + " is plain text: use mqtts://host[:port]");
            }
            if (!Files.isRegularFile(trustStore)) {
                throw new ConfigException("trust store " + trustStore + ": no such file");
            }
        } else {
            trustStorePassword = null;
        }
        return new BrokerLogin(username, password, trustStore, trustStorePassword);
    }

    /** {@code settings} with this login and trust applied. */
    public ClientSettings applyTo(ClientSettings settings) {
        ClientSettings out = username == null ? settings : settings.withCredentials(username, password);
        return trustStore == null ? out : out.withTrustStore(trustStore, trustStorePassword);
    }

    /** For start-up lines: {@code as port1} or {@code anonymously}. */
    public String describe() {
        return username == null ? "anonymously" : "as " + username;
    }

    @Override
    public String toString() {
        return "BrokerLogin[username=" + username + ", password=" + (password == null ? "null" : "***")
                + ", trustStore=" + trustStore + ", trustStorePassword=" + (trustStorePassword == null ? "null" : "***")
                + "]";
    }

    private static @Nullable String nonEmpty(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
