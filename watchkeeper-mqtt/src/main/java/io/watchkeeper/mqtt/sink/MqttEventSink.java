package io.watchkeeper.mqtt.sink;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.EventJson;
import java.util.Objects;

/**
 * Publishes each event on {@code EVENT/<site>/<TYPE>/<vessel>} at QoS 1, in the original envelope.
 *
 * <p>Encoding runs on the calling engine worker; the {@link Publisher} pipelines the sends and blocks
 * the worker when its in-flight bound is reached, which is how a slow broker slows the engine down
 * instead of filling memory.
 */
public final class MqttEventSink implements EventSink {

    private final Publisher publisher;
    private final EventJson json;

    public MqttEventSink(Publisher publisher, EventJson json) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void accept(Event event) {
        String topic = Topics.event(Topics.safeLevel(event.site()), event.type(), Topics.safeLevel(event.vessel().id()));
        publisher.publish(topic, json.encode(event));
    }
}
