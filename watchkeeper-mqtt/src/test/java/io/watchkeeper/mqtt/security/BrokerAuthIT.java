package io.watchkeeper.mqtt.security;

import static io.watchkeeper.mqtt.security.SecurityFixtures.ENGINE;
import static io.watchkeeper.mqtt.security.SecurityFixtures.OBSERVER;
import static io.watchkeeper.mqtt.security.SecurityFixtures.PORT1;
import static io.watchkeeper.mqtt.security.SecurityFixtures.loggedIn;
import static io.watchkeeper.mqtt.security.SecurityFixtures.rawClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.MqttConnectException;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker with a credentials file: every refusal of docs/security.md, each proved on the real
 * HiveMQ CE, and the allowed path station → engine → observer end to end.
 *
 * <p>What HiveMQ CE 2025.5 does, as asserted here: a refused login gets its CONNACK reason code; a refused
 * PUBLISH ends the connection with DISCONNECT {@code NOT_AUTHORIZED}, whose reason string names the topic
 * (a PUBACK {@code NOT_AUTHORIZED} may come first), and the message reaches nobody; a refused SUBSCRIBE
 * gets SUBACK {@code NOT_AUTHORIZED} and the connection stays up; a CONNECT whose will topic the user may
 * not publish gets CONNACK {@code NOT_AUTHORIZED}.
 */
