package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jetbrains.annotations.Nullable;

/**
 * The events topic's record format: key the vessel, value the MQTT envelope's JSON, and in the
 * {@code wk-topic} header the {@code EVENT/<site>/<TYPE>/<vessel>} topic the MQTT detector would publish
 * it on, so that the events bridge need not parse the JSON.
 */
public final class EventRecords {

    public static final String TOPIC_HEADER = "wk-topic";

    private EventRecords() {
    }

    static Headers headers(Event e) {
        String topic = Topics.event(Topics.safeLevel(e.site()), e.type(), Topics.safeLevel(e.vessel().id()));
        return new RecordHeaders().add(TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
    }

    /** The MQTT topic of an event record, or null if it has none (not written by Watchkeeper). */
    public static @Nullable String mqttTopic(Headers headers) {
        Header h = headers.lastHeader(TOPIC_HEADER);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
