package io.watchkeeper.mqtt.security;

import static io.watchkeeper.mqtt.security.SecurityFixtures.ENGINE;
import static io.watchkeeper.mqtt.security.SecurityFixtures.PORT1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.watchkeeper.mqtt.broker.BrokerUser;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.TlsListener;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.MqttConnectException;
import io.watchkeeper.mqtt.client.Publisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs a broker with logins and TLS while every logger (ours, HiveMQ's, the client's) writes at DEBUG into
 * a capture, goes through good and failed logins, and then looks for each secret in what was logged:
 * the users' passwords, a mistyped password, the key and trust store passwords, and the stored salts
 * and hashes.
 */
class SecretsNotLoggedIT {

    @TempDir
    Path dir;

    @Test
    void noPasswordOrHashReachesALog() throws Exception {
        SecurityFixtures.TestKeys keys = SecurityFixtures.TestKeys.generate(dir);
        Credentials credentials = SecurityFixtures.credentials();
        String mistyped = "typo-" + PORT1.password();
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        List<Appender<ILoggingEvent>> console = detachAll(root);
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                logged.add(event.getLoggerName() + " " + event.getFormattedMessage() + throwableText(event.getThrowableProxy()));
            }
        };
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        List<Logger> ours = List.of((Logger) LoggerFactory.getLogger("io.watchkeeper"), (Logger) LoggerFactory.getLogger("com.hivemq"));
        List<Level> ourLevels = ours.stream().map(Logger::getLevel).toList();
        ours.forEach(l -> l.setLevel(Level.DEBUG));
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).credentials(credentials)
                .tls(new TlsListener(0, keys.keyStore(), keys.keyStorePassword())).build().start()) {
            ClientSettings tls = ClientSettings.of(broker.tlsAddress().orElseThrow(), "detector-logs")
                    .withConnectTimeout(Duration.ofSeconds(5));
            // good logins, over TLS and plain
            try (Publisher ok = Publisher.connect(tls.withCredentials(ENGINE.name(), ENGINE.password())
                    .withTrustStore(keys.trustStore(), keys.trustStorePassword()))) {
                LoggerFactory.getLogger(SecretsNotLoggedIT.class).info("connected with {}", ok.clientId());
            }
            ClientSettings plain = ClientSettings.of(broker.address(), "port1-logs").withConnectTimeout(Duration.ofSeconds(5));
            Publisher.connect(plain.withCredentials(PORT1.name(), PORT1.password())).close();
            // failed ones: wrong password, unknown user, anonymous, a wrong trust store password
            for (ClientSettings bad : List.of(plain.withCredentials(PORT1.name(), mistyped),
                    plain.withCredentials("nobody", mistyped), plain,
                    tls.withCredentials(ENGINE.name(), ENGINE.password()).withTrustStore(keys.trustStore(), mistyped))) {
                assertThatThrownBy(() -> Publisher.connect(bad)).isInstanceOf(MqttConnectException.class)
                        .satisfies(e -> logged.add("exception " + e.getMessage()));
                logged.add("settings " + bad);
            }
        } finally {
            root.detachAppender(capture);
            root.setLevel(level);
            console.forEach(root::addAppender);
            for (int i = 0; i < ours.size(); i++) {
                ours.get(i).setLevel(ourLevels.get(i));
            }
        }

        List<String> secrets = new ArrayList<>(List.of(PORT1.password(), ENGINE.password(), mistyped,
                keys.keyStorePassword(), keys.trustStorePassword()));
        for (BrokerUser user : credentials.users()) {
            secrets.add(Base64.getEncoder().encodeToString(user.password().salt()));
            secrets.add(Base64.getEncoder().encodeToString(user.password().hash()));
        }
        List<String> snapshot = List.copyOf(logged);
        assertThat(snapshot).as("the capture saw the broker and the refusals")
                .anyMatch(line -> line.contains("login refused"))
                .anyMatch(line -> line.startsWith("com.hivemq"));
        for (String secret : secrets) {
            assertThat(snapshot).noneMatch(line -> line.contains(secret));
        }
    }

    private static List<Appender<ILoggingEvent>> detachAll(Logger root) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        appenders.forEach(root::detachAppender);
        return appenders;
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder out = new StringBuilder();
        for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
            out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }
}