class BrokerAuthIT {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.builder().port(0).credentials(SecurityFixtures.credentials()).build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void anonymousClientIsRefused() {
        assertThatThrownBy(() -> rawClient(broker.port(), "anon").connect())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        // our own client says so in its one line
        assertThatThrownBy(() -> Publisher.connect(ClientSettings.of(broker.address(), "anon-pub")))
                .isInstanceOf(MqttConnectException.class)
                .hasMessageContaining("rejected by the broker: NOT_AUTHORIZED");
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(refusedLogin("port1-wrong-pw", PORT1.name(), "not-" + PORT1.password()))
                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        assertThat(refusedLogin("nobody", "nobody", PORT1.password()))
                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void userNameWithoutPasswordIsRefused() {
        Mqtt5BlockingClient client = rawClient(broker.port(), "no-pw");
        assertThatThrownBy(() -> client.connectWith().simpleAuth().username(PORT1.name()).applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void stationPublishingToAnotherStationsTopicsIsRefusedAndNothingArrives() throws Exception {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        Mqtt5BlockingClient engine = loggedIn(broker.port(), "detector-acl-1", ENGINE);
        engine.toAsync().subscribeWith().topicFilter("DATA/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(p.getTopic().toString())).send().get(10, TimeUnit.SECONDS);
        engine.toAsync().subscribeWith().topicFilter("AIS/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(p.getTopic().toString())).send().get(10, TimeUnit.SECONDS);

        for (String topic : List.of("DATA/PORT2", "DATA/PORT2/boat-7", "AIS/PORT2", "EVENT/PORT1/STATETRANSITION/1",
                "STATUS/someone-else")) {
            assertRefusedPublish(PORT1, "port1-acl-1", topic);
        }
        // its own topics work, and arrive after the refused ones would have
        Mqtt5BlockingClient station = loggedIn(broker.port(), "port1-acl-1", PORT1);
        publish(station, "DATA/PORT1");
        publish(station, "DATA/PORT1/boat-7");
        publish(station, "AIS/PORT1");

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 3);
        Thread.sleep(200); // a refused message that slipped through would be here by now
        assertThat(seen).containsExactlyInAnyOrder("DATA/PORT1", "DATA/PORT1/boat-7", "AIS/PORT1");
        station.disconnect();
        engine.disconnect();
    }

    @Test
    void mqtt311StationPublishingToAnotherStationIsDroppedToo() throws Exception {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        Mqtt5BlockingClient engine = loggedIn(broker.port(), "detector-acl-3", ENGINE);
        engine.toAsync().subscribeWith().topicFilter("DATA/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(p.getTopic().toString())).send().get(10, TimeUnit.SECONDS);
        // MQTT 3.1.1 has no reason codes: the broker can only drop the message (and the connection)
        Mqtt3BlockingClient sneaky = Mqtt3Client.builder().identifier("port1-acl-v3").serverHost("127.0.0.1")
                .serverPort(broker.port()).buildBlocking();
        sneaky.connectWith().simpleAuth().username(PORT1.name()).password(PORT1.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        try {
            sneaky.toAsync().publishWith().topic("DATA/PORT2").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("v3".getBytes(StandardCharsets.UTF_8)).send().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException dropped) {
            // either outcome is the broker refusing; what matters is that nobody receives it
        }
        Mqtt3BlockingClient honest = Mqtt3Client.builder().identifier("port1-acl-v3b").serverHost("127.0.0.1")
                .serverPort(broker.port()).buildBlocking();
        honest.connectWith().simpleAuth().username(PORT1.name()).password(PORT1.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        honest.publishWith().topic("DATA/PORT1").qos(MqttQos.AT_LEAST_ONCE).payload("v3".getBytes(StandardCharsets.UTF_8)).send();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("DATA/PORT1"));
        Thread.sleep(200);
        assertThat(seen).containsExactly("DATA/PORT1");
        honest.disconnect();
        engine.disconnect();
    }

    @Test
    void clientIdsOfOtherUsersAreRefusedAtConnect() {
        // an observer taking the engine's ids could end its durable session or forge its STATUS/ messages
        for (String taken : List.of("detector", "detector-out", "detector-status", "watchkeeper-detect", "opsx")) {
            assertThat(refusedLogin(taken, OBSERVER.name(), OBSERVER.password())).as(taken)
                    .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
        }
        loggedIn(broker.port(), "ops", OBSERVER).disconnect();
        loggedIn(broker.port(), "ops-console-7", OBSERVER).disconnect();
    }

    @Test
    void stationPublishingRetainedIsRefusedAndNothingIsRetained() throws Exception {
        AtomicReference<Throwable> disconnect = new AtomicReference<>();
        Mqtt5BlockingClient station = Mqtt5Client.builder().identifier("port1-retain").serverHost("127.0.0.1")
                .serverPort(broker.port()).addDisconnectedListener(c -> disconnect.set(c.getCause())).buildBlocking();
        station.connectWith().simpleAuth().username(PORT1.name()).password(PORT1.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        var result = station.toAsync().publishWith().topic("DATA/PORT1/boat-9").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload("kept forever?".getBytes(StandardCharsets.UTF_8)).send();
        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> disconnect.get() != null);
        assertThat(disconnect.get()).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                d -> assertThat(d.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED));
        // a new engine session finds nothing retained on DATA/
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        Mqtt5BlockingClient engine = loggedIn(broker.port(), "detector-retain", ENGINE);
        engine.toAsync().subscribeWith().topicFilter("DATA/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(p.getTopic().toString())).send().get(10, TimeUnit.SECONDS);
        Mqtt5BlockingClient honest = loggedIn(broker.port(), "port1-not-retained", PORT1);
        publish(honest, "DATA/PORT1/boat-9");
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly("DATA/PORT1/boat-9");
        honest.disconnect();
        engine.disconnect();
    }

    @Test
    void sessionExpiryIsCappedForObserversButNotForEngines() throws Exception {
        try (EmbeddedBroker capped = EmbeddedBroker.builder().port(0).credentials(SecurityFixtures.credentials())
                .maxSessionExpiry(Duration.ofSeconds(1)).build().start()) {
            leaveSession(capped, "ops-long", OBSERVER, "EVENT/#");
            leaveSession(capped, "detector-long", ENGINE, "DATA/#");
            Thread.sleep(3_000); // past the 1 s cap, far within the hour both asked for
            assertThat(resumes(capped, "ops-long", OBSERVER)).as("observer session kept").isFalse();
            assertThat(resumes(capped, "detector-long", ENGINE)).as("engine session kept").isTrue();
        }
    }

    /** Connects asking for a one-hour session, subscribes, and disconnects leaving the session. */
    private static void leaveSession(EmbeddedBroker on, String clientId, SecurityFixtures.User user, String filter) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(on.port()).buildBlocking();
        client.connectWith().sessionExpiryInterval(3600).simpleAuth().username(user.name())
                .password(user.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
    }

    private static boolean resumes(EmbeddedBroker on, String clientId, SecurityFixtures.User user) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(on.port()).buildBlocking();
        boolean present = client.connectWith().cleanStart(false).sessionExpiryInterval(3600).simpleAuth()
                .username(user.name()).password(user.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().isSessionPresent();
        client.disconnectWith().sessionExpiryInterval(0).send();
        return present;
    }

    @Test
    void stationSubscribingIsRefused() {
        for (String filter : List.of("DATA/PORT1", "DATA/#", "EVENT/#", "#")) {
            assertRefusedSubscribe(PORT1, "port1-acl-sub", filter);
        }
    }

    @Test
    void engineSubscribingOutsideItsTopicsIsRefused() {
        assertRefusedSubscribe(ENGINE, "detector-acl-sub", "EVENT/#");
        assertRefusedSubscribe(ENGINE, "detector-acl-sub", "#");
    }

    @Test
    void enginePublishingToDataIsRefused() {
        assertRefusedPublish(ENGINE, "detector-acl-2", "DATA/PORT1");
        assertRefusedPublish(ENGINE, "detector-acl-2", "AIS/PORT1");
    }

    @Test
    void observerPublishingIsRefused() {
        for (String topic : List.of("EVENT/PORT1/STATETRANSITION/1", "DATA/PORT1", "STATUS/acl-observer-1", "notifications")) {
            assertRefusedPublish(OBSERVER, "ops-acl-1", topic);
        }
    }

    @Test
    void observerMaySubscribeToWhatOperatorsWatch() throws Exception {
        Mqtt5BlockingClient observer = loggedIn(broker.port(), "ops-acl-2", OBSERVER);
        for (String filter : List.of("EVENT/#", "DEADLETTER/#", "STATUS/#", "notifications", "DATA/#", "AIS/#")) {
            Mqtt5SubAck subAck = observer.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(subAck.getReasonCodes()).as(filter).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        }
        observer.disconnect();
    }

    @Test
    void observerWithALastWillIsRefusedAtConnect() {
        // the documented decision: observers publish nothing, not even a will; clients connect without one
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("ops-acl-will").serverHost("127.0.0.1")
                .serverPort(broker.port()).willPublish().topic("notifications").payload("x died.".getBytes(StandardCharsets.UTF_8))
                .applyWillPublish().buildBlocking();
        assertThatThrownBy(() -> client.connectWith().simpleAuth().username(OBSERVER.name())
                .password(OBSERVER.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> Subscriber.connect(settings("ops-acl-sub", OBSERVER), List.of("EVENT/#"), (t, p) -> { }))
                .isInstanceOf(MqttConnectException.class).hasMessageContaining("NOT_AUTHORIZED");
    }

    @Test
    void stationWithAWillOnSomeoneElsesTopicIsRefused() {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("port1-acl-will").serverHost("127.0.0.1")
                .serverPort(broker.port()).willPublish().topic("DATA/PORT2").payload("x".getBytes(StandardCharsets.UTF_8))
                .applyWillPublish().buildBlocking();
        assertThatThrownBy(() -> client.connectWith().simpleAuth().username(PORT1.name())
                .password(PORT1.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void stationEngineObserverEndToEndWithOurClientsAndMosquittoSub() throws Exception {
        Queue<String> observed = new ConcurrentLinkedQueue<>();
        AtomicReference<Publisher> engineOut = new AtomicReference<>();
        try (Subscriber observer = Subscriber.connect(settings("ops-e2e", OBSERVER).withPresence(false),
                     List.of("EVENT/#", "STATUS/#"), (topic, payload) -> observed.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
             Publisher events = Publisher.connect(settings("detector-e2e-out", ENGINE));
             Subscriber engine = Subscriber.connect(settings("detector-e2e", ENGINE), List.of("DATA/#"), (topic, payload) -> {
                 String event = "EVENT/PORT1/STATETRANSITION/" + new String(payload, StandardCharsets.UTF_8);
                 engineOut.get().publish(event, payload, 1, true);
             });
             Publisher station = Publisher.connect(settings("port1-e2e", PORT1))) {
            engineOut.set(events);
            station.publish("DATA/PORT1", "e2e-1".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> observed.contains("EVENT/PORT1/STATETRANSITION/e2e-1 e2e-1"));
            // the station's and the engine's presence (wills and STATUS) is within their ACL
            await().atMost(Duration.ofSeconds(10)).until(() -> observed.containsAll(List.of(
                    "STATUS/port1-e2e online", "STATUS/detector-e2e online", "STATUS/detector-e2e-out online")));
            assertThat(observer.isConnected()).isTrue();
            assertThat(observed).noneMatch(line -> line.startsWith("STATUS/ops-e2e"));

            ExternalTools.require("mosquitto_sub", "mosquitto-clients");
            SecurityFixtures.Result sub = SecurityFixtures.mosquittoSubOnce(List.of("-h", "127.0.0.1", "-p",
                    String.valueOf(broker.port()), "-i", "ops-mosquitto", "-u", OBSERVER.name(), "-P", OBSERVER.password()),
                    "EVENT/PORT1/STATETRANSITION/e2e-1");
            assertThat(sub.exitCode()).as(sub.output()).isZero();
            assertThat(sub.output()).isEqualTo("EVENT/PORT1/STATETRANSITION/e2e-1 e2e-1");
            SecurityFixtures.Result anonymous = SecurityFixtures.mosquittoSubOnce(List.of("-h", "127.0.0.1", "-p",
                    String.valueOf(broker.port())), "EVENT/#");
            assertThat(anonymous.exitCode()).isNotZero();
            assertThat(anonymous.output()).containsIgnoringCase("not authorized");
        }
    }

    private static ClientSettings settings(String clientId, SecurityFixtures.User user) {
        return ClientSettings.of(broker.address(), clientId).withCredentials(user.name(), user.password())
                .withConnectTimeout(Duration.ofSeconds(5));
    }

    private static Mqtt5ConnAckReasonCode refusedLogin(String clientId, String user, String password) {
        Mqtt5BlockingClient client = rawClient(broker.port(), clientId);
        try {
            client.connectWith().simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
        } catch (Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
        throw new AssertionError("login of '" + user + "' was accepted");
    }

    /** A fresh connection as {@code user} publishes on {@code topic}; the broker must cut it off. */
    private static void assertRefusedPublish(SecurityFixtures.User user, String clientId, String topic) {
        AtomicReference<Throwable> disconnect = new AtomicReference<>();
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(broker.port()).addDisconnectedListener(c -> disconnect.set(c.getCause())).buildBlocking();
        client.connectWith().simpleAuth().username(user.name()).password(user.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        var result = client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload("refused?".getBytes(StandardCharsets.UTF_8)).send();
        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).as(topic).isInstanceOf(ExecutionException.class)
                .satisfies(e -> {
                    if (e.getCause() instanceof Mqtt5PubAckException pubAck) {
                        assertThat(pubAck.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
                    }
                });
        await().atMost(Duration.ofSeconds(5)).until(() -> disconnect.get() != null);
        assertThat(disconnect.get()).as(topic).isInstanceOfSatisfying(Mqtt5DisconnectException.class, d -> {
            assertThat(d.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
            assertThat(d.getMqttMessage().getReasonString()).hasValueSatisfying(
                    reason -> assertThat(reason.toString()).contains("'" + topic + "'"));
        });
    }

    /** {@code user} subscribes to {@code filter}: SUBACK NOT_AUTHORIZED, and the connection stays up. */
    private static void assertRefusedSubscribe(SecurityFixtures.User user, String clientId, String filter) {
        Mqtt5BlockingClient client = loggedIn(broker.port(), clientId, user);
        assertThatThrownBy(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send())
                .as(filter).isInstanceOfSatisfying(Mqtt5SubAckException.class, e -> assertThat(
                        e.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
        assertThat(client.getState()).isEqualTo(MqttClientState.CONNECTED);
        client.disconnect();
    }

    private static void publish(Mqtt5BlockingClient client, String topic) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(topic.getBytes(StandardCharsets.UTF_8)).send();
    }
}
