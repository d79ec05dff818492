package io.watchkeeper.kafka.cli;

import io.watchkeeper.kafka.bridge.MqttToKafka;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchkeeper bridge --kafka HOST:PORT}: MQTT input into Kafka's input topic. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Copies MQTT input (DATA/# and AIS/#) into Kafka's input topic, keyed by station.",
                "It joins the MQTT 5 shared subscription $share/watchkeeper/..., so several bridges split the load,",
                "and acknowledges each MQTT message only once Kafka has it (idempotent producer, acks=all)."},
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

    @Override
    public Integer call() throws Exception {
        TopicSetup.ensure(kafka.bootstrap, Set.of(kafka.topics().input()), kafka.partitions, (short) 1);
        ClientSettings mqtt = ClientSettings.of(BrokerAddress.parse(broker), clientId);
        UntilStopped stop = new UntilStopped();
        try (MqttToKafka bridge = MqttToKafka.start(mqtt, durable, kafka.bootstrap, kafka.topics().input(),
                FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES)) {
            System.err.println("bridge: " + broker + " " + MqttToKafka.filters() + " -> Kafka " + kafka.bootstrap
                    + " topic " + kafka.topics().input() + "; Ctrl-C stops it");
            stop.await();
            System.err.println("bridge: " + bridge.received() + " received, " + bridge.forwarded() + " in Kafka");
        } finally {
            stop.done();
        }
        return 0;
    }
}
