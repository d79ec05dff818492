package io.watchkeeper.kafka.cli;

import io.watchkeeper.kafka.bridge.KafkaToMqtt;
import io.watchkeeper.kafka.bridge.MqttToKafka;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchkeeper bridge --kafka HOST:PORT}: MQTT input into Kafka's input topic. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Copies MQTT input (DATA/# and AIS/#) into Kafka's input topic, keyed by station, and the",
                "Kafka engine's events back to MQTT (EVENT/<site>/<TYPE>/<vessel>, the same JSON and eventIds).",
                "Input: the MQTT 5 shared subscription $share/watchkeeper/..., so several bridges split the load;",
                "each MQTT message is acknowledged only once Kafka has it (idempotent producer, acks=all).",
                "Events: read_committed, published at least once (offsets are committed after MQTT acknowledged)."},
        footer = {"", "Example:", "  watchkeeper bridge --broker tcp://localhost:1883 --kafka 127.0.0.1:9092"})
final class BridgeCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "tcp://localhost:1883",
            description = "MQTT broker (default tcp://localhost:1883).")
    String broker;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = "watchkeeper-bridge",
            description = "MQTT client id; give each bridge its own (default watchkeeper-bridge).")
    String clientId;

    @Option(names = "--durable", description = "Keep the MQTT session while the bridge is down, so input waits for it.")
    boolean durable;

    @Option(names = "--no-input", description = "Do not copy MQTT input into Kafka.")
    boolean noInput;

    @Option(names = "--no-events", description = "Do not publish the events topic on MQTT.")
    boolean noEvents;

    @Override
    public Integer call() throws Exception {
        if (noInput && noEvents) {
            throw new IllegalArgumentException("--no-input and --no-events leave nothing to do");
        }
        TopicSetup.ensure(kafka.bootstrap, kafka.topics().all(), kafka.partitions, (short) 1);
        BrokerAddress address = BrokerAddress.parse(broker);
        UntilStopped stop = new UntilStopped();
        MqttToKafka in = null;
        KafkaToMqtt out = null;
        try {
            if (!noInput) {
                in = MqttToKafka.start(ClientSettings.of(address, clientId), durable, kafka.bootstrap,
                        kafka.topics().input(), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES);
                System.err.println("bridge: " + broker + " " + MqttToKafka.filters() + " -> Kafka " + kafka.bootstrap
                        + " " + kafka.topics().input());
            }
            if (!noEvents) {
                out = KafkaToMqtt.start(kafka.bootstrap, kafka.topics().events(), clientId + "-events",
                        ClientSettings.of(address, clientId + "-events"));
                System.err.println("bridge: Kafka " + kafka.topics().events() + " -> " + broker + " EVENT/...");
            }
            System.err.println("bridge: running; Ctrl-C stops it");
            stop.await();
        } finally {
            if (in != null) {
                in.close();
                System.err.println("bridge: " + in.received() + " received from MQTT, " + in.forwarded() + " in Kafka");
            }
            if (out != null) {
                out.close();
                System.err.println("bridge: " + out.published() + " events published on MQTT");
            }
            stop.done();
        }
        return 0;
    }
}
