package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.security.SecurityFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** pub and sub take mosquitto's flags besides their own. Parsing only: every case stops before connecting. */
class PubSubOptionsTest {

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private static SubCommand sub(String... args) throws IOException {
        SubCommand sub = new SubCommand();
        new CommandLine(sub).parseArgs(args);
        sub.mosquitto.applyTo(sub.brokerOptions);
        return sub;
    }

    private static PubCommand pub(String... args) throws IOException {
        PubCommand pub = new PubCommand();
        new CommandLine(pub).parseArgs(args);
        pub.mosquitto.applyTo(pub.brokerOptions);
        return pub;
    }

    @Test
    void hostAndPortMakeTheBrokerAddress() throws IOException {
        BrokerAddress address = sub("-h", "broker.example", "-p", "1884", "-t", "EVENT/#")
                .brokerOptions.choice("default-id").address();
        assertThat(address).isEqualTo(new BrokerAddress("broker.example", 1884, false));
        assertThat(pub("-h", "broker.example", "-t", "DATA/P", "-m", "{}").brokerOptions.choice("id").address())
                .isEqualTo(new BrokerAddress("broker.example", 1883, false));
    }

    @Test
    void aPortAloneMeansLocalhostAsInMosquitto() throws IOException {
        assertThat(pub("-p", "1999", "-t", "DATA/P", "-m", "{}").brokerOptions.broker).isEqualTo("tcp://localhost:1999");
    }

    @Test
    void aBareIpv6HostIsBracketed() throws IOException {
        assertThat(sub("-h", "::1", "-t", "x").brokerOptions.choice("id").address())
                .isEqualTo(new BrokerAddress("::1", 1883, false));
    }

    @Test
    void userAndIdAreTheLongOptions() throws IOException {
        SubCommand sub = sub("-u", "alice", "-i", "desk-1", "-t", "x");
        assertThat(sub.brokerOptions.username).isEqualTo("alice");
        assertThat(sub.brokerOptions.clientId).isEqualTo("desk-1");
        assertThat(sub.brokerOptions.choice("default-id").clientId()).isEqualTo("desk-1");
        PubCommand pub = pub("--username", "bob", "--client-id", "p1", "-t", "x", "-m", "m");
        assertThat(pub.brokerOptions.username).isEqualTo("bob");
        assertThat(pub.brokerOptions.clientId).isEqualTo("p1");
    }

    @Test
    void withoutMosquittoFlagsTheLongOptionsStandAlone() throws IOException {
        SubCommand sub = sub("--broker", "tcp://other:1000", "-t", "x");
        assertThat(sub.brokerOptions.broker).isEqualTo("tcp://other:1000");
        assertThat(sub.brokerOptions.username).isNull();
    }

    @Test
    void verboseIsOneLinePerMessageAndDashCIsDurable() throws IOException {
        SubCommand plain = sub("-t", "x");
        assertThat(plain.compact).isFalse();
        assertThat(plain.durable).isFalse();
        SubCommand sub = sub("-v", "-c", "-i", "desk-1", "-t", "x");
        assertThat(sub.compact).isTrue();
        assertThat(sub.durable).isTrue();
    }

