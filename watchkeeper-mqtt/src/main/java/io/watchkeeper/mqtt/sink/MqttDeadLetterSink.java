package io.watchkeeper.mqtt.sink;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.EventJson;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes refused input on {@code DEADLETTER/<source>} with its reason, so an operator can see and
 * replay it. Never throws into the caller (often the MQTT client's thread): a failure is logged.
 */
public final class MqttDeadLetterSink implements DeadLetterSink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeadLetterSink.class);

    private final Publisher publisher;
    private final EventJson json;

    public MqttDeadLetterSink(Publisher publisher, EventJson json) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        try {
            publisher.publish(Topics.deadLetter(Topics.safeLevel(deadLetter.source())), json.encode(deadLetter));
        } catch (RuntimeException e) {
            LOG.warn("could not publish a dead letter ({} from {}): {}", deadLetter.reason().label(),
                    deadLetter.source(), e.toString());
        }
    }
}
