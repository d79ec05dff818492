package io.watchkeeper.kafka.streams;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the fixes topic: a fix or static data goes to its vessel's partition (Kafka's own hash of
 * the key), a sweep mark to every partition.
 */
final class VesselPartitioner implements StreamPartitioner<String, byte[]> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, Headers headers,
                                             int numPartitions) {
        if (value != null && value.length > 0 && value[0] == VesselMessage.MARK) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(Utils.utf8(key))) % numPartitions));
    }

    /** The form Kafka 4 still requires (and will drop); the headers play no part. */
    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
        return partitions(topic, key, value, new RecordHeaders(), numPartitions);
    }
}
