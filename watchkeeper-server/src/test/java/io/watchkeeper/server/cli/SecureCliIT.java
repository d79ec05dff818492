package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.Role;
import io.watchkeeper.mqtt.broker.TlsListener;
import io.watchkeeper.mqtt.security.SecurityFixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The security commands and options as an operator uses them: {@code passwd} writes the credentials file,
 * the broker loads it, and {@code pub}/{@code sub} log in with {@code --username}/{@code --password-file},
 * over plain MQTT and over TLS with {@code --tls-truststore}.
 */
class SecureCliIT {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        ((PasswdCommand) cl.getSubcommands().get("passwd").getCommand()).in =
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return cl.execute(args);
    }

    private Path secretFile(String name, String secret) throws Exception {
        return Files.writeString(dir.resolve(name), secret + "\n");
    }

    @Test
    void passwdWritesAnOwnerOnlyFileOfHashes() throws Exception {
        Path users = dir.resolve("users.txt");
        assertThat(run("station-pw\n", "passwd", users.toString(), "port1", "--role", "station", "--station", "PORT1",
                "--iterations", "1000")).isZero();
        assertThat(run("engine-pw\n", "passwd", users.toString(), "detector", "--role", "engine", "--iterations", "1000"))
                .isZero();
        assertThat(run("new-pw\n", "passwd", users.toString(), "port1", "--role", "station", "--station", "PORT1",
                "--iterations", "1000")).isZero();

        String text = Files.readString(users);
        assertThat(text).doesNotContain("station-pw").doesNotContain("engine-pw").doesNotContain("new-pw");
        assertThat(Files.getPosixFilePermissions(users)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Credentials loaded = Credentials.load(users);
        assertThat(loaded.users()).hasSize(2);
        assertThat(loaded.authenticate("port1", "new-pw".toCharArray())).isPresent();
        assertThat(loaded.authenticate("port1", "station-pw".toCharArray())).isEmpty();
        assertThat(loaded.authenticate("detector", "engine-pw".toCharArray()))
                .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ENGINE));

        assertThat(run("", "passwd", users.toString(), "detector", "--delete")).isZero();
        assertThat(Credentials.load(users).users()).hasSize(1);
    }

    @Test
    void passwdRefusalsAreOneLine() {
        String users = dir.resolve("users.txt").toString();
        assertThat(run("pw\n", "passwd", users, "ops", "--role", "admin")).isEqualTo(1);
        assertThat(run("pw\n", "passwd", users, "port9", "--role", "station")).isEqualTo(1);
        assertThat(run("\n", "passwd", users, "ops", "--role", "observer")).isEqualTo(1);
        assertThat(err.toString().strip().split("\n")).containsExactly(
                "passwd: unknown role 'admin' (use station, engine or observer)",
                "passwd: role station needs a station id",
                "passwd: the password must not be empty; nothing changed");
        assertThat(Files.exists(dir.resolve("users.txt"))).isFalse();
    }

    @Test
    void brokerRefusesABadCredentialsFileWithItsLineNumber() throws Exception {
        Path users = dir.resolve("users.txt");
        run("pw\n", "passwd", users.toString(), "ops", "--role", "observer", "--iterations", "1000");
        String line = Files.readAllLines(users).get(2);
        Files.writeString(users, line + "\n" + line + "\n");
        assertThat(run("", "broker", "--port", "0", "--auth", users.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("broker: " + users + " line 2: duplicate user 'ops' (first on line 1)");
    }

    @Test
    void brokerNeedsTheKeyStorePasswordFromAFileOrTheEnvironment() {
        assertThat(run("", "broker", "--port", "0", "--tls-keystore", dir.resolve("k.p12").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("broker: --tls-keystore needs its password: "
                + "--tls-keystore-password-file FILE or $WATCHKEEPER_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void brokerRefusesAKeyStoreItCannotOpenWithoutShowingThePassword() throws Exception {
        SecurityFixtures.TestKeys keys = SecurityFixtures.TestKeys.generate(dir);
        Path wrong = secretFile("wrong.pw", "wrong-" + keys.keyStorePassword());
        assertThat(run("", "broker", "--port", "0", "--tls-port", "0", "--tls-keystore", keys.keyStore().toString(),
                "--tls-keystore-password-file", wrong.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("broker: cannot use TLS key store " + keys.keyStore()
                + ": keystore password was incorrect");
    }

    @Test
    void pubAndSubLogInOverPlainAndTls() throws Exception {
        Path users = dir.resolve("users.txt");
        run("station-pw\n", "passwd", users.toString(), "port1", "--role", "station", "--station", "PORT1", "--iterations", "1000");
        run("ops-pw\n", "passwd", users.toString(), "ops", "--role", "observer", "--iterations", "1000");
        Path stationPw = secretFile("station.pw", "station-pw");
        Path opsPw = secretFile("ops.pw", "ops-pw");
        Path wrongPw = secretFile("wrong.pw", "not-it");
        SecurityFixtures.TestKeys keys = SecurityFixtures.TestKeys.generate(dir);
        Path trustPw = secretFile("trust.pw", keys.trustStorePassword());
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).credentials(Credentials.load(users))
                .tls(new TlsListener(0, keys.keyStore(), keys.keyStorePassword())).build().start()) {
            String plain = "tcp://127.0.0.1:" + broker.port();
            String tls = "mqtts://localhost:" + broker.tlsPort().orElseThrow();

            // stations may not retain on DATA/ (unbounded topics), only on their own STATUS/<client id>
            assertThat(run("", "pub", "--broker", plain, "--username", "port1", "--password-file", stationPw.toString(),
                    "--client-id", "port1-fixture", "-t", "STATUS/port1-fixture", "-m", "{\"retained\": 1}", "-r")).isZero();
            // an observer's sub publishes nothing, so it may connect; the retained message arrives at once
            assertThat(run("", "sub", "--broker", plain, "--username", "ops", "--password-file", opsPw.toString(),
                    "-t", "STATUS/port1-fixture", "-C", "1")).isZero();
            assertThat(run("", "sub", "--broker", tls, "--username", "ops", "--password-file", opsPw.toString(),
                    "--tls-truststore", keys.trustStore().toString(), "--tls-truststore-password-file", trustPw.toString(),
                    "-t", "STATUS/port1-fixture", "-C", "1")).isZero();
            // the same from a config file: broker.username and broker.passwordFile
            Path yaml = Files.writeString(dir.resolve("wk.yaml"), "broker:\n  url: " + plain + "\n  username: ops\n"
                    + "  passwordFile: " + opsPw + "\n");
            assertThat(run("", "sub", "--config", yaml.toString(), "-t", "STATUS/port1-fixture", "-C", "1")).isZero();
            assertThat(err.toString()).isEmpty();

            assertThat(run("", "pub", "--broker", plain, "--username", "port1", "--password-file", wrongPw.toString(),
                    "-t", "DATA/PORT1", "-m", "x")).isEqualTo(1);
            assertThat(run("", "pub", "--broker", plain, "--username", "ops", "--password-file", opsPw.toString(),
                    "-t", "EVENT/X/Y/1", "-m", "x")).isEqualTo(1);
            assertThat(run("", "sub", "--broker", plain, "--tls-truststore", keys.trustStore().toString(),
                    "-t", "DATA/#", "-C", "1")).isEqualTo(1);
            assertThat(run("", "sub", "--broker", plain, "--password-file", opsPw.toString(), "-t", "DATA/#")).isEqualTo(1);
            assertThat(run("", "sub", "--broker", plain, "--username", "ops", "--password-file",
                    dir.resolve("missing.pw").toString(), "-t", "DATA/#")).isEqualTo(1);
            assertThat(run("", "pub", "--broker", plain, "--username", "port1", "--password-file", stationPw.toString(),
                    "-t", "DATA/PORT1", "-m", "{\"retained\": 1}", "-r")).isEqualTo(1);
            assertThat(run("", "pub", "--broker", plain, "--username", "ops", "--password-file", opsPw.toString(),
                    "--client-id", "detector", "-t", "DATA/PORT1", "-m", "x")).isEqualTo(1);
            String[] lines = err.toString().strip().split("\n");
            assertThat(lines).hasSize(7);
            assertThat(lines[0]).startsWith("pub: cannot connect to MQTT broker at 127.0.0.1:" + broker.port())
                    .endsWith("rejected by the broker: BAD_USER_NAME_OR_PASSWORD");
            assertThat(lines[1]).endsWith("rejected by the broker: NOT_AUTHORIZED");
            assertThat(lines[2]).isEqualTo("sub: a trust store was given but the broker address 127.0.0.1:" + broker.port()
                    + " is plain text: use mqtts://host[:port]");
            assertThat(lines[3]).isEqualTo("sub: a password was given (--password-file) but no user name: add --username "
                    + "or broker.username");
            assertThat(lines[4]).isEqualTo("sub: --password-file " + dir.resolve("missing.pw") + ": no such file");
            // a station's retained DATA/ message is refused; an observer cannot take the engine's client id
            assertThat(lines[5]).startsWith("pub: the broker refused a message on DATA/PORT1");
            assertThat(lines[6]).endsWith("rejected by the broker: NOT_AUTHORIZED");
            assertThat(err.toString()).doesNotContain("station-pw").doesNotContain("ops-pw").doesNotContain("not-it");
        }
    }
}
