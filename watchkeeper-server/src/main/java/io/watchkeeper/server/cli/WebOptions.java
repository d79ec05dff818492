package io.watchkeeper.server.cli;

import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.WatchkeeperConfig;
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

    @Option(names = "--store", paramLabel = "URL",
            description = "Event store: a JDBC URL (jdbc:postgresql://... or jdbc:sqlite:FILE), or 'none' (docs/store.md).")
    @Nullable String storeUrl;

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
