package io.watchkeeper.kafka.log;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jetbrains.annotations.Nullable;

/**
 * The input topic's record format: key the station, value the raw payload as received, timestamp the
 * arrival time, and the MQTT topic (the input log's {@code source}) in the {@code wk-source} header.
 */
public final class InputRecords {

    public static final String SOURCE_HEADER = "wk-source";

    private InputRecords() {
    }

    public static ProducerRecord<String, byte[]> of(String topic, String source, byte[] payload, long receivedMillis) {
        Headers headers = new RecordHeaders().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, receivedMillis, StationKey.of(source), payload, headers);
    }

    /** The MQTT topic a record came from, or null if it has none (not written by Watchkeeper). */
    public static @Nullable String source(Headers headers) {
        Header h = headers.lastHeader(SOURCE_HEADER);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static @Nullable String source(ConsumerRecord<?, ?> record) {
        return source(record.headers());
    }
}
