package io.watchkeeper.mqtt.testing;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The offline MQTT&nbsp;5 subscriber whose messages a broker must keep: it subscribes with a persistent
 * session (clean start, session expiry &gt; 0), goes away, and later resumes (clean start false) to
 * collect what was queued meanwhile. Speaks to any broker on 127.0.0.1 with the HiveMQ client.
 */
public final class PersistentSession {

    /** Long enough to outlive any test's restart; the resume ends the session (expiry 0). */
    private static final long SESSION_EXPIRY_SECONDS = 3600;
    /** How long to keep listening once what was expected has arrived, or a retained message came. */
    private static final Duration SURPLUS_WAIT = Duration.ofMillis(500);

    /** What a resumed session received: whether the broker still had it, and the payloads in order. */
    public record Resumed(boolean sessionPresent, List<String> payloads) {
    }

    private PersistentSession() {
    }

    /**
     * Connects {@code clientId} with a persistent session (session expiry 1 h), subscribes {@code filter}
     * at QoS 1, disconnects.
     *
     * @param cleanStart how the session begins. MQTT&nbsp;5 says either way the session then lives for its
     *                   expiry interval, and HiveMQ CE keeps both kinds across a restart. Mosquitto 2.0 saves
     *                   only clients whose last CONNECT had Clean Start 0 ({@code persist__client_save}), so
     *                   a session begun with Clean Start 1 is lost on a Mosquitto restart.
     */
    public static void subscribeAndLeave(int port, String clientId, String filter, boolean cleanStart) {
        Mqtt5BlockingClient client = client(port, clientId).toBlocking();
        client.connectWith().cleanStart(cleanStart).sessionExpiryInterval(SESSION_EXPIRY_SECONDS).send();
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
    }

    /** Publishes {@code prefix0 .. prefix(count-1)} on {@code topic} at QoS 1 and waits for every PUBACK. */
    public static void publishNumbered(int port, String topic, String prefix, int count) throws Exception {
        try (Publisher publisher = Publisher.connect(ClientSettings.of(BrokerAddress.of("127.0.0.1", port),
                "numbered-" + System.nanoTime()))) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(publisher.publish(topic, (prefix + i).getBytes(StandardCharsets.UTF_8)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Publishes one retained QoS 1 message and waits for its PUBACK. */
    public static void publishRetained(int port, String topic, String payload) {
        Mqtt5BlockingClient client = client(port, "retainer-" + System.nanoTime()).toBlocking();
        client.connect();
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
        client.disconnect();
    }

    /**
     * Resumes {@code clientId}'s session and collects what arrives: until {@code expected} messages came or
     * {@code timeout} passed, and then for {@link #SURPLUS_WAIT} more, so that a surplus (duplicates, more
     * than expected) shows too. The session ends on disconnect.
     */
    public static Resumed resume(int port, String clientId, int expected, Duration timeout) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        Mqtt5AsyncClient client = client(port, clientId);
        // Register before connecting: the queued messages flow as soon as the CONNACK is out.
        client.publishes(MqttGlobalPublishFilter.ALL, p -> received.add(payload(p)));
        Mqtt5ConnAck connAck = client.connectWith().cleanStart(false).sessionExpiryInterval(0)
                .send().get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(SURPLUS_WAIT.toMillis());
        client.disconnect().get(10, TimeUnit.SECONDS);
        return new Resumed(connAck.isSessionPresent(), List.copyOf(received));
    }

    /** The retained messages matching {@code filter}, as a fresh non-persistent client sees them. */
    public static List<String> retained(int port, String filter) throws InterruptedException {
        Mqtt5BlockingClient client = client(port, "retained-reader-" + System.nanoTime()).toBlocking();
        client.connect();
        List<String> retained = new ArrayList<>();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            // The first may take a moment on a busy machine; retained messages come at once after the SUBACK.
            Optional<Mqtt5Publish> p = publishes.receive(5, TimeUnit.SECONDS);
            while (p.isPresent()) {
                if (p.get().isRetain()) {
                    retained.add(payload(p.get()));
                }
                p = publishes.receive(SURPLUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        client.disconnect();
        return retained;
    }

    /** {@code prefix0 .. prefix(count-1)}: what {@link #publishNumbered} sent, for an exact comparison. */
    public static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static Mqtt5AsyncClient client(int port, String clientId) {
        return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildAsync();
    }

    private static String payload(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
