package io.watchkeeper.kafka.cli;

import io.watchkeeper.kafka.dev.KafkaDevBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper kafka-dev}: a single-node Kafka for trying the Kafka engine without a cluster. */
@Command(name = "kafka-dev", mixinStandardHelpOptions = true,
        description = {"Starts a single-node Apache Kafka (KRaft, broker and controller in one JVM) for development:",
                "one node, replication factor 1, not for production. Prints its address; Ctrl-C stops it."},
        footer = {"", "Example:", "  watchkeeper kafka-dev --port 9092 &",
                "  watchkeeper detect --engine kafka --kafka 127.0.0.1:9092"})
final class KafkaDevCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "9092", description = "Client port (default 9092; 0: a free one).")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "data/kafka-dev",
            description = "Its settings, log and data (default ./data/kafka-dev, beside demo's state); kept across restarts.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        UntilStopped stop = new UntilStopped();
        try (KafkaDevBroker broker = KafkaDevBroker.start(dir, port)) {
            System.out.println("kafka-dev: Kafka at " + broker.bootstrap() + " (pid " + broker.pid() + ", data in "
                    + dir + "); Ctrl-C stops it");
            System.out.flush();
            stop.await();
        } finally {
            stop.done();
        }
        return 0;
    }
}
