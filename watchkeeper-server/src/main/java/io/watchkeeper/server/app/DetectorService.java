package io.watchkeeper.server.app;

import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.weather.WeatherStations;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.durable.CheckpointStore;
import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.durable.Durability;
import io.watchkeeper.server.input.InputDecoders;
import io.watchkeeper.server.input.InputPipeline;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import io.watchkeeper.server.output.EventArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code detect} role, wired: subscriber on {@code DATA/#} and {@code AIS/#} → input log → decoders → engine
 * (MOVING/RESTING per vessel) → publisher on {@code EVENT/...}, with refused input on {@code DEADLETTER/...}.
 *
 * <p>Two MQTT connections: the subscriber uses the configured client id, the publisher that id plus
 * {@code -out}. Keeping them apart means a slow consumer of events can never hold up acknowledging input.
 */
public final class DetectorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorService.class);

    /**
     * Unacknowledged events the detector may have in flight. Measured (BENCHMARKS.md): 8192 instead of
     * the client default 1024 raised Mosquitto end-to-end throughput from 25.0k to 30.3k positions/s
     * and removed the engine's backpressure waits; memory stays bounded (8192 small payloads).
     */
    public static final int EVENT_PUBLISHER_IN_FLIGHT = 8192;

    /** How long stopping may spend reading the rest of the log into the engine. */
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(5);

    private final Publisher publisher;
    private final Engine engine;
    private final DeadLetterCounter deadLetters;
    private final InputDecoders decoders;
    private final VesselRegistry registry;
    private final Subscriber subscriber;
    private final InputPipeline input;
    private final @Nullable CheckpointStore store;
    private final AisNotices notices;
    private volatile boolean closed;

    /** Use {@link #start}; {@link DetectorWiring} builds the parts. */
    DetectorService(DetectorWiring.Detection detection, DetectorWiring.Input input, VesselRegistry registry,
                    Subscriber subscriber) {
        this.publisher = detection.publisher();
        this.engine = detection.engine();
        this.deadLetters = detection.deadLetters();
        this.store = detection.store();
        this.notices = detection.notices();
        this.decoders = input.decoders();
        this.input = input.pipeline();
        this.registry = registry;
        this.subscriber = subscriber;
    }

    /** Connection settings for the detector: the defaults, with {@link #EVENT_PUBLISHER_IN_FLIGHT}. */
    public static ClientSettings settings(BrokerAddress address, String clientId) {
        return ClientSettings.of(address, clientId).withMaxInFlight(EVENT_PUBLISHER_IN_FLIGHT);
    }

    /**
     * What the detector runs with besides its connection.
     *
     * @param maxPayloadBytes larger {@code DATA/} payloads become dead letters
     * @param suite           the detectors and the zones they look at
     * @param ais             framing rules for {@code AIS/} and the other NMEA inputs
     * @param feeds           what else sees the events, fixes and vessels (the web front), and the metrics
     * @param durability      how input is acknowledged and state kept across restarts
     */
    public record Options(EngineConfig engine, int maxPayloadBytes, DetectorSuite suite, FramerSettings ais,
                          Feeds feeds, Durability durability) {

        public Options {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(ais, "ais");
            Objects.requireNonNull(feeds, "feeds");
            Objects.requireNonNull(durability, "durability");
        }

        /** @param extraSink another sink for every event (the console log), or null */
        public Options(EngineConfig engine, int maxPayloadBytes, DetectorSuite suite, FramerSettings ais,
                       @Nullable EventSink extraSink) {
            this(engine, maxPayloadBytes, suite, ais, Feeds.events(extraSink), Durability.NONE);
        }

        public static Options defaults() {
            return new Options(EngineConfig.defaults(), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES,
                    DetectorSuite.defaults(SpeedProfile.DEFAULT), FramerSettings.defaults(), null);
        }

        public Options withSuite(DetectorSuite s) {
            return new Options(engine, maxPayloadBytes, s, ais, feeds, durability);
        }

        public Options withFeeds(Feeds f) {
            return new Options(engine, maxPayloadBytes, suite, ais, f, durability);
        }

        public Options withDurability(Durability d) {
            return new Options(engine, maxPayloadBytes, suite, ais, feeds, d);
        }
    }

    /**
     * What the detector feeds besides MQTT, and what it shares.
     *
     * @param events   another sink for every event (console log, store, live view), or null
     * @param registry static data of the vessels, shared with whoever reads it (the web API)
     * @param fixTap   sees every accepted fix on the engine's threads (the live view), or null
     * @param metrics  counts messages, events, dead letters and engine figures for /metrics, or null
     * @param weather  the weather stations' latest reports from AIS, shared with the web API
     */
    public record Feeds(@Nullable EventSink events, VesselRegistry registry, @Nullable Consumer<Fix> fixTap,
                        @Nullable WatchkeeperMetrics metrics, WeatherStations weather) {

        public Feeds {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(weather, "weather");
        }

        /** Only {@code events} (or nothing), with a registry and weather stations of its own and no metrics. */
        public static Feeds events(@Nullable EventSink events) {
            return new Feeds(events, new VesselRegistry(), null, null, new WeatherStations());
        }
    }

    /**
     * Connects, starts the engine and subscribes.
     *
     * @param settings     connection settings; the client id names the subscriber, and {@code maxInFlight}
     *                     bounds the event publisher (see {@link #settings})
     * @param extraSink    another sink for every event (the console log), or null
     */
    public static DetectorService start(ClientSettings settings, EngineConfig engineConfig, int maxPayloadBytes,
                                        @Nullable EventSink extraSink, Clock clock) {
        return start(settings, new Options(engineConfig, maxPayloadBytes, DetectorSuite.defaults(SpeedProfile.DEFAULT),
                FramerSettings.defaults(), extraSink), clock);
    }

    /** Connects, starts the engine and subscribes to {@code DATA/#} and {@code AIS/#}. */
    public static DetectorService start(ClientSettings settings, Options options, Clock clock) {
        return DetectorWiring.start(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(options, "options"), clock);
    }

    /** Ready to detect: subscribed to a connected broker, checkpoints succeeding, and not closed. */
    public boolean isUp() {
        return !closed && subscriber.isConnected() && input.isHealthy();
    }

    /**
     * Checkpoints wait for {@code archive} to have written the events, too (at most 30 s per checkpoint;
     * see {@link Checkpointer#alsoAwait}), so that after a crash the replayed log reaches the store as
     * well. Returns this.
     */
    public DetectorService storingIn(@Nullable EventArchive archive) {
        if (archive != null && input.checkpointer() != null) {
            input.checkpointer().alsoAwait(archive::awaitStored);
        }
        return this;
    }

    /** The MQTT input: its log, receiver, reader and checkpointer. */
    public InputPipeline input() {
        return input;
    }

    public EngineStats engineStats() {
        return engine.stats();
    }

    /** Fixes accepted from {@code DATA/}. */
    public long accepted() {
        return decoders.dataFixes();
    }

    /** Fixes from {@code AIS/}, all stations together. */
    public long aisFixes() {
        return decoders.aisFixes();
    }

    /** Static data of the vessels seen on {@code AIS/} (and other AIS inputs). */
    public VesselRegistry vessels() {
        return registry;
    }

    /**
     * Where the lines of a TCP or UDP input go: into the input log, read back into that input's own AIS
     * decoder ({@link InputPipeline#lines}); waits while the log is full, until this service closes.
     */
    public Consumer<String> lineInput(String name) {
        return input.lines(name, () -> closed);
    }

    /** Where the file inputs' AIS safety messages and weather reports go: the event outputs and the map. */
    public AisNotices notices() {
        return notices;
    }

    /** Where fixes from the file and CSV inputs go: the engine, with backpressure. */
    public void submit(Fix fix) {
        engine.submit(fix);
    }

    /** Counts refused input and publishes it on {@code DEADLETTER/<source>}; other inputs hand theirs here too. */
    public DeadLetterCounter deadLetters() {
        return deadLetters;
    }

    /** Waits until every fix received so far has produced its events and they were handed to the publisher. */
    public boolean awaitIdle(Duration timeout) {
        return engine.awaitIdle(timeout);
    }

    /**
     * Neither MQTT connection reconnects from now on; a reconnect waiting out its backoff is cancelled.
     * Safe from any thread: the stop signal's thread calls it before the orderly close begins.
     */
    public void stopReconnecting() {
        subscriber.stopReconnecting();
        publisher.stopReconnecting();
    }

    /**
     * Stops reconnecting first (a broker that comes up on the address now must not get a session or send
     * input), then stops input; takes a last checkpoint while the broker is connected; then drains the
     * engine and closes the publisher. With a broker connected nothing in flight is dropped; without one,
     * what the broker had not acknowledged is given up here and replayed from the input log by the next
     * start (with state). Every wait is bounded (docs/reliability.md, "Stopping").
     */
    @Override
    public void close() {
        closed = true;
        stopReconnecting();
        List<AutoCloseable> order = new ArrayList<>();
        order.add(input.receiver());
        order.add(() -> drain(input));
        if (input.checkpointer() != null) {
            order.add(input.checkpointer());
        }
        order.add(input.reader());
        order.add(input.log()); // with disk sync, its last acknowledgements go out while still connected
        order.add(subscriber);
        order.add(engine);
        order.add(publisher);
        if (store != null) {
            order.add(store);
        }
        closeAll(order);
    }

    /**
     * Reads what was acknowledged into the engine before stopping. From a log in memory that is the
     * only chance; from one on disk it spares the next start a replay.
     */
    private static void drain(InputPipeline input) {
        if (!input.reader().drain(DRAIN_PATIENCE)) {
            LOG.warn("input log not read to its end within {}: {} records left{}", DRAIN_PATIENCE,
                    input.reader().lag(), input.checkpointer() == null ? " and lost (no --state)"
                            : "; the next start replays them");
        }
    }

    static void closeAll(List<AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("while stopping: " + e.getMessage(), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
