package io.watchkeeper.kafka.streams;

import java.util.Objects;
import java.util.Set;

/**
 * The topics of a deployment, all named after one prefix ({@code watchkeeper} by default):
 *
 * <ul>
 *   <li>{@code <prefix>.input}: raw input, keyed by station (the bridge and {@code replay --kafka} write it);</li>
 *   <li>{@code <prefix>.fixes}: decoded fixes, keyed by vessel, plus sweep marks sent to every partition;</li>
 *   <li>{@code <prefix>.events}: events, keyed by vessel, the MQTT envelope's JSON;</li>
 *   <li>{@code <prefix>.deadletters}: refused input, keyed by source, the {@code DEADLETTER/} JSON.</li>
 * </ul>
 */
public record KafkaTopics(String input, String fixes, String events, String deadLetters) {

    public static final String DEFAULT_PREFIX = "watchkeeper";

    public KafkaTopics {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(fixes, "fixes");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static KafkaTopics prefixed(String prefix) {
        return new KafkaTopics(prefix + ".input", prefix + ".fixes", prefix + ".events", prefix + ".deadletters");
    }

    public Set<String> all() {
        return Set.of(input, fixes, events, deadLetters);
    }
}
