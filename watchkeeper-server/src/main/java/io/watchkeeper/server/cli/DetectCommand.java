package io.watchkeeper.server.cli;

import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.server.app.ConsoleEventLog;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The event-detection engine, against any MQTT broker. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Subscribes to DATA/#, runs one MOVING/RESTING machine per boat and publishes",
                "each change on EVENT/<port_id>/STATETRANSITION/<boat_id>. Bad input goes to DEADLETTER/<station>."})
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--workers", paramLabel = "N", description = "Engine worker threads (default: engine.workers in --config, else one per core).")
    Integer workers;

    @Option(names = {"-q", "--quiet"}, description = "Do not log events on the console.")
    boolean quiet;

    @Mixin
    BrokerOptions brokerOptions;

    @Override
    public Integer call() throws Exception {
        WatchkeeperConfig config = brokerOptions.config();
        BrokerChoice choice = brokerOptions.choice(config, "watchkeeper-detect");
        EngineConfig engine = config.engine().toEngineConfig();
        if (workers != null) {
            engine = engine.withWorkers(workers);
        }
        Shutdown shutdown = new Shutdown();
        try (DetectorService service = DetectorService.start(DetectorService.settings(choice.address(), choice.clientId()), engine,
                config.input().maxPayloadBytesOrDefault(), quiet ? null : new ConsoleEventLog(System.out),
                Clock.systemUTC())) {
            System.err.printf("watchkeeper detect: %d worker(s), connected to %s (Ctrl-C to stop)%n",
                    engine.workers(), choice.describe());
            shutdown.await(null);
            System.err.printf("watchkeeper detect: %d fixes, %d dead letters%n", service.accepted(),
                    service.deadLetters().total());
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
