package io.watchkeeper.mqtt.security;

import static io.watchkeeper.mqtt.security.SecurityFixtures.ENGINE;
import static io.watchkeeper.mqtt.security.SecurityFixtures.OBSERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.TlsListener;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.MqttConnectException;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's TLS listener with a key store made by keytool at test time: trusted clients
 * connect (ours and mosquitto_sub with {@code --cafile}), plain text on the TLS port and clients that do
 * not trust the certificate fail, and TLS does not replace the login.
 */
class BrokerTlsIT {

    @TempDir
    static Path dir;
    private static SecurityFixtures.TestKeys keys;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        keys = SecurityFixtures.TestKeys.generate(dir);
        broker = EmbeddedBroker.builder().port(0).credentials(SecurityFixtures.credentials())
                .tls(new TlsListener(0, keys.keyStore(), keys.keyStorePassword())).build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void clientTrustingTheCertificateConnectsOverTls() throws Exception {
        BrokerAddress tls = broker.tlsAddress().orElseThrow();
        assertThat(tls.tls()).isTrue();
        assertThat(tls.port()).isNotEqualTo(broker.port());
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (Subscriber observer = Subscriber.connect(trusting("ops-tls", OBSERVER).withPresence(false),
                     List.of("EVENT/#"), (topic, payload) -> seen.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
             Publisher engine = Publisher.connect(trusting("detector-tls", ENGINE))) {
            engine.publish("EVENT/TLS/TEST/1", "over-tls".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("EVENT/TLS/TEST/1 over-tls"));
        }
    }

    @Test
    void plainTextClientOnTheTlsPortFails() {
        BrokerAddress plainToTlsPort = BrokerAddress.of("127.0.0.1", broker.tlsPort().orElseThrow());
        ClientSettings settings = ClientSettings.of(plainToTlsPort, "tls-plain")
                .withCredentials(ENGINE.name(), ENGINE.password()).withConnectTimeout(Duration.ofSeconds(3));
        assertThatThrownBy(() -> Publisher.connect(settings)).isInstanceOf(MqttConnectException.class)
                .hasMessageStartingWith("cannot connect to MQTT broker at 127.0.0.1:" + plainToTlsPort.port());
    }

    @Test
    void clientNotTrustingTheCertificateIsRefused() {
        // the JVM's default trust does not know our self-signed certificate
        ClientSettings settings = ClientSettings.of(broker.tlsAddress().orElseThrow(), "tls-untrusting")
                .withCredentials(ENGINE.name(), ENGINE.password()).withConnectTimeout(Duration.ofSeconds(3));
        assertThatThrownBy(() -> Publisher.connect(settings)).isInstanceOf(MqttConnectException.class)
                .hasMessageContaining("mqtts://127.0.0.1:" + broker.tlsPort().orElseThrow())
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("certification path", "PKIX", "certificate"));
    }

    @Test
    void anonymousClientOverTlsIsStillRefused() {
        ClientSettings settings = ClientSettings.of(broker.tlsAddress().orElseThrow(), "tls-anon")
                .withTrustStore(keys.trustStore(), keys.trustStorePassword());
        assertThatThrownBy(() -> Publisher.connect(settings)).isInstanceOf(MqttConnectException.class)
                .hasMessageContaining("NOT_AUTHORIZED");
    }

    @Test
    void unreadableTrustStoreIsOneLineWithoutThePassword() {
        String wrong = "wrong-" + keys.trustStorePassword();
        ClientSettings badPassword = ClientSettings.of(broker.tlsAddress().orElseThrow(), "tls-badstore")
                .withTrustStore(keys.trustStore(), wrong);
        assertThatThrownBy(() -> Publisher.connect(badPassword)).isInstanceOf(MqttConnectException.class)
                .hasMessageStartingWith("cannot read trust store " + keys.trustStore())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("\n"));
        ClientSettings missing = badPassword.withTrustStore(dir.resolve("missing.p12"), null);
        assertThatThrownBy(() -> Publisher.connect(missing)).isInstanceOf(MqttConnectException.class)
                .hasMessage("trust store " + dir.resolve("missing.p12") + ": no such file");
    }

    @Test
    void mosquittoSubConnectsWithCaFileAndLogin() throws Exception {
        ExternalTools.require("mosquitto_sub", "mosquitto-clients");
        try (Publisher engine = Publisher.connect(trusting("detector-tls-retain", ENGINE))) {
            engine.publish("EVENT/TLS/RETAINED/1", "kept".getBytes(StandardCharsets.UTF_8), 1, true).get(10, TimeUnit.SECONDS);
        }
        String port = String.valueOf(broker.tlsPort().orElseThrow());
        SecurityFixtures.Result ok = SecurityFixtures.mosquittoSubOnce(List.of("-h", "localhost", "-p", port,
                "--cafile", keys.certificatePem().toString(), "-i", "ops-mosquitto", "-u", OBSERVER.name(), "-P", OBSERVER.password()),
                "EVENT/TLS/RETAINED/#");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).isEqualTo("EVENT/TLS/RETAINED/1 kept");

        // without the CA file, mosquitto_sub does not trust the certificate
        SecurityFixtures.Result untrusted = SecurityFixtures.mosquittoSubOnce(List.of("-h", "localhost", "-p", port,
                "--capath", "/nonexistent", "-u", OBSERVER.name(), "-P", OBSERVER.password()), "EVENT/TLS/RETAINED/#");
        assertThat(untrusted.exitCode()).isNotZero();
    }

    private static ClientSettings trusting(String clientId, SecurityFixtures.User user) {
        return ClientSettings.of(broker.tlsAddress().orElseThrow(), clientId)
                .withCredentials(user.name(), user.password())
                .withTrustStore(keys.trustStore(), keys.trustStorePassword())
                .withConnectTimeout(Duration.ofSeconds(5));
    }
}
