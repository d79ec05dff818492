package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.testing.MosquittoSub.Message;
import io.watchkeeper.mqtt.testing.SharedBrokers;
import io.watchkeeper.mqtt.testing.TcpProxy;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The original last will ({@code notifications} = {@code "<id> died."}, QoS 1, retained) and the
 * {@code STATUS/<id>} birth and death, checked from the outside with the real {@code mosquitto_sub}, as
 * an operator would. Subscribing <em>after</em> the fact and still receiving a message is what proves it
 * was retained ({@code r1} in mosquitto_sub's debug output).
 */
@ExtendWith(SharedBrokers.class)
class LastWillIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger IDS = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void onlineIsRetainedWhileConnectedAndOfflineAfterACleanClose(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String id = uniqueId("clean", kind);
        try (Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), id))) {
            try (MosquittoSub status = MosquittoSub.start(broker.port(), Topics.status(id))) {
                await().atMost(WAIT).until(() -> status.messages().contains(retained(Topics.status(id), "online")));
            }
        }
        try (MosquittoSub after = MosquittoSub.start(broker.port(), Topics.status(id), Topics.NOTIFICATIONS)) {
            await().atMost(WAIT).until(() -> after.messages().contains(retained(Topics.status(id), "offline")));
            await().during(Duration.ofMillis(300)).atMost(WAIT)
                    .until(() -> !after.lines().contains(Topics.NOTIFICATIONS + " " + id + " died."));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void aPublisherThatDisconnectsWithWillLeavesDiedAndOfflineRetained(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String id = uniqueId("willpub", kind);
        Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), id));
        publisher.abortWithWill(); // MQTT 5 DISCONNECT with reason DISCONNECT_WITH_WILL_MESSAGE on both connections
        assertBothWillsRetained(broker, id);
        publisher.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void aSubscriberThatDisconnectsWithWillLeavesDiedAndOfflineRetained(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String id = uniqueId("willsub", kind);
        Subscriber subscriber = Subscriber.connect(ClientSettings.of(broker.address(), id), List.of("nothing/here"),
                (topic, payload) -> { });
        subscriber.abortWithWill();
        assertBothWillsRetained(broker, id);
        subscriber.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void aCutTcpConnectionLeavesDiedAndOfflineRetainedAndTheReconnectSaysOnlineAgain(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String id = uniqueId("cut", kind);
        try (TcpProxy link = TcpProxy.start(broker.port());
             Publisher publisher = Publisher.connect(ClientSettings.of(BrokerAddress.of("127.0.0.1", link.port()), id)
                     .withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            link.refuse(true);
            link.cut(); // no DISCONNECT reaches the broker: it must publish both wills
            assertBothWillsRetained(broker, id);

            try (MosquittoSub live = MosquittoSub.start(broker.port(), Topics.status(id))) {
                link.refuse(false);
                await().atMost(WAIT).until(() -> live.messages().contains(new Message(Topics.status(id), "online", false)));
                await().atMost(WAIT).until(() -> publisher.reconnects() >= 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void theWillIsExactlyTheOriginalSystems(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String id = uniqueId("exact", kind);
        Publisher.connect(ClientSettings.of(broker.address(), id)).abortWithWill();
        try (MosquittoSub sub = MosquittoSub.start(broker.port(), "notifications")) {
            await().atMost(WAIT).until(() -> !sub.messages().isEmpty());
            // one retained message per topic: the latest will, byte for byte what the Python original sent
            assertThat(sub.messages()).containsExactly(new Message("notifications", id + " died.", true));
        }
    }

    private static void assertBothWillsRetained(TestBroker broker, String id) {
        try (MosquittoSub sub = MosquittoSub.start(broker.port(), Topics.NOTIFICATIONS, Topics.status(id))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(sub.messages()).contains(
                    retained(Topics.NOTIFICATIONS, id + " died."),
                    retained(Topics.status(id), "offline")));
        }
    }

    private static Message retained(String topic, String payload) {
        return new Message(topic, payload, true);
    }

    private static String uniqueId(String what, TestBroker.Kind kind) {
        return "lastwill-" + what + "-" + kind.name().toLowerCase() + "-" + IDS.incrementAndGet();
    }
}
