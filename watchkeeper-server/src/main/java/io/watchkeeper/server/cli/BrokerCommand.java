package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded broker alone (HiveMQ CE, in-process), for stations and detectors elsewhere. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs the embedded MQTT broker (HiveMQ CE) until Ctrl-C.",
                "Safe defaults: listens on 127.0.0.1, no usage statistics, queues raised so QoS 1 messages are not dropped."})
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "1883", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
    String host;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep sessions and retained messages in DIR across restarts (default: in memory).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Shutdown shutdown = new Shutdown();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().host(host).port(port).dataFolder(data).build().start()) {
            System.err.printf("watchkeeper broker: listening on %s:%d (Ctrl-C to stop)%n", host, broker.port());
            shutdown.await(null);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
