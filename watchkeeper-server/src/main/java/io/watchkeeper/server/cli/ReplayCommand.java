package io.watchkeeper.server.cli;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.output.ConsoleEventLog;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.output.EventCounts;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs every detector over a recording, on one thread, and prints the events and a summary. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs the detectors over a recording and prints its events, with no broker.",
                "The recording is AIS NMEA, CSV tracks or JSON lines, plain or gzip. Fixes run in event-time",
                "order; it prints one line per event, then a summary: events per type and per vessel.",
                "No broker is involved. The same file gives the same events, byte for byte: detection time",
                "(header.ts) is the event time of the fix that caused it. (Except NMEA lines with no time of",
                "their own: they take the time they are read.)"},
        footer = {"", "Examples:",
                "  watchkeeper replay data/solent-stonesoup/SolentAIS_20160112_130211.csv --zones builtin:wpi",
                "  watchkeeper replay recording.nmea.gz --zones my-port.geojson --rules my-rules.yaml --json > events.jsonl",
                "", "Exit codes: 0 done (even with rejected lines: see the summary), 1 bad input or configuration, 2 bad usage."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The recording; its format is told from its first line.")
    String file;

    @Option(names = "--zones", paramLabel = "SPEC", split = ",",
            description = "Zone sets: builtin:NAME or a GeoJSON file; repeatable or comma-separated (see docs/zones.md).")
    List<String> zones = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "User-defined machines in YAML (see docs/rules.md).")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings: detectors:, motion:, zones:, rules: (see docs/configuration.md).")
    Path config;

    @Option(names = "--json", description = "Print each event as one JSON line (the EVENT/ payload); the summary goes to stderr.")
    boolean json;

    @Option(names = "--site", paramLabel = "NAME", description = "Site of the recording's fixes (default: the file name).")
    String site;

    @Option(names = "--vessels", paramLabel = "N", defaultValue = "20", description = "Vessels in the summary table (default 20).")
    int vessels;

    @Option(names = "--no-tag-checksum", description = "Accept NMEA tag blocks with a wrong checksum (some feeds write *00).")
    boolean noTagChecksum;

    @Option(names = {"-q", "--quiet"}, description = "No summary and no progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        WatchkeeperConfig cfg = ConfigFile.load(config, System.getenv(), BrokerOptions.configKeys());
        List<String> zoneSpecs = zones.isEmpty() ? cfg.zones() : zones;
        Path rulesFile = rules != null ? rules : cfg.rules() != null ? Path.of(cfg.rules()) : null;
        DetectorSuite suite = DetectorSuite.from(cfg, zoneSpecs, rulesFile);
        VesselRegistry registry = new VesselRegistry();
        DeadLetterCounter deadLetters = new DeadLetterCounter(d -> { });
        PrintStream err = System.err;
        Clock wall = Clock.systemUTC();
        boolean bar = !quiet && System.console() != null;
        String siteName = site != null ? site : Recording.siteOf(file);
        FramerSettings framing = FramerSettings.defaults().withVerifyTagBlockChecksum(!noTagChecksum);
        Recording recording = Recording.read(file, siteName, registry, deadLetters, framing,
                bar ? ProgressBar.to(err, wall) : ProgressBar.disabled(), wall, suite.maxAhead());

        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        EventCounts counts = new EventCounts();
        EventSink printer = json ? jsonPrinter(out) : e -> out.println(ConsoleEventLog.format(e));
        EngineStats stats = Replay.run(recording, suite, registry, EventSink.all(counts, printer), deadLetters);
        out.flush();
        if (out.checkError()) {
            return 0; // the reader went away (| head): stop quietly, as Unix filters do
        }
        if (!quiet) {
            PrintStream summaryOut = json ? err : out;
            summaryOut.print(summary(recording, stats, deadLetters, counts, suite));
            summaryOut.flush();
        }
        return 0;
    }

    private static EventSink jsonPrinter(PrintStream out) {
        EventJson codec = new EventJson();
        return e -> {
            byte[] bytes = codec.encode(e);
            out.write(bytes, 0, bytes.length);
            out.println();
        };
    }

    private String summary(Recording recording, EngineStats stats, DeadLetterCounter deadLetters, EventCounts counts,
                           DetectorSuite suite) {
        StringBuilder b = new StringBuilder(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "replay %s (%s): %,d fixes, %s%n", file,
                recording.format().name().toLowerCase(Locale.ROOT), recording.fixes().size(), recording.span()));
        b.append(String.format(Locale.ROOT, "  %,d vessels, %,d out of order and %,d repeated fixes skipped, "
                        + "%,d rejected inputs%n", stats.vessels(), stats.outOfOrder(), stats.duplicates(),
                deadLetters.total()));
        deadLetters.snapshot().forEach((reason, n) -> {
            if (n > 0) {
                b.append(String.format(Locale.ROOT, "    rejected %-18s %,10d%n", reason.label(), n));
            }
        });
        b.append(String.format(Locale.ROOT, "  detectors: %s; %,d zones%n", String.join(", ", suite.names()),
                suite.zones().all().size()));
        b.append(System.lineSeparator()).append(counts.table(vessels));
        return b.toString();
    }
}
