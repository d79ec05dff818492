package io.watchkeeper.kafka.cli;

import io.watchkeeper.kafka.streams.KafkaTopics;
import picocli.CommandLine.Option;

/** Where Kafka is and which topics: shared by the Kafka commands. */
final class KafkaOptions {

    @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true,
            description = "Kafka's bootstrap servers, e.g. 127.0.0.1:9092 (watchkeeper kafka-dev starts one).")
    String bootstrap;

    @Option(names = "--topic-prefix", paramLabel = "NAME", defaultValue = KafkaTopics.DEFAULT_PREFIX,
            description = "Topics are NAME.input, NAME.fixes, NAME.events, NAME.deadletters (default watchkeeper).")
    String prefix;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of topics created here (default 3); existing topics keep theirs.")
    int partitions;

    KafkaTopics topics() {
        return KafkaTopics.prefixed(prefix);
    }
}
