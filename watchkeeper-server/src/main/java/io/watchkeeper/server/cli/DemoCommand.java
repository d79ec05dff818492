package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.server.app.ConsoleEventLog;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.vessel.VesselRegistry;
import picocli.CommandLine.Mixin;
import io.watchkeeper.server.sim.AisReplayStation;
import io.watchkeeper.server.sim.StationRunner;
import io.watchkeeper.server.sim.StationSimulator;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Everything at once, on an embedded broker: the original docker-compose file as one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts an embedded MQTT broker, simulated stations and the detector, logs",
                "events, stores them in ./data/events.db (the broker's sessions and retained messages in",
                "./data/broker; --data to move both) and serves the live dashboard on",
                "http://localhost:8080 (--http to move it).",
                "With --ais FILE, a real AIS recording is replayed on AIS/<station> instead of the simulated stations.",
                "While it runs, watch with: mosquitto_sub -h localhost -p 1883 -t 'EVENT/#'  (or -t 'DATA/#')",
                "Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "1883", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address the broker listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
    String host;

    @Option(names = "--stations", paramLabel = "N", defaultValue = "2", description = "Simulated stations PORT1..PORTn (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--boats", paramLabel = "N", defaultValue = "4", description = "Boats per station (default: ${DEFAULT-VALUE}).")
    int boats;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "2", description = "Reports per second per station (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; station i uses S+i. Default: a new one each run.")
    Long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default: run until Ctrl-C).")
    long durationSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Do not log events on the console.")
    boolean quiet;

    @Option(names = "--ais", paramLabel = "FILE",
            description = "Replay this AIS NMEA recording (plain or gzip), e.g. data/dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz in the repository")
    String aisFile;

    @Option(names = "--ais-station", paramLabel = "NAME", defaultValue = "AIS1",
            description = "Station the recording is published as, on AIS/NAME (default: ${DEFAULT-VALUE}).")
    String aisStation;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Replay the recording at X times its recorded pace; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--zones", paramLabel = "SPEC", split = ",",
            description = "Zone sets for the detectors: builtin:NAME or GeoJSON (docs/zones.md), e.g. builtin:wpi with --ais.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "User-defined machines in YAML (docs/rules.md).")
    java.nio.file.Path rules;

    /** Where, under {@code --data}, the embedded broker keeps sessions, queues and retained messages. */
    static final String BROKER_DATA = "broker";

    /** The issue's address for the dashboard: http://localhost:8080. */
    static final int DEFAULT_HTTP_PORT = 8080;

    @Mixin
    WebOptions webOptions;

    @Override
    public Integer call() throws Exception {
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, zones, rules);
        if (aisFile != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(aisFile))) {
            throw new java.nio.file.NoSuchFileException(aisFile);
        }
        double pacing = ReplaySpeed.pacing(speed);
        Shutdown shutdown = new Shutdown();
        PrintStream out = System.out;
        List<AutoCloseable> running = new ArrayList<>();
        boolean started = false;
        try {
            // File persistence under --data: a restarted demo keeps retained messages and what was queued
            // for offline persistent sessions, as a field broker must (issue D §3).
            EmbeddedBroker broker = EmbeddedBroker.builder().host(host).port(port)
                    .dataFolder(webOptions.dataDir.resolve(BROKER_DATA)).build().start();
            running.add(broker);
            BrokerAddress address = BrokerAddress.of("127.0.0.1".equals(host) || "0.0.0.0".equals(host)
                    ? "127.0.0.1" : host, broker.port());
            List<String> stationIds = new ArrayList<>();
            if (aisFile != null) {
                stationIds.add(aisStation);
            } else {
                for (int i = 1; i <= stations; i++) {
                    stationIds.add("PORT" + i);
                }
            }
            // Stations connect while the detector does (each connection waits for its broker round trips);
            // they start publishing only once the detector is subscribed, so no early report goes unseen.
            List<CompletableFuture<Publisher>> connecting = new ArrayList<>();
            for (String id : stationIds) {
                ClientSettings settings = ClientSettings.of(address, id);
                connecting.add(CompletableFuture.supplyAsync(() -> Publisher.connect(settings)));
            }
            List<Publisher> publishers = new ArrayList<>();
            WebFront front = WebFront.open(webOptions.settings(WatchkeeperConfig.DEFAULTS, DEFAULT_HTTP_PORT),
                    new VesselRegistry(), Clock.systemUTC());
            running.add(front); // closed after the detector: the store gets every event first
            front.metrics().bindBroker(broker::droppedMessages);
            DetectorService detector;
            try {
                EventSink shown = quiet ? front.events() : EventSink.all(new ConsoleEventLog(out), front.events());
                detector = DetectorService.start(DetectorService.settings(address, "watchkeeper-detect"),
                        DetectorService.Options.defaults().withSuite(suite).withExtraSink(shown)
                                .withRegistryAndTap(front.registry(), front.fixTap()).withMetrics(front.metrics())
                                .withDurability(webOptions.durability(aisFile != null)),
                        Clock.systemUTC());
            } finally {
                for (CompletableFuture<Publisher> c : connecting) {
                    publishers.add(join(c));
                }
                running.addAll(publishers);
            }
            detector.storingIn(front.archive());
            running.add(detector);
            front.serve(suite, detector::engineStats, detector::isUp, address.toString());
            long base = seed != null ? seed : System.nanoTime();
            if (aisFile != null) {
                running.add(new AisReplayStation(aisFile, aisStation, publishers.get(0),
                        pacing).start());
                System.err.printf("watchkeeper demo: broker on %s:%d, replaying %s on AIS/%s at %s%n", host,
                        broker.port(), aisFile, aisStation, speed == 0 ? "full speed" : speed + "x");
            } else {
                for (int i = 0; i < publishers.size(); i++) {
                    Publisher publisher = publishers.get(i);
                    running.add(new StationRunner(new StationSimulator(publisher.clientId(), boats, rate, base + i + 1),
                            publisher, Clock.systemUTC(), 0).start());
                }
                System.err.printf("watchkeeper demo: broker on %s:%d, %d station(s) x %d boats at %s Hz, seed %d%n",
                        host, broker.port(), stations, boats, rate, base);
            }
            System.err.printf("  watch events:  mosquitto_sub -h localhost -p %d -t 'EVENT/#'%n", broker.port());
            System.err.printf("  watch input:   mosquitto_sub -h localhost -p %d -t '%s'%n", broker.port(),
                    aisFile == null ? "DATA/#" : "AIS/#");
            if (front.port() >= 0) {
                System.err.printf("  dashboard:     http://%s:%d   (REST API under /api, metrics at /metrics)%n",
                        front.displayHost(), front.port());
            }
            System.err.println("  Ctrl-C to stop.");
            started = true;
            shutdown.await(durationSeconds > 0 ? Duration.ofSeconds(durationSeconds) : null);
            return 0;
        } finally {
            Collections.reverse(running);
            for (AutoCloseable r : running) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("demo: while stopping: " + Main.oneLine(e));
                }
            }
            if (started) {
                System.err.println("watchkeeper demo: stopped");
            }
            shutdown.done();
        }
    }

    /** The connected publisher, or the connect failure itself (not wrapped), so the CLI prints its one line. */
    private static Publisher join(CompletableFuture<Publisher> connecting) {
        try {
            return connecting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
