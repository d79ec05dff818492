package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.sim.StationRunner;
import io.watchkeeper.server.sim.StationSimulator;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One simulated Raspberry Pi at a port, as in the original system. */
@Command(name = "station", mixinStandardHelpOptions = true,
        description = {"Simulates one station: publishes its boats' positions on DATA/<id> at QoS 1.",
                "Each tick one boat is picked at random; with probability 0.6 it moves by a Gaussian step."})
final class StationCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Station id, e.g. PORT1 (also the MQTT client id unless --client-id).")
    String id;

    @Option(names = "--boats", paramLabel = "N", defaultValue = "4", description = "Boats (default: ${DEFAULT-VALUE}).")
    int boats;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "2", description = "Reports per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed, for a reproducible stream. Default: a new one each run.")
    Long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N reports (default: run until Ctrl-C).")
    long count;

    @Mixin
    BrokerOptions brokerOptions;

    @Override
    public Integer call() throws Exception {
        StationSimulator sim = new StationSimulator(id, boats, rate, seed != null ? seed : System.nanoTime());
        BrokerChoice choice = brokerOptions.choice(id);
        Shutdown shutdown = new Shutdown("station", Shutdown.CLIENT_BUDGET);
        try (Publisher publisher = Publisher.connect(brokerOptions.settings(choice));
             StationRunner runner = new StationRunner(sim, publisher, Clock.systemUTC(), count).start()) {
            System.err.printf("watchkeeper station %s: %d boats at %s Hz to %s%n", id, boats, rate, choice.describe());
            if (count > 0) {
                while (!runner.awaitDone(100, TimeUnit.MILLISECONDS)) {
                    if (shutdown.poll()) {
                        break;
                    }
                }
            } else {
                shutdown.await(null);
            }
            publisher.stopReconnecting(); // stopping: no new connection, to this broker or one that replaced it
            shutdown.closing("waiting for the broker's acknowledgements and disconnecting",
                    "reports the broker had not acknowledged");
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
