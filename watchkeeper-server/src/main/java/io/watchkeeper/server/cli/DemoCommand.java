package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.server.output.ConsoleEventLog;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import io.watchkeeper.server.sim.AisReplayStation;
import io.watchkeeper.server.sim.ReplayLines;
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
        description = {"Runs everything at once: an embedded broker, two stations, real AIS traffic and the detector.",
                "The broker is embedded; the stations are simulated; the AIS traffic is a replay of real",
                "Danish traffic (bundled, looped on the clock); the detector runs every built-in detector",
                "with the built-in port and anchorage zones. It logs events,",
                "stores them in ./data/events.db (the broker's sessions and retained messages",
                "in ./data/broker; --data to move both) and serves the live dashboard on",
                "http://localhost:8080 (--http to move it).",
                "--stations-only runs the simulated stations alone; --ais FILE replays that",
                "recording on AIS/<station> instead of the stations and the bundled one.",
                "While it runs, watch with: mosquitto_sub -h localhost -p 1883 -t 'EVENT/#'",
                "(or -t 'DATA/#' -t 'AIS/#' for the input).",
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

    @Option(names = "--stations-only", description = "Only the simulated stations: no recording, no zones unless --zones.")
    boolean stationsOnly;

    @Option(names = "--ais-station", paramLabel = "NAME", defaultValue = "AIS1",
            description = "Station the recording is published as, on AIS/NAME (default: ${DEFAULT-VALUE}).")
    String aisStation;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Replay the --ais recording at X times its recorded pace; 0 = as fast as possible "
                    + "(default: ${DEFAULT-VALUE}; the bundled one always runs on the clock).")
    double speed;

    @Option(names = "--zones", paramLabel = "SPEC", split = ",",
            description = "Zone sets for the detectors: builtin:NAME or GeoJSON (docs/zones.md); "
                    + "default builtin:wpi,builtin:gfw-anchorages with the bundled recording, none otherwise.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "User-defined machines in YAML (docs/rules.md).")
    Path rules;

    /** Where, under {@code --data}, the embedded broker keeps sessions, queues and retained messages. */
    static final String BROKER_DATA = "broker";

    /** The real traffic the default demo replays, on the class path (data/dma-aisabnormal/README.md). */
    static final String BUNDLED_RECORDING = "/demo/ais-sample-20131112T1200Z.txt.gz";

    /** What the bundled recording is called in the log. */
    static final String BUNDLED_NAME = "Danish AIS, 12 Nov 2013 12:00-12:05 UTC (bundled)";

    /** The zones of the default demo: ports (World Port Index) and anchorages (Global Fishing Watch). */
    static final List<String> BUNDLED_ZONES = List.of("builtin:wpi", "builtin:gfw-anchorages");

    /** The issue's address for the dashboard: http://localhost:8080. */
    static final int DEFAULT_HTTP_PORT = 8080;

    @Mixin
    WebOptions webOptions;

    @Override
    public Integer call() throws Exception {
        if (stationsOnly && aisFile != null) {
            throw new IllegalArgumentException("--stations-only and --ais exclude each other");
        }
        boolean bundled = !stationsOnly && aisFile == null;
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS,
                bundled && zones.isEmpty() ? BUNDLED_ZONES : zones, rules);
        if (aisFile != null && !Files.isReadable(Path.of(aisFile))) {
            throw new NoSuchFileException(aisFile);
        }
        double pacing = ReplaySpeed.pacing(speed);
        Shutdown shutdown = new Shutdown("demo", Shutdown.ENGINE_BUDGET);
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
            if (aisFile == null) {
                for (int i = 1; i <= stations; i++) {
                    stationIds.add("PORT" + i);
                }
            }
            if (!stationsOnly) {
                stationIds.add(aisStation); // last: the recording's publisher
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
                detector = DetectorService.start(DetectorService.settings(address, "watchkeeper-detect"),
                        DetectorService.Options.defaults().withSuite(suite.withStates(front.states()))
                                .withFeeds(front.feeds(quiet ? null : new ConsoleEventLog(out)))
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
            System.err.printf("watchkeeper demo: broker on %s:%d%n", host, broker.port());
            List<Publisher> stationPublishers = stationsOnly ? publishers : publishers.subList(0, publishers.size() - 1);
            for (int i = 0; i < stationPublishers.size(); i++) {
                Publisher publisher = stationPublishers.get(i);
                running.add(new StationRunner(new StationSimulator(publisher.clientId(), boats, rate, base + i + 1),
                        publisher, Clock.systemUTC(), 0).start());
            }
            if (!stationPublishers.isEmpty()) {
                System.err.printf("  stations:      %d x %d boats at %s Hz on DATA/PORTn, seed %d%n", stations, boats,
                        rate, base);
            }
            if (!stationsOnly) {
                running.add(replay(publishers.get(publishers.size() - 1), pacing).start());
                System.err.printf("  AIS replay:    %s on AIS/%s, %s%n", aisFile != null ? aisFile : BUNDLED_NAME,
                        aisStation, aisFile == null ? "looped on the clock"
                                : speed == 0 ? "at full speed" : "at " + speed + "x");
            }
            System.err.printf("  watch events:  mosquitto_sub -h localhost -p %d -t 'EVENT/#'%n", broker.port());
            System.err.printf("  watch input:   mosquitto_sub -h localhost -p %d -t '%s'%n", broker.port(),
                    stationsOnly ? "DATA/#" : aisFile != null ? "AIS/#" : "DATA/#' -t 'AIS/#");
            if (front.port() >= 0) {
                System.err.printf("  dashboard:     http://%s:%d   (REST API under /api, metrics at /metrics)%n",
                        front.displayHost(), front.port());
            }
            System.err.println("  Ctrl-C to stop.");
            started = true;
            shutdown.await(durationSeconds > 0 ? Duration.ofSeconds(durationSeconds) : null);
            shutdown.closing("stopping the stations, the engine, the event store and the broker",
                    "the last checkpoint, events not yet acknowledged or stored, and the broker's clean stop");
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

    /** The recording's station: the --ais file once at its speed, or the bundled one looped on the clock. */
    private AisReplayStation replay(Publisher publisher, double pacing) {
        if (aisFile != null) {
            return new AisReplayStation(aisFile, aisStation, publisher, pacing);
        }
        ReplayLines lines = ReplayLines.looped(BUNDLED_NAME, ReplayLines.resource(BUNDLED_RECORDING), Clock.systemUTC());
        return new AisReplayStation(lines, aisStation, publisher, 1);
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
