package io.watchkeeper.server.cli;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.config.Durations;
import io.watchkeeper.server.config.InputSpec;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.input.InputRunner;
import io.watchkeeper.server.output.ConsoleEventLog;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The event-detection engine, against any MQTT broker. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs every detector on DATA/# and AIS/# and publishes the events on EVENT/.",
                "It subscribes to DATA/# (JSON fixes) and AIS/# (raw NMEA), runs every detector",
                "(motion, zones, port calls, gaps, encounters, tug assists, collision risk,",
                "identity checks: docs/detectors.md; AIS safety messages too: docs/ais.md)",
                "and publishes each event on EVENT/<site>/<TYPE>/<vessel>, storing it too",
                "(docs/store.md). Bad input goes to DEADLETTER/<station>. --input adds AIS files,",
                "TCP relays, UDP ports and CSV tracks; --http PORT serves the dashboard, REST API",
                "and /metrics (docs/api.md)."},
        footer = {"", "Inputs (repeatable; also 'inputs:' in --config):",
                "  --input file:recording.nmea.gz     NMEA file, plain or gzip ('-' is stdin), paced by --speed",
                "  --input tcp:HOST:PORT              NMEA-over-TCP relay (AIS-catcher, gpsd, rtl-ais); reconnects",
                "  --input udp:PORT                   NMEA datagrams, on loopback only",
                "  --input udp:ADDR:PORT              on ADDR; 0.0.0.0 is every interface",
                "  --input csv:tracks.csv             decoded positions (MarineCadastre, DMA, Solent, AMSA columns)",
                "  --input NAME=KIND:WHERE            the same, with NAME as site and DEADLETTER/NAME"})
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--workers", paramLabel = "N", description = "Engine worker threads (default: engine.workers in --config, else one per core).")
    Integer workers;

    @Option(names = {"-q", "--quiet"}, description = "Do not log events on the console.")
    boolean quiet;

    @Option(names = "--input", paramLabel = "[NAME=]KIND:WHERE", description = "An input besides MQTT (see below).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--max-ahead", paramLabel = "DURATION",
            description = "Refuse fixes timed further ahead of this machine's clock, as dead letters from_future "
                    + "(default: input.maxAhead in --config, else 5m).")
    @Nullable String maxAhead;

    @Option(names = "--evict-after", paramLabel = "DURATION",
            description = "Forget a vessel silent this long (in its station's time) once no timer is left; 0s never "
                    + "(default: engine.evictAfter in --config, else 7d).")
    @Nullable String evictAfter;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "0",
            description = "Replay files at X times their recorded pace; 0 reads them as fast as possible (default).")
    double speed;

    @Option(names = "--no-tag-checksum", description = "Accept NMEA tag blocks with a wrong checksum (some feeds write *00).")
    boolean noTagChecksum;

    @Option(names = "--zones", paramLabel = "SPEC", split = ",",
            description = "Zone sets: builtin:NAME or a GeoJSON file; repeatable or comma-separated (docs/zones.md).")
    List<String> zones = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "User-defined machines in YAML (docs/rules.md).")
    Path rules;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    WebOptions webOptions;

    /**
     * What one run of {@code detect} wires together.
     *
     * @param suite   the detectors as the web API shows them (the engine's, in {@code options}, also tell the
     *                live view each vessel's state)
     * @param inputs  the inputs besides MQTT
     * @param pacing  event-time seconds per wall-clock second for file inputs
     */
    private record Plan(ClientSettings settings, BrokerChoice choice, DetectorService.Options options,
                        DetectorSuite suite, List<InputSpec> inputs, double pacing) {
    }

    @Override
    public Integer call() throws Exception {
        WatchkeeperConfig config = brokerOptions.config();
        BrokerChoice choice = brokerOptions.choice(config, "watchkeeper-detect");
        ClientSettings settings = brokerOptions.secure(DetectorService.settings(choice.address(), choice.clientId()),
                choice, config);
        DetectorSuite suite = suite(config);
        Shutdown shutdown = new Shutdown("detect", Shutdown.ENGINE_BUDGET);
        Clock clock = Clock.systemUTC();
        try (WebFront front = WebFront.open(webOptions.settings(config, -1), new VesselRegistry(), clock)) {
            DetectorService.Options options = new DetectorService.Options(engineConfig(config),
                    config.input().maxPayloadBytesOrDefault(), suite.withStates(front.states()), framing(),
                    front.feeds(quiet ? null : new ConsoleEventLog(System.out)), webOptions.durability());
            run(new Plan(settings, choice, options, suite, inputSpecs(config), ReplaySpeed.pacing(speed)), front,
                    shutdown, clock);
            shutdown.closing("writing the events still queued to the event store",
                    "those events, in the store only (MQTT consumers have them)");
        } finally {
            shutdown.done();
        }
        return 0;
    }

    private EngineConfig engineConfig(WatchkeeperConfig config) {
        EngineConfig engine = config.engine().toEngineConfig();
        return workers != null ? engine.withWorkers(workers) : engine;
    }

    /** {@code inputs:} of the config file, then {@code --input}. */
    private List<InputSpec> inputSpecs(WatchkeeperConfig config) {
        List<InputSpec> specs = new ArrayList<>();
        for (String text : config.inputs()) {
            specs.add(InputSpec.parse(text));
        }
        for (String text : inputs) {
            specs.add(InputSpec.parse(text));
        }
        return specs;
    }

    private FramerSettings framing() {
        return FramerSettings.defaults().withVerifyTagBlockChecksum(!noTagChecksum);
    }

    /** The detectors and zones of the config file, with the command line's zones, rules and limits over them. */
    private DetectorSuite suite(WatchkeeperConfig config) {
        DetectorSuite suite = DetectorSuite.from(config, zones.isEmpty() ? config.zones() : zones,
                rules != null ? rules : config.rules() != null ? Path.of(config.rules()) : null);
        if (maxAhead != null) {
            suite = suite.withMaxAhead(Durations.parse(maxAhead));
        }
        if (evictAfter != null) {
            StateLimits l = suite.limits();
            suite = suite.withLimits(new StateLimits(Durations.parse(evictAfter), l.vesselsPerStation(), l.stations(), l.vessels()));
        }
        return suite;
    }

    private static void run(Plan plan, WebFront front, Shutdown shutdown, Clock clock) throws Exception {
        try (DetectorService service = DetectorService.start(plan.settings(), plan.options(), clock)
                .storingIn(front.archive());
             InputRunner running = startInputs(plan, service, clock)) {
            shutdown.atSignal(service::stopReconnecting); // at once, before the orderly close
            front.serve(plan.suite(), service::engineStats, service::isUp, plan.choice().address().toString());
            System.err.printf("watchkeeper detect: %d worker(s), connected to %s, %d other input(s)%s (Ctrl-C to stop)%n",
                    plan.options().engine().workers(), plan.choice().describe(), plan.inputs().size(),
                    front.port() < 0 ? "" : ", dashboard on http://" + front.displayHost() + ":" + front.port());
            shutdown.await(null);
            printSummary(service);
            shutdown.closing("stopping the inputs, the engine and its MQTT connections",
                    "the last checkpoint and the events the broker had not acknowledged (with state, the next "
                            + "start replays them from the input log)");
        }
    }

    /** The inputs besides MQTT: files and CSV straight into the engine, TCP and UDP lines into the input log. */
    private static InputRunner startInputs(Plan plan, DetectorService service, Clock clock) throws SocketException {
        return InputRunner.start(plan.inputs(), service::submit, service::lineInput, service.vessels(),
                service.notices(), service.deadLetters(), plan.options().ais(), plan.pacing(), clock);
    }

    private static void printSummary(DetectorService service) {
        EngineStats stats = service.engineStats();
        System.err.printf("watchkeeper detect: %d fixes from DATA/, %d from AIS/, %d dead letters; %d vessels, "
                        + "%d late and %d repeated fixes skipped%n", service.accepted(), service.aisFixes(),
                service.deadLetters().total(), stats.vessels(), stats.outOfOrder(), stats.duplicates());
    }
}
