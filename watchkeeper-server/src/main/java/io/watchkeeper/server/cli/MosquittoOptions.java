package io.watchkeeper.server.cli;

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
            description = "Broker port, as in mosquitto (default " + DEFAULT_PORT + " when -h is given).")
    @Nullable Integer port;

    @Option(names = "-u", paramLabel = "USER", description = "Same as --username.")
    @Nullable String username;

    @Option(names = "-i", paramLabel = "ID", description = "Same as --client-id.")
    @Nullable String clientId;

    /** Writes these flags into {@code broker}; a clash with its own spelling is a usage error (exit 2). */
    void applyTo(BrokerOptions broker) {
        if (host != null || port != null) {
            if (broker.broker != null) {
                throw usage("give --broker URL or -h HOST/-p PORT, not both");
            }
            broker.broker = url();
        }
        broker.username = either("-u", username, "--username", broker.username);
        broker.clientId = either("-i", clientId, "--client-id", broker.clientId);
    }

    private String url() {
        int p = port == null ? DEFAULT_PORT : port;
        if (p < 1 || p > 65_535) {
            throw usage("-p must be 1..65535, got " + p);
        }
        String h = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        // BrokerAddress wants an IPv6 literal in brackets; mosquitto's -h takes it bare
        boolean bareIpv6 = h.indexOf(':') >= 0 && !h.startsWith("[");
        return "tcp://" + (bareIpv6 ? "[" + h + "]" : h) + ":" + p;
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
