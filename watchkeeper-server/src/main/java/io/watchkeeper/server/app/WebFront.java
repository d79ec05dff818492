package io.watchkeeper.server.app;

import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.live.LiveView;
import io.watchkeeper.server.live.StateListener;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import io.watchkeeper.server.output.EventArchive;
import io.watchkeeper.server.web.EventHub;
import io.watchkeeper.server.web.Health;
import io.watchkeeper.server.web.MachineView;
import io.watchkeeper.server.web.WebServer;
import io.watchkeeper.server.web.WebServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * What the engine shows and keeps besides MQTT: the event store, the live view of vessels, the live
 * event stream, the metrics, and the HTTP server with the REST API and dashboard. Built before the
 * engine (which feeds it through {@link #events()} and {@link #fixTap()}) and served once the engine
 * runs ({@link #serve}).
 */
public final class WebFront implements AutoCloseable {

    /**
     * @param host      the HTTP interface (default loopback: the API has no authentication yet)
     * @param port      the HTTP port; 0 picks a free one; negative: no HTTP server
     * @param storeUrl  a JDBC URL, {@code none} for no store, or null for SQLite under {@code dataDir}
     * @param dataDir   where the default store lives
     * @param retention how long events are kept
     */
    public record Settings(String host, int port, @Nullable String storeUrl, Path dataDir, Duration retention) {

        public static final String NO_STORE = "none";

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(retention, "retention");
        }
    }

    private final Settings settings;
    private final VesselRegistry registry;
    private final @Nullable EventArchive archive;
    private final LiveView live;
    private final EventHub hub = new EventHub();
    private final WatchkeeperMetrics metrics;
    private final Instant started;
    private final Clock clock;
    private @Nullable WebServer server;

    private WebFront(Settings settings, VesselRegistry registry, @Nullable EventArchive archive, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.archive = archive;
        this.live = new LiveView(registry);
        this.metrics = WatchkeeperMetrics.create(clock);
        if (archive != null) {
            metrics.bindEventStore(archive::stats);
        }
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Opens the store (if any) and builds the views; nothing listens yet. */
    public static WebFront open(Settings settings, VesselRegistry registry, Clock clock) {
        EventArchive archive = WebFront.Settings.NO_STORE.equals(settings.storeUrl()) ? null
                : EventArchive.open(settings.storeUrl(), settings.dataDir(), settings.retention(), clock);
        return new WebFront(settings, registry, archive, clock);
    }

    /** Every event goes here too: the store, the live view, the live stream. */
    public EventSink events() {
        return archive == null ? EventSink.all(live, hub) : EventSink.all(archive.sink(), live, hub);
    }

    /**
     * What the detector feeds here: every event (to {@code console} first, if any, then to {@link #events()}),
     * every accepted fix, the vessels' static data, and the metrics.
     */
    public DetectorService.Feeds feeds(@Nullable EventSink console) {
        EventSink shown = console == null ? events() : EventSink.all(console, events());
        return new DetectorService.Feeds(shown, registry, fixTap(), metrics, live.weather());
    }

    /** Every accepted fix goes here, on the engine's threads. */
    public Consumer<Fix> fixTap() {
        return live::onFix;
    }

    /** Hand this to the suite ({@link DetectorSuite#withStates}) so the map knows every vessel's state. */
    public StateListener states() {
        return live;
    }

    public WatchkeeperMetrics metrics() {
        return metrics;
    }

    public VesselRegistry registry() {
        return registry;
    }

    public @Nullable EventArchive archive() {
        return archive;
    }

    /**
     * Starts the HTTP server, if a port was given.
     *
     * @param engine the running engine's counters, for {@code /health}
     * @param up     whether the engine is ready (connected, not stopping); {@code /health} says DOWN (503) if not
     * @param broker the broker's address for {@code /health}, or null
     */
    public void serve(DetectorSuite suite, Supplier<EngineStats> engine, BooleanSupplier up, @Nullable String broker) {
        if (settings.port() < 0) {
            return;
        }
        Supplier<Health> health = () -> health(engine.get(), up.getAsBoolean(), broker);
        WebServices services = new WebServices(live, archive == null ? null : archive.store(), suite.zones(),
                machines(suite), health, metrics.registry(), hub);
        server = WebServer.start(settings.host(), settings.port(), services);
    }

    /** The address to show a user for the dashboard: loopback and "any" as localhost. */
    public String displayHost() {
        String h = settings.host();
        return "127.0.0.1".equals(h) || "0.0.0.0".equals(h) ? "localhost" : h;
    }

    /** The port the dashboard listens on, or -1 when none. */
    public int port() {
        WebServer s = server;
        return s == null ? -1 : s.port();
    }

    private Health health(EngineStats s, boolean up, @Nullable String broker) {
        Health.Store store = archive == null ? null : new Health.Store(archive.url(), archive.storedEvents(),
                archive.stats().dropped(), archive.stats().rejected());
        return new Health(up && (archive == null || archive.writing()), Duration.between(started, clock.instant()).toSeconds(),
                new Health.Engine(s.submitted(), s.processed(), s.queueDepth(), s.vessels(), s.outOfOrder(),
                        s.duplicates()), broker, store);
    }

    /** The machines of {@code /api/machines}: the fsm definitions, the user's machines, and the rest by name. */
    static List<MachineView> machines(DetectorSuite suite) {
        List<MachineView> out = new ArrayList<>();
        suite.machines().forEach(m -> out.add(MachineView.of(m)));
        suite.ruleMachines().forEach(m -> out.add(MachineView.of(m)));
        Set<String> drawn = new HashSet<>();
        out.forEach(m -> drawn.add(m.name()));
        for (String name : suite.names()) {
            if (!drawn.contains(name)) {
                out.add(MachineView.detector(name)); // written by hand: listed by name only
            }
        }
        return out;
    }

    /** Stops serving, then writes what the store still has queued. Close the engine before this. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try {
                if (archive != null) {
                    archive.close();
                }
            } finally {
                metrics.close();
            }
        }
    }
}
