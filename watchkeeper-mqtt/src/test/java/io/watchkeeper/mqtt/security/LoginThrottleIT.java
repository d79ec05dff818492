package io.watchkeeper.mqtt.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.watchkeeper.mqtt.broker.BrokerUser;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.PasswordHash;
import io.watchkeeper.mqtt.broker.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A burst of logins on the real broker: with one check at a time and five in line, a burst of twelve
 * gets some through and the rest {@code SERVER_BUSY} at once, instead of twelve PBKDF2 derivations
 * competing for the broker's cores.
 */
class LoginThrottleIT {

    @Test
    void aBurstOfLoginsBeyondTheLineIsRefusedWithServerBusy() throws Exception {
        String password = SecurityFixtures.secret();
        // a costly hash (a quarter of a second or more here), so that the burst overlaps
        Credentials users = Credentials.empty().with(new BrokerUser("ops", Role.OBSERVER, null,
                PasswordHash.create(password.toCharArray(), 200_000)));
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).credentials(users).concurrentLogins(1)
                .build().start()) {
            List<CompletableFuture<String>> logins = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String clientId = "ops-burst-" + i;
                logins.add(CompletableFuture.supplyAsync(() -> login(broker.port(), clientId, password), clients));
            }
            Map<String, Long> outcomes = logins.stream().map(f -> f.join())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            System.out.printf("12 simultaneous logins, 1 check at a time and 5 in line: %s%n", outcomes);
            assertThat(outcomes.keySet()).containsOnly("SUCCESS", "SERVER_BUSY");
            assertThat(outcomes.get("SUCCESS")).isBetween(1L, 11L);
            assertThat(outcomes.get("SERVER_BUSY")).isPositive();
            // once the burst is over, a login goes through again
            assertThat(login(broker.port(), "ops-after", password)).isEqualTo("SUCCESS");
        } finally {
            clients.shutdown();
            clients.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The CONNACK's reason code, by name. */
    private static String login(int port, String clientId, String password) {
        Mqtt5BlockingClient client = SecurityFixtures.rawClient(port, clientId);
        try {
            client.connectWith().simpleAuth().username("ops").password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
            client.disconnect();
            return Mqtt5ConnAckReasonCode.SUCCESS.name();
        } catch (Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode().name();
        }
    }
}
