package io.watchkeeper.server.cli;

import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.Durations;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.durable.AckedInput;
import io.watchkeeper.server.durable.Durability;
import java.nio.file.Path;
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
                    + "resumes with nothing lost or repeated (default: DIR of --data, then /state). 'none' keeps no "
                    + "state; input is still acknowledged only after its events are published (docs/reliability.md).")
    @Nullable String state;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "2s",
            description = "Longest time between checkpoints while input waits to be acknowledged (default ${DEFAULT-VALUE}).")
    String checkpointEvery;

    @Option(names = "--store", paramLabel = "URL",
            description = "Event store: a JDBC URL (jdbc:postgresql://... or jdbc:sqlite:FILE), or 'none' (docs/store.md).")
    @Nullable String storeUrl;

    /** Durable input session, late acknowledgement, and checkpoints under {@code --state}. */
    Durability durability() {
        return durability(false);
    }

    /**
     * @param replay a recording is replayed from its start on every run: unless {@code --state} says
     *               otherwise, keep no state, or a second run would resume past the recording's end and
     *               skip every fix as late
     */
    Durability durability(boolean replay) {
        AckedInput.Settings every = new AckedInput.Settings(Durations.parse(checkpointEvery),
                AckedInput.Settings.DEFAULTS.maxPending(), AckedInput.Settings.DEFAULTS.idle());
        boolean none = "none".equals(state) || state == null && replay;
        Durability d = none ? Durability.withoutState()
                : Durability.stateIn(state != null ? Path.of(state) : dataDir.resolve("state"));
        return d.withCheckpoints(every);
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
