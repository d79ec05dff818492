package io.watchkeeper.kafka.bridge;

import io.watchkeeper.kafka.log.KafkaInputLog;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.server.input.LoggedInput;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MQTT → Kafka bridge: a shared MQTT 5 subscription to {@code DATA/#} and {@code AIS/#} (so several
 * bridges split the load), each message appended to the Kafka input log by the same receiver the
 * detector uses ({@link LoggedInput}), which acknowledges it on MQTT only once Kafka has acknowledged it.
 */
public final class MqttToKafka implements AutoCloseable {

    /** The shared-subscription group every bridge joins. */
    public static final String SHARE_GROUP = "watchkeeper";

    private final KafkaInputLog log;
    private final LoggedInput receiver;
    private final Subscriber subscriber;

    private MqttToKafka(KafkaInputLog log, LoggedInput receiver, Subscriber subscriber) {
        this.log = log;
        this.receiver = receiver;
        this.subscriber = subscriber;
    }

    /**
     * Connects to Kafka and then to MQTT; messages flow from then on.
     *
     * @param durable keep the MQTT session across restarts, so what arrives while the bridge is down waits
     */
    public static MqttToKafka start(ClientSettings mqtt, boolean durable, String bootstrap, String topic,
                                    int maxPayloadBytes) {
        Objects.requireNonNull(mqtt, "mqtt");
        KafkaInputLog log = KafkaInputLog.connect(bootstrap, topic, 10_000, Map.of());
        LoggedInput receiver = new LoggedInput(log, Clock.systemUTC(), maxPayloadBytes);
        try {
            Subscriber subscriber = Subscriber.connectInline(mqtt, filters(), durable, receiver);
            return new MqttToKafka(log, receiver, subscriber);
        } catch (RuntimeException e) {
            receiver.close();
            log.close();
            throw e;
        }
    }

    /** {@code $share/watchkeeper/DATA/#} and {@code $share/watchkeeper/AIS/#}. */
    public static List<String> filters() {
        return List.of("$share/" + SHARE_GROUP + "/" + Topics.dataFilter(),
                "$share/" + SHARE_GROUP + "/" + Topics.aisFilter());
    }

    /** Messages received from MQTT. */
    public long received() {
        return subscriber.received();
    }

    /** Messages Kafka acknowledged (and so acknowledged on MQTT). */
    public long forwarded() {
        return log.acknowledged();
    }

    /** Messages waiting for room (Kafka slower than MQTT). */
    public int held() {
        return receiver.held();
    }

    /** Stops taking input, then lets Kafka acknowledge what it was sent. */
    @Override
    public void close() {
        subscriber.close();
        receiver.close();
        log.close();
    }
}
