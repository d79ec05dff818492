package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An in-memory broker that restarts forgets every session, subscription and retained message. Our
 * clients must notice, reconnect with backoff, renew their subscriptions and say {@code online} again,
 * without anyone restarting them.
 */
class ResubscribeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void subscriberResubscribesAfterTheBrokerRestartsOnTheSamePort() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
        int port = broker.port();
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        ClientSettings fast = ClientSettings.of(broker.address(), "restart-sub")
                .withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        try (Subscriber subscriber = Subscriber.connect(fast, List.of("restart/#"),
                     (topic, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)));
             Publisher publisher = Publisher.connect(fast.withClientId("restart-pub"))) {

            publisher.publish("restart/x", bytes("before")).get(10, TimeUnit.SECONDS);
            publisher.publish("restart/retained", bytes("old"), 1, true).get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> received.contains("before"));

            broker.close();
            broker = EmbeddedBroker.builder().port(port).build().start();

            await().atMost(WAIT).until(() -> subscriber.reconnects() >= 1 && publisher.reconnects() >= 1);
            // The SUBSCRIBE may trail the CONNACK by a moment: probe until the renewed subscription delivers.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                publisher.publish("restart/probe", bytes("probe"));
                return received.contains("probe");
            });
            int before = received.size();
            for (int i = 0; i < 1000; i++) {
                publisher.publish("restart/x", bytes("after-" + i));
            }
            await().atMost(WAIT).until(() -> received.stream().filter(s -> s.startsWith("after-")).count() == 1000);
            assertThat(received.subList(before, received.size()).stream().filter(s -> s.startsWith("after-")).toList())
                    .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> "after-" + i).toList());
            assertThat(publisher.failed()).isZero();
            assertThat(subscriber.handlerErrors()).isZero();

            // The restarted broker kept nothing (persistence in-memory), so STATUS online can only come from the
            // companion connections saying online again after their own reconnect (retained, or live if that
            // reconnect happens after mosquitto_sub subscribed).
            try (MosquittoSub status = MosquittoSub.start(port, Topics.status("restart-sub"), Topics.status("restart-pub"),
                    "restart/retained")) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(status.lines()).contains(
                        Topics.status("restart-sub") + " online", Topics.status("restart-pub") + " online"));
                assertThat(status.lines()).doesNotContain("restart/retained old");
            }
        } finally {
            broker.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
