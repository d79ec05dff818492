package io.watchkeeper.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * mosquitto_pub's and mosquitto_sub's short flags for the broker and the login, so that a command line written
 * for them works on {@code pub} and {@code sub}. They only fill in {@link BrokerOptions}; giving both spellings
 * of one setting with different values is a usage error rather than a silent choice.
 *
 * <p>{@code -h} is the host here, as in mosquitto, so these commands offer {@code --help} alone for help.
 */
final class MosquittoOptions {

    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 1883;
    static final int DEFAULT_TLS_PORT = 8883;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit (-h is the host).")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "-h", paramLabel = "HOST",
            description = "Broker host, as in mosquitto (default " + DEFAULT_HOST + " when -p is given); "
                    + "short for --broker tcp://HOST:PORT.")
    @Nullable String host;

    @Option(names = "-p", paramLabel = "PORT",
            description = "Broker port, as in mosquitto (default " + DEFAULT_PORT + ", or " + DEFAULT_TLS_PORT
                    + " with --cafile, when -h is given).")
    @Nullable Integer port;

    @Option(names = "--cafile", paramLabel = "PEM",
            description = "Trust the CA certificate(s) in this PEM file and use TLS, as in mosquitto: "
                    + "-h HOST then means mqtts://HOST:8883. The PEM form of --tls-truststore.")
    @Nullable Path caFile;

    @Option(names = "-u", paramLabel = "USER", description = "Same as --username.")
    @Nullable String username;

    @Option(names = "-i", paramLabel = "ID", description = "Same as --client-id.")
    @Nullable String clientId;

    /**
     * Writes these flags into {@code broker}; a clash with its own spelling is a usage error (exit 2).
     *
     * @throws IOException if {@code --cafile} cannot be read or its trust store written
     */
    void applyTo(BrokerOptions broker) throws IOException {
        if (host != null || port != null) {
            if (broker.broker != null) {
                throw usage("give --broker URL or -h HOST/-p PORT, not both");
            }
            broker.broker = url();
        }
        broker.username = either("-u", username, "--username", broker.username);
        broker.clientId = either("-i", clientId, "--client-id", broker.clientId);
        if (caFile != null) {
            if (broker.trustStore != null) {
                throw usage("give --cafile or --tls-truststore, not both");
            }
            PemTrustStore.Written store = PemTrustStore.write(caFile);
            broker.trustStore = store.store();
            broker.trustStorePasswordFile = store.passwordFile();
        }
    }

    private String url() {
        boolean tls = caFile != null;
        int p = port != null ? port : tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        if (p < 1 || p > 65_535) {
            throw usage("-p must be 1..65535, got " + p);
        }
        String h = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        // BrokerAddress wants an IPv6 literal in brackets; mosquitto's -h takes it bare
        boolean bareIpv6 = h.indexOf(':') >= 0 && !h.startsWith("[");
        return (tls ? "mqtts://" : "tcp://") + (bareIpv6 ? "[" + h + "]" : h) + ":" + p;
    }

    private @Nullable String either(String shortName, @Nullable String shortValue, String longName,
                                    @Nullable String longValue) {
        if (shortValue != null && longValue != null && !Objects.equals(shortValue, longValue)) {
            throw usage("give " + shortName + " or " + longName + ", not both");
        }
        return shortValue != null ? shortValue : longValue;
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
