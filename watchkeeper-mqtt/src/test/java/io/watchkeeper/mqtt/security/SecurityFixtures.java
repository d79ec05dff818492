package io.watchkeeper.mqtt.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.watchkeeper.mqtt.broker.BrokerUser;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.PasswordHash;
import io.watchkeeper.mqtt.broker.Role;
import io.watchkeeper.mqtt.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jetbrains.annotations.Nullable;

/**
 * The users every security test logs in as, with passwords made up per run (nothing secret is checked
 * in), and small helpers around the raw HiveMQ client, which shows the broker's exact reason codes.
 * {@link TestKeys} is public for the server module's command-line tests.
 */
public final class SecurityFixtures {

    static final String STATION1 = "PORT1";
    static final String STATION2 = "PORT2";

    /** One test user: name, password and role. */
    record User(String name, String password, Role role, @Nullable String station) {

        BrokerUser toBrokerUser() {
            // the minimum iterations keep the many logins of a test run fast; production uses 600,000
            return new BrokerUser(name, role, station, PasswordHash.create(password.toCharArray(), PasswordHash.MIN_ITERATIONS));
        }
    }

    static final User PORT1 = new User("port1", secret(), Role.STATION, STATION1);
    static final User PORT2 = new User("port2", secret(), Role.STATION, STATION2);
    static final User ENGINE = new User("detector", secret(), Role.ENGINE, null);
    static final User OBSERVER = new User("ops", secret(), Role.OBSERVER, null);

    private SecurityFixtures() {
    }

    static Credentials credentials() {
        Credentials c = Credentials.empty();
        for (User u : List.of(PORT1, PORT2, ENGINE, OBSERVER)) {
            c = c.with(u.toBrokerUser());
        }
        return c;
    }

    /** A random password, so that a log-capture test can look for it. */
    public static String secret() {
        return "pw-" + UUID.randomUUID();
    }

    static Mqtt5BlockingClient rawClient(int port, String clientId) {
        return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking();
    }

    /** Connects a raw client as {@code user}; the CONNACK must be SUCCESS. */
    static Mqtt5BlockingClient loggedIn(int port, String clientId, User user) {
        Mqtt5BlockingClient client = rawClient(port, clientId);
        Mqtt5ConnAck connAck = client.connectWith().simpleAuth().username(user.name())
                .password(user.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        assertThat(connAck.getReasonCode().isError()).isFalse();
        return client;
    }

    /**
     * Runs {@code mosquitto_sub ... -C 1 -W 10 -v} and returns its output and exit code: it exits after one
     * message (a retained one is there at once) or after 10 s.
     */
    static Result mosquittoSubOnce(List<String> connectionArgs, String topicFilter) {
        String command = ExternalTools.path("mosquitto_sub", "mosquitto-clients").toString();
        List<String> args = new ArrayList<>(List.of(command, "-V", "mqttv5", "-q", "1", "-v", "-C", "1", "-W", "10",
                "-t", topicFilter));
        args.addAll(connectionArgs);
        return run(args, 20);
    }

    /** Exit code and merged output of a finished process. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> args, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(args.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + args.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A key store and its PEM certificate made with the JDK's keytool, for TLS tests. */
    public record TestKeys(Path keyStore, String keyStorePassword, Path certificatePem, Path trustStore,
                    String trustStorePassword) {

        /** A self-signed EC certificate for {@code localhost} and {@code 127.0.0.1}, valid two days. */
        public static TestKeys generate(Path dir) {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            TestKeys keys = new TestKeys(dir.resolve("broker.p12"), secret(), dir.resolve("broker.pem"),
                    dir.resolve("trust.p12"), secret());
            keytool(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keys.keyStore.toString(),
                    "-storepass", keys.keyStorePassword, "-keypass", keys.keyStorePassword));
            keytool(List.of(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keys.keyStore.toString(),
                    "-storepass", keys.keyStorePassword, "-file", keys.certificatePem.toString()));
            keytool(List.of(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file",
                    keys.certificatePem.toString(), "-storetype", "PKCS12", "-keystore", keys.trustStore.toString(),
                    "-storepass", keys.trustStorePassword));
            return keys;
        }

        private static void keytool(List<String> args) {
            Result result = run(args, 60);
            if (result.exitCode() != 0) {
                throw new AssertionError("keytool " + args.get(1) + " failed: " + result.output());
            }
        }
    }
}