    @Test
    void dashHIsTheHostAndHelpIsLongOnly() throws IOException {
        assertThat(run("sub", "--help")).isZero();
        assertThat(out.toString()).contains("-h=HOST", "-p=PORT", "-u=USER", "-i=ID", "-v, --compact", "-c, --durable",
                "--help");
        out.getBuffer().setLength(0);
        assertThat(run("pub", "--help")).isZero();
        assertThat(out.toString()).contains("-h=HOST", "-p=PORT", "-u=USER", "-i=ID").doesNotContain("-v,", "-c,");
        assertThat(run("sub", "-t", "x", "-h")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter for option '-h' (HOST)");
    }

    @Test
    void otherCommandsKeepDashHForHelp() throws IOException {
        assertThat(run("station", "-h")).isZero();
        assertThat(out.toString()).contains("Usage: watchkeeper station");
    }

    @Test
    void twoSpellingsOfOneSettingAreAUsageError() throws IOException {
        assertThat(run("sub", "-t", "x", "--broker", "tcp://a:1883", "-h", "b")).isEqualTo(2);
        assertThat(err.toString()).contains("give --broker URL or -h HOST/-p PORT, not both");
        assertThat(run("pub", "-t", "x", "-m", "m", "-u", "alice", "--username", "bob")).isEqualTo(2);
        assertThat(err.toString()).contains("give -u or --username, not both");
        assertThat(run("sub", "-t", "x", "-i", "a", "--client-id", "b")).isEqualTo(2);
        assertThat(err.toString()).contains("give -i or --client-id, not both");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws IOException {
        assertThat(run("pub", "-t", "x", "-m", "m", "-p", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("-p must be 1..65535, got 70000");
    }

    @Test
    void aDurableSessionNeedsAClientIdOfItsOwn() throws IOException {
        assertThat(run("sub", "-t", "x", "-c")).isEqualTo(2);
        assertThat(err.toString()).contains("-c needs a client id that stays the same between runs: -i ID");
    }

    @Test
    void sessionExpiryIsSecondsAsInMosquittoOrADurationWithAnHourByDefault() throws IOException {
        assertThat(sub("-c", "-i", "desk-1", "-t", "x").sessionExpiry()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(sub("-c", "-i", "desk-1", "-x", "90", "-t", "x").sessionExpiry()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(sub("-c", "-i", "desk-1", "--session-expiry", "2d", "-t", "x").sessionExpiry())
                .isEqualTo(java.time.Duration.ofDays(2));
        assertThat(sub("-c", "-i", "desk-1", "-x", "0", "-t", "x").sessionExpiry()).isZero();
    }

    @Test
    void sessionExpiryWithoutDashCOrNotADurationIsAUsageError() throws IOException {
        assertThat(run("sub", "-t", "x", "-x", "60")).isEqualTo(2);
        assertThat(err.toString()).contains("-x sets how long a durable session lasts; give -c too");
        assertThat(run("sub", "-t", "x", "-c", "-i", "desk-1", "-x", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("-x: 'soon' is not a duration");
        assertThat(run("sub", "-t", "x", "-c", "-i", "desk-1", "-x", "4294967295")).isEqualTo(2);
        assertThat(err.toString()).contains("-x must be at most 4294967294 seconds");
    }

    @Test
    void caFileIsTlsTrustingThatPemAsInMosquitto(@TempDir Path dir) throws Exception {
        SecurityFixtures.TestKeys keys = SecurityFixtures.TestKeys.generate(dir);
        SubCommand sub = sub("-h", "broker.example", "--cafile", keys.certificatePem().toString(), "-t", "x");
        assertThat(sub.brokerOptions.choice("id").address()).isEqualTo(new BrokerAddress("broker.example", 8883, true));
        KeyStore trusted = load(sub.brokerOptions.trustStore, Files.readAllLines(sub.brokerOptions.trustStorePasswordFile).get(0));
        KeyStore keytools = load(keys.keyStore(), keys.keyStorePassword());
        assertThat(Collections.list(trusted.aliases())).hasSize(1);
        assertThat(trusted.getCertificate(trusted.aliases().nextElement())).isEqualTo(keytools.getCertificate("broker"));
        assertThat(sub("-p", "9883", "--cafile", keys.certificatePem().toString(), "-t", "x").brokerOptions.broker)
                .isEqualTo("mqtts://localhost:9883");
    }

    @Test
    void aCaFileThatIsNoCertificateIsOneLineAndExit1(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThat(run("sub", "-h", "localhost", "--cafile", notPem.toString(), "-t", "x")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("sub: " + notPem + ": ").contains("(--cafile)").doesNotContain("\n");
    }

    @Test
    void caFileAndTrustStoreTogetherAreAUsageError(@TempDir Path dir) throws IOException {
        assertThat(run("sub", "-t", "x", "--cafile", dir.resolve("a.pem").toString(), "--tls-truststore",
                dir.resolve("t.p12").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give --cafile or --tls-truststore, not both");
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }
}
