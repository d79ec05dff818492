package io.watchkeeper.bench.load;

import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.config.Durations;
import io.watchkeeper.server.durable.Durability;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench e2e}: the end-to-end load generator. See the command's description for what it does;
 * BENCHMARKS.md records results.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "End-to-end load generator: events expected vs received, duplicates, DATA->EVENT latency.",
                "Publishes a deterministic original-format burst on DATA/<station> (one pipelined QoS 1 publisher per",
                "station, as fast as the broker accepts, or paced with --rate), runs the detector in this JVM, subscribes",
                "to EVENT/# and reports input rate, events expected vs received (loss), duplicates and DATA->EVENT",
                "latency. Without --broker it starts the embedded HiveMQ CE and a local mosquitto and measures both.",
                "--raw also measures each broker alone (publisher -> broker -> subscriber on DATA/#, no engine)."})
public final class E2eCommand implements Callable<Integer> {

    /** Which brokers to start here. */
    /** The brokers {@code --target} names. */
    static final List<String> TARGETS = List.of("embedded", "mosquitto", "mosquitto-default", "both");

    @Option(names = "--stations", paramLabel = "S", defaultValue = "4",
            description = "Stations, one publisher connection each (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--boats", paramLabel = "B", defaultValue = "4", description = "Boats per station (default: ${DEFAULT-VALUE}).")
    int boats;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "100000",
            description = "Positions in the burst, over all stations (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--qos", paramLabel = "Q", defaultValue = "1", description = "QoS of the DATA publishes (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--broker", paramLabel = "URL",
            description = "Measure this external broker (tcp://host:port) instead of starting brokers here.")
    @Nullable String broker;

    @Option(names = "--target", paramLabel = "T",
            description = "Brokers to start here: embedded, mosquitto (tuned as examples/mosquitto/watchkeeper.conf), "
                    + "mosquitto-default (started with no config file, as most users run it: 20 in flight, 1,000 "
                    + "queued, then drops) or both (embedded and mosquitto; the default; not with --broker).")
    @Nullable String target;

    @Option(names = "--no-engine", description = "Do not start a detector here: one already runs on the broker.")
    boolean noEngine;

    @Option(names = "--raw", description = "Also measure each broker alone (DATA/# pass-through, no engine).")
    boolean raw;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Paced publishing at R positions/s overall; 0 = burst (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1",
            description = "Measure K times per broker (raw and e2e alternating) and report the median run: by throughput, "
                    + "or by p99 latency with --rate (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", description = "One JSON object per target on stdout instead of the table (with throughput, cpuMicrosPerPosition and, with --raw, rawPassThroughRate).")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wait this long after publishing for missing events, then report them lost (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100000",
            description = "Positions of an unmeasured warm-up run per broker, on other stations; 0 = none (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "" + ClientSettings.DEFAULT_MAX_IN_FLIGHT,
            description = "Unacknowledged publishes per station publisher (ClientSettings.maxInFlight; default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--detector-in-flight", paramLabel = "N", defaultValue = "" + DetectorService.EVENT_PUBLISHER_IN_FLIGHT,
            description = "maxInFlight of the detector's event publisher (default: ${DEFAULT-VALUE}).")
    int detectorInFlight;

    @Option(names = "--receive-maximum", paramLabel = "N", defaultValue = "" + ClientSettings.DEFAULT_RECEIVE_MAXIMUM,
            description = {"MQTT 5 Receive Maximum of the subscribers, ours and the detector's (default: ${DEFAULT-VALUE}).",
                    "Below a burst's size, Mosquitto 2.0.11 overruns it: protocol-error disconnects, redeliveries,",
                    "duplicates (see BENCHMARKS.md)."})
    int receiveMaximum;

    @Option(names = "--state", description = {"Run the in-process detector as 'detect' does: durable input session,",
            "acknowledged only after a checkpoint of every vessel's state (in a temporary directory)."})
    boolean state;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "2s",
            description = "With --state or --kill-engine-at: longest time between checkpoints (default: ${DEFAULT-VALUE}).")
    String checkpointEvery;

    @Option(names = "--kill-engine-at", paramLabel = "N", defaultValue = "0",
            description = {"Run the detector as a child JVM ('watchkeeper detect' with its state directory) and kill it",
                    "with SIGKILL once N positions have been published, then start it again: the report shows what",
                    "was lost (nothing, if issue D holds) and what was repeated (same eventId). 0 = never."})
    long killEngineAt;

    @Option(names = "--workers", paramLabel = "N", description = "Engine worker threads (default: one per core).")
    @Nullable Integer workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "" + EngineConfig.DEFAULT_QUEUE_CAPACITY,
            description = "Engine queue capacity per worker (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the burst; station i uses S+i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mosquitto", paramLabel = "PATH", description = "The mosquitto binary (default: PATH, then /usr/sbin).")
    @Nullable String mosquittoBinary;

    @Option(names = "--mosquitto-max-inflight", paramLabel = "N", defaultValue = "16384",
            description = "max_inflight_messages of the mosquitto started here (default: ${DEFAULT-VALUE}).")
    int mosquittoMaxInflight;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        PrintStream log = System.err;
        List<TargetResult> results = new ArrayList<>();
        EngineConfig engine = EngineConfig.defaults().withQueueCapacity(queue);
        if (workers != null) {
            engine = engine.withWorkers(workers);
        }
        Durability durability = state
                ? Durability.stateIn(java.nio.file.Path.of("state")).withCheckpointEvery(Durations.parse(checkpointEvery))
                : Durability.NONE;
        LoadRun.Options e2eOptions = new LoadRun.Options(LoadRun.Mode.E2E, qos, rate, Duration.ofSeconds(timeoutSeconds),
                inFlight, receiveMaximum, !noEngine, engine, detectorInFlight, durability, killEngineAt);
        String runTag = LoadRun.newTag("wkb");
        Burst burst = Burst.generate(stationIds(runTag, "S"), boats, messages, seed);
        long expected = ExpectedEvents.of(burst);
        log.printf(Locale.ROOT, "bench e2e: %,d positions, %d station(s) x %d boats, QoS %d, %s, expected events %,d, "
                        + "engine %s, in-flight %d, detector in-flight %d, receive-maximum %d%n",
                messages, stations, boats, qos, rate > 0 ? String.format(Locale.ROOT, "paced at %,.0f/s", rate) : "burst",
                expected, noEngine ? "external (--no-engine)" : killEngineAt > 0
                        ? "a child JVM killed at message " + killEngineAt + " (" + engine.workers() + " worker(s))"
                        : "in this JVM (" + engine.workers() + " worker(s), queue " + engine.queueCapacity() + ")"
                        + (state ? ", with checkpoints" : ""), inFlight, detectorInFlight, receiveMaximum);
        MicroClock clock = new MicroClock();
        for (String t : targets()) {
            try (BrokerTarget broker = start(t)) {
                log.printf("bench e2e: %s broker at %s%s%n", broker.name(), broker.address(),
                        broker.pid() > 0 ? " (pid " + broker.pid() + ")" : "");
                String tag = runTag + t.charAt(0);
                if (warmup > 0) {
                    Burst warm = Burst.generate(stationIds(tag, "W"), boats, warmup, seed);
                    // Warms the clients, the decoder, the engine and (embedded) the broker; not measured.
                    LoadRun.Mode warmMode = noEngine ? LoadRun.Mode.RAW : LoadRun.Mode.E2E;
                    RunResult w = new LoadRun(broker.name(), broker.address(), warm, ExpectedEvents.of(warm),
                            e2eOptions.withMode(warmMode), clock, tag + "w")
                            .run(broker.droppedMessages(), broker);
                    log.println("  warm-up   " + Report.summary(w));
                }
                List<RunResult> raws = new ArrayList<>();
                List<RunResult> e2es = new ArrayList<>();
                for (int k = 1; k <= repeat; k++) {
                    String n = repeat > 1 ? "#" + k : "";
                    if (raw) {
                        RunResult r = new LoadRun(broker.name(), broker.address(), burst, expected,
                                e2eOptions.withMode(LoadRun.Mode.RAW), clock, tag + "r" + k)
                                .run(broker.droppedMessages(), broker);
                        log.println("  raw" + pad(n) + Report.summary(r));
                        raws.add(r);
                    }
                    RunResult r = new LoadRun(broker.name(), broker.address(), burst, expected, e2eOptions, clock,
                            tag + "e" + k).run(broker.droppedMessages(), broker);
                    log.println("  e2e" + pad(n) + Report.summary(r));
                    e2es.add(r);
                }
                RunResult rawResult = raws.isEmpty() ? null : median(raws);
                RunResult e2e = median(e2es);
                if (e2e.engine() != null) {
                    log.println("  engine    " + e2e.engine());
                }
                String brokerLog = broker.log().strip();
                if (!brokerLog.isEmpty()) {
                    log.println("  broker log: " + brokerLog.replace("\n", "\n    "));
                }
                results.add(new TargetResult(broker.name(), rawResult, e2e));
            }
        }
        PrintStream out = System.out;
        if (json) {
            for (TargetResult r : results) {
                out.println(Report.json(r));
            }
        } else {
            out.print(Report.table(results, describe(expected, engine)));
        }
        out.flush();
        return 0;
    }

    /**
     * The median run (of an odd count, the middle one; of an even count, the lower middle): by throughput for a
     * burst, by p99 latency when paced (every paced run has the same throughput).
     */
    RunResult median(List<RunResult> runs) {
        List<RunResult> sorted = new ArrayList<>(runs);
        if (rate > 0) {
            sorted.sort(java.util.Comparator.comparingDouble(
                    r -> Double.isNaN(r.latency().p99Ms()) ? Double.MAX_VALUE : -r.latency().p99Ms()));
        } else {
            sorted.sort(java.util.Comparator.comparingDouble(r -> Double.isNaN(r.throughput()) ? -1 : r.throughput()));
        }
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String pad(String n) {
        return String.format("%-7s", n);
    }

    /** The measured runs of one broker. */
    record TargetResult(String target, @Nullable RunResult raw, RunResult e2e) {
    }

    private String describe(long expected, EngineConfig engine) {
        return String.format(Locale.ROOT, "%,d positions (%d stations x %d boats), QoS %d, %s; expected events %,d; "
                        + "detector %s; station in-flight %d%s",
                messages, stations, boats, qos, rate > 0 ? String.format(Locale.ROOT, "paced at %,.0f/s", rate) : "burst",
                expected, noEngine ? "external" : killEngineAt > 0
                        ? "a child JVM killed with SIGKILL after " + killEngineAt + " positions, " + engine.workers()
                        + " worker(s)"
                        : "in the bench JVM, " + engine.workers() + " worker(s)" + (state ? ", with checkpoints" : ""),
                inFlight,
                repeat > 1 ? "; median of " + repeat + " runs by " + (rate > 0 ? "p99 latency" : "throughput") : "");
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        if (broker != null && target != null) {
            throw new CommandLine.ParameterException(cl, "--target starts brokers here; it cannot be combined with --broker");
        }
        if (target != null && !TARGETS.contains(target)) {
            throw new CommandLine.ParameterException(cl, "--target takes one of " + String.join(", ", TARGETS)
                    + ", not '" + target + "'");
        }
        if (stations < 1 || stations > 1000) {
            throw new CommandLine.ParameterException(cl, "--stations must be 1..1000, was " + stations);
        }
        if (boats < 1) {
            throw new CommandLine.ParameterException(cl, "--boats must be at least 1, was " + boats);
        }
        if (messages < 1) {
            throw new CommandLine.ParameterException(cl, "--messages must be at least 1, was " + messages);
        }
        if (qos < 0 || qos > 2) {
            throw new CommandLine.ParameterException(cl, "--qos must be 0, 1 or 2, was " + qos);
        }
        if (rate < 0) {
            throw new CommandLine.ParameterException(cl, "--rate must be 0 (burst) or positive, was " + rate);
        }
        if (timeoutSeconds < 1 || warmup < 0 || queue < 2 || repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--timeout must be >= 1, --warmup >= 0, --queue >= 2, --repeat >= 1");
        }
        if (killEngineAt < 0 || killEngineAt > 0 && noEngine) {
            throw new CommandLine.ParameterException(cl, "--kill-engine-at must be positive and needs the engine started here");
        }
        try {
            Durations.parse(checkpointEvery);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--checkpoint-every: " + e.getMessage());
        }
        if (broker != null) {
            try {
                BrokerAddress.parse(broker);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
    }

    private List<String> targets() {
        if (broker != null) {
            return List.of("external");
        }
        String t = target == null ? "both" : target;
        return t.equals("both") ? List.of("embedded", "mosquitto") : List.of(t);
    }

    private BrokerTarget start(String t) {
        return switch (t) {
            case "embedded" -> BrokerTarget.embedded();
            case "mosquitto" -> BrokerTarget.mosquitto(mosquittoBinary, mosquittoMaxInflight);
            case "mosquitto-default" -> BrokerTarget.mosquittoDefault(mosquittoBinary);
            default -> BrokerTarget.external(BrokerAddress.parse(java.util.Objects.requireNonNull(broker)));
        };
    }

    private List<String> stationIds(String tag, String kind) {
        List<String> ids = new ArrayList<>(stations);
        for (int i = 1; i <= stations; i++) {
            ids.add(tag + "-" + kind + i);
        }
        return ids;
    }
}
