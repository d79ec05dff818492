package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.SharedBrokers;
import io.watchkeeper.mqtt.testing.TcpProxy;
import io.watchkeeper.mqtt.testing.TestBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connect failures, outages and closing at a bad moment: no hang, no silent loss, no leaked thread. */
@ExtendWith(SharedBrokers.class)
class ConnectionLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void connectingToANonListeningPortFailsAtOnceWithOneLineAndLeavesNoThread() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ClientSettings settings = ClientSettings.of(BrokerAddress.of("127.0.0.1", port), "nobody-home");
        String expected = "cannot connect to MQTT broker at 127.0.0.1:" + port + ": connection refused";
        assertThatThrownBy(() -> Publisher.connect(settings)).isInstanceOf(MqttConnectException.class).hasMessage(expected);
        assertThatThrownBy(() -> Subscriber.connect(settings, List.of("x"), (t, p) -> { }))
                .isInstanceOf(MqttConnectException.class).hasMessage(expected);
        await().atMost(WAIT).until(() -> !threadAlive("wk-mqtt-nobody-home"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void publishesMadeDuringAnOutageAreDeliveredAfterTheReconnect(TestBroker.Kind kind) throws Exception {
        TestBroker broker = SharedBrokers.get(kind);
        String topic = "outage/" + kind;
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        try (Subscriber subscriber = Subscriber.connect(ClientSettings.of(broker.address(), "outage-sub-" + kind),
                     List.of(topic), (t, p) -> received.add(new String(p, StandardCharsets.UTF_8)));
             TcpProxy link = TcpProxy.start(broker.port());
             Publisher publisher = Publisher.connect(ClientSettings.of(BrokerAddress.of("127.0.0.1", link.port()),
                     "outage-pub-" + kind).withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            publisher.publish(topic, bytes("before")).get(10, TimeUnit.SECONDS);
            link.refuse(true);
            link.cut();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                acks.add(publisher.publish(topic, bytes("during-" + i)));
            }
            assertThat(acks).noneMatch(CompletableFuture::isCompletedExceptionally);
            link.refuse(false);
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> received.size() >= 501);
            // at least once: every message arrives, in order; a message cut mid-flight may come twice
            List<String> distinct = received.stream().distinct().toList();
            assertThat(distinct).containsExactlyElementsOf(IntStream.range(-1, 500)
                    .mapToObj(i -> i < 0 ? "before" : "during-" + i).toList());
            assertThat(publisher.failed()).isZero();
            assertThat(publisher.reconnects()).isPositive();
        }
    }

    @Test
    void closingWhileTheBrokerIsUnreachableFailsWhatIsPendingAndReturns() throws Exception {
        TestBroker broker = SharedBrokers.get(TestBroker.Kind.EMBEDDED);
        try (TcpProxy link = TcpProxy.start(broker.port())) {
            Publisher publisher = Publisher.connect(ClientSettings.of(BrokerAddress.of("127.0.0.1", link.port()),
                    "closing-in-outage").withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
            link.refuse(true);
            link.cut();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                acks.add(publisher.publish("closing/x", bytes("lost-" + i)));
            }
            long start = System.nanoTime();
            publisher.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
            for (CompletableFuture<Void> ack : acks) {
                assertThat(ack).isCompletedExceptionally();
                assertThatThrownBy(ack::join).isInstanceOf(CompletionException.class)
                        .hasMessageContaining("closed before the broker acknowledged");
            }
            assertThat(publisher.failed()).isEqualTo(3);
            assertThat(publisher.published()).isZero();
            assertThatThrownBy(() -> publisher.publish("closing/x", bytes("late"))).isInstanceOf(IllegalStateException.class);
            // Known limit: the HiveMQ client keeps its copy of the three messages, and so its network
            // thread, because it cannot tell an unreachable broker that the session is over.
        }
    }

    /**
     * A stopping process must not connect to whatever broker answers on the address next: once reconnects
     * are stopped, the backoff under way ends and no attempt follows, though the broker is reachable again.
     * Backoff 3 s, so the stop lands inside a wait even on a busy machine; the link is open, so without the
     * stop both would be back within about 3 s.
     */
    @Test
    void afterStopReconnectingNeitherClientReconnectsThoughTheBrokerIsBack() throws Exception {
        TestBroker broker = SharedBrokers.get(TestBroker.Kind.EMBEDDED);
        try (TcpProxy link = TcpProxy.start(broker.port())) {
            ClientSettings settings = ClientSettings.of(BrokerAddress.of("127.0.0.1", link.port()), "stop-reconnecting")
                    .withReconnectBackoff(Duration.ofSeconds(3), Duration.ofSeconds(3));
            Subscriber subscriber = Subscriber.connect(settings, List.of("stop/x"), (t, p) -> { });
            Publisher publisher = Publisher.connect(settings.withClientId("stop-reconnecting-out"));
            link.cut();
            await().atMost(WAIT).until(() -> !subscriber.isConnected() && !publisher.isConnected());
            subscriber.stopReconnecting();
            publisher.stopReconnecting();
            Thread.sleep(4_000); // past the backoff: both would have reconnected through the open link
            assertThat(subscriber.isConnected()).isFalse();
            assertThat(publisher.isConnected()).isFalse();
            assertThat(subscriber.reconnects()).isZero();
            assertThat(publisher.reconnects()).isZero();
            long start = System.nanoTime();
            publisher.close();
            subscriber.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("nothing left to wait for")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
