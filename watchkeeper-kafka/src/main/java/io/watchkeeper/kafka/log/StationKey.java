package io.watchkeeper.kafka.log;

import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.server.input.OversizeInput;

/**
 * The Kafka key of an input message: its station. A station's messages then share one partition and
 * keep their order there, which AIS needs (a multi-sentence message arrives in fragments).
 */
public final class StationKey {

    private StationKey() {
    }

    /** {@code AIS/<station>} and {@code DATA/<station>[/<vessel>]} give the station; anything else keys by its whole topic. */
    public static String of(String source) {
        String topic = source.startsWith(OversizeInput.SOURCE_PREFIX)
                ? source.substring(OversizeInput.SOURCE_PREFIX.length()) : source;
        return Topics.stationOfAis(topic).or(() -> Topics.stationOfData(topic)).orElse(topic);
    }
}
