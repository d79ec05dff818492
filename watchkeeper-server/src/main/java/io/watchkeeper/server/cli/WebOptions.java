package io.watchkeeper.server.cli;

import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.Durations;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.durable.Durability;
import io.watchkeeper.server.config.ByteSizes;
import io.watchkeeper.server.input.log.LogSettings;
import java.nio.file.Path;
import java.util.Locale;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Option;

/** The HTTP and event-store options that demo and detect share. */
final class WebOptions {

    static final String DEFAULT_HOST = "127.0.0.1";

    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve the dashboard, REST API and /metrics on this port (0 = any free port).")
    @Nullable Integer port;

    @Option(names = "--http-host", paramLabel = "ADDR",
            description = "Interface of the HTTP server (default 127.0.0.1: the API has no authentication).")
    @Nullable String host;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Where the default event store lives: DIR/events.db (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the engine checkpoints every vessel's state, so that a restart, even after kill -9, "
                    + "resumes with nothing lost or repeated (default: DIR of --data, then /state). Input is kept in an "
                    + "input log there until a checkpoint covers it. 'none' keeps no state and holds the input log in "
                    + "memory (docs/reliability.md).")
    @Nullable String state;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between checkpoints while input comes; a restart replays at most about this much of "
                    + "the input log (default ${DEFAULT-VALUE}).")
    String checkpointEvery;

    @Option(names = "--log-max-size", paramLabel = "SIZE", defaultValue = "2g",
            description = "Most disk the input log may use; when it is full, input waits unacknowledged (default "
                    + "${DEFAULT-VALUE}).")
    String logMaxSize;

    @Option(names = "--log-segment-size", paramLabel = "SIZE", defaultValue = "64m",
            description = "Size of one input log file, preallocated (1m to 2g; default ${DEFAULT-VALUE}).")
    String logSegmentSize;

    @Option(names = "--log-sync", paramLabel = "WHEN", defaultValue = "process",
            description = "When input counts as safe and is acknowledged: 'process' once the operating system holds "
                    + "it (survives kill -9), 'disk' once it is forced to disk in groups (survives power loss; "
                    + "BENCHMARKS.md gives the cost). Default ${DEFAULT-VALUE}.")
    String logSync;

    @Option(names = "--log-retention", paramLabel = "DURATION", defaultValue = "0s",
            description = "Keep input log files this long after checkpoints cover them, for replays (default "
                    + "${DEFAULT-VALUE}: delete at once).")
    String logRetention;

    @Option(names = "--store", paramLabel = "URL",
            description = "Event store: a JDBC URL (jdbc:postgresql://... or jdbc:sqlite:FILE), or 'none' (docs/store.md).")
    @Nullable String storeUrl;

    /** Durable input session, checkpoints and the input log under {@code --state}. */
    Durability durability() {
        return durability(false);
    }

    /**
     * @param replay a recording is replayed from its start on every run: unless {@code --state} says
     *               otherwise, keep no state, or a second run would resume past the recording's end and
     *               skip every fix as late
     */
    Durability durability(boolean replay) {
        boolean none = "none".equals(state) || state == null && replay;
        Durability d = none ? Durability.withoutState()
                : Durability.stateIn(state != null ? Path.of(state) : dataDir.resolve("state"));
        return d.withCheckpointEvery(Durations.parse(checkpointEvery)).withLog(logSettings());
    }

    /** The input log's flags; a bad value is one line naming the flag. */
    LogSettings logSettings() {
        LogSettings.Sync sync = switch (logSync.trim().toLowerCase(Locale.ROOT)) {
            case "process" -> LogSettings.Sync.PROCESS;
            case "disk" -> LogSettings.Sync.DISK;
            default -> throw new IllegalArgumentException("--log-sync takes 'process' or 'disk', not '" + logSync + "'");
        };
        return new LogSettings(ByteSizes.parse(logSegmentSize), ByteSizes.parse(logMaxSize), sync,
                Durations.parse(logRetention));
    }

    /**
     * Flags first, then the YAML file, then {@code defaultPort} (negative: no HTTP server).
     */
    WebFront.Settings settings(WatchkeeperConfig config, int defaultPort) {
        int p = port != null ? port : config.http().port() != null ? config.http().port() : defaultPort;
        String h = host != null ? host : config.http().host() != null ? config.http().host() : DEFAULT_HOST;
        String store = storeUrl != null ? storeUrl : config.store().url();
        return new WebFront.Settings(h, p, store, dataDir, config.store().retentionOrDefault());
    }
}
