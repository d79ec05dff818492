package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.TlsListener;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.config.Durations;
import io.watchkeeper.server.config.Secrets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded broker alone (HiveMQ CE, in-process), for stations and detectors elsewhere. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs the embedded MQTT broker (HiveMQ CE) until Ctrl-C.",
                "Safe defaults: listens on 127.0.0.1, no usage statistics, queues raised so QoS 1 messages are not dropped.",
                "With --auth every client logs in and may use only its role's topics; --tls-keystore adds a TLS listener",
                "(docs/security.md)."})
final class BrokerCommand implements Callable<Integer> {

    /** The key store's password, when no {@code --tls-keystore-password-file} is given. */
    static final String ENV_KEYSTORE_PASSWORD = "WATCHKEEPER_TLS_KEYSTORE_PASSWORD";

    @Option(names = "--port", paramLabel = "N", defaultValue = "1883", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/broker",
            description = "Keep sessions, their queued messages and retained messages in DIR across restarts, even a "
                    + "SIGKILL (default: ./${DEFAULT-VALUE}); 'none' keeps them in memory only.")
    String data;

    @Option(names = "--auth", paramLabel = "FILE",
            description = "Require a login: users, roles and password hashes from FILE (make it with 'watchkeeper passwd').")
    @Nullable Path auth;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Also listen for TLS (mqtts://) with the key and certificate in this JKS/PKCS12 store.")
    @Nullable Path tlsKeyStore;

    @Option(names = "--tls-port", paramLabel = "N",
            description = "Port of the TLS listener (default: 8883; 0 picks a free one). Needs --tls-keystore.")
    @Nullable Integer tlsPort;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "The key store's password, from FILE's first line. Default: $" + ENV_KEYSTORE_PASSWORD + ".")
    @Nullable Path tlsKeyStorePasswordFile;

    @Option(names = "--max-packet-bytes", paramLabel = "N", defaultValue = "131072",
            description = "Largest MQTT packet a client may send (default: ${DEFAULT-VALUE}, 128 KiB); a larger one ends "
                    + "that client's connection.")
    int maxPacketBytes;

    @Option(names = "--max-session-expiry", paramLabel = "DURATION", defaultValue = "1h",
            description = "With --auth: the longest session a station or observer may keep while disconnected "
                    + "(default: ${DEFAULT-VALUE}); engines keep what they ask for.")
    String maxSessionExpiry;

    @Override
    public Integer call() throws Exception {
        Credentials users = auth == null ? null : Credentials.load(auth);
        TlsListener tls = tlsListener();
        Shutdown shutdown = new Shutdown("broker", Shutdown.BROKER_BUDGET);
        Path folder = "none".equals(data) ? null : Path.of(data);
        try (EmbeddedBroker broker = limits(EmbeddedBroker.builder()).host(host).port(port).dataFolder(folder)
                .credentials(users).tls(tls).build().start()) {
            String tlsPart = broker.tlsPort().isPresent() ? ", TLS on " + host + ":" + broker.tlsPort().getAsInt() : "";
            String authPart = users == null ? "anonymous access" : "login required, " + users.users().size() + " user(s) from " + auth;
            System.err.printf("watchkeeper broker: listening on %s:%d%s; %s (Ctrl-C to stop)%n", host, broker.port(),
                    tlsPart, authPart);
            if (users == null && !isLoopback(host)) {
                System.err.printf("watchkeeper broker: warning: %s is reachable from the network and anyone can "
                        + "publish; add --auth FILE (docs/security.md)%n", host);
            }
            shutdown.await(null);
            shutdown.closing("stopping the embedded broker",
                    "its clean stop: with --data, sessions and queued messages as of its last write to disk");
        } finally {
            shutdown.done();
        }
        return 0;
    }

    /** The packet size and session expiry limits, each refused with one line naming its option. */
    private EmbeddedBroker.Builder limits(EmbeddedBroker.Builder builder) {
        try {
            builder.maxPacketBytes(maxPacketBytes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--max-packet-bytes: " + e.getMessage());
        }
        try {
            return builder.maxSessionExpiry(Durations.parse(maxSessionExpiry));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--max-session-expiry: " + e.getMessage());
        }
    }

    private @Nullable TlsListener tlsListener() {
        if (tlsKeyStore == null) {
            if (tlsPort != null || tlsKeyStorePasswordFile != null) {
                throw new ConfigException("--tls-port and --tls-keystore-password-file need --tls-keystore FILE");
            }
            return null;
        }
        String password = Secrets.fromFileOrEnv(tlsKeyStorePasswordFile, "--tls-keystore-password-file",
                BrokerOptions.env(), ENV_KEYSTORE_PASSWORD).orElseThrow(() -> new ConfigException(
                "--tls-keystore needs its password: --tls-keystore-password-file FILE or $" + ENV_KEYSTORE_PASSWORD));
        return new TlsListener(tlsPort == null ? TlsListener.DEFAULT_PORT : tlsPort, tlsKeyStore, password);
    }

    private static boolean isLoopback(String bindHost) {
        try {
            return InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the broker's start reports an unknown host in its own words
        }
    }
}
