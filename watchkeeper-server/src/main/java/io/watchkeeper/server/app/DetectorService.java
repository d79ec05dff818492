package io.watchkeeper.server.app;

import io.watchkeeper.ais.fix.AisIngestStats;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.server.metrics.EventTimeWatermark;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.sink.MqttDeadLetterSink;
import io.watchkeeper.mqtt.sink.MqttEventSink;
import io.watchkeeper.mqtt.source.FixSource;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.input.InputPipeline;
import io.watchkeeper.server.input.AisTopicSource;
import io.watchkeeper.server.input.InputState;
import io.watchkeeper.server.input.RecordClock;
import io.watchkeeper.server.input.TopicRouter;
import io.watchkeeper.server.output.EventArchive;
import io.watchkeeper.server.input.LogPump;
import io.watchkeeper.server.input.LoggedInput;
import io.watchkeeper.server.input.OversizeInput;
import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogFullException;
import io.watchkeeper.server.input.log.MemoryLog;
import io.watchkeeper.server.input.log.SegmentLog;
import io.watchkeeper.server.durable.CheckpointStore;
import io.watchkeeper.server.durable.Checkpointable;
import io.watchkeeper.server.durable.Durability;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * The {@code detect} role, wired: subscriber on {@code DATA/#} and {@code AIS/#} → decoders → engine
 * (MOVING/RESTING per vessel) → publisher on {@code EVENT/...}, with refused input on {@code DEADLETTER/...}.
 *
 * <p>Two MQTT connections: the subscriber uses the configured client id, the publisher that id plus
 * {@code -out}. Keeping them apart means a slow consumer of events can never hold up acknowledging input.
 */
public final class DetectorService implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DetectorService.class);

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
    private final FixSource source;
    private final AisTopicSource ais;
    private final VesselRegistry registry;
    private final Subscriber subscriber;
    private final InputPipeline input;
    private final @Nullable CheckpointStore store;
    private volatile boolean closed;

    private DetectorService(Publisher publisher, Engine engine, DeadLetterCounter deadLetters, FixSource source,
                            AisTopicSource ais, VesselRegistry registry, Subscriber subscriber,
                            InputPipeline input, @Nullable CheckpointStore store) {
        this.input = input;
        this.store = store;
        this.publisher = publisher;
        this.engine = engine;
        this.deadLetters = deadLetters;
        this.source = source;
        this.ais = ais;
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
     * @param extraSink       another sink for every event (console log, store, live view), or null
     * @param registry        static data of the vessels, shared with whoever reads it (the web API)
     * @param fixTap          sees every accepted fix on the engine's threads (the live view), or null
     * @param metrics         counts messages, events, dead letters and engine figures for /metrics, or null
     * @param durability      how input is acknowledged and state kept across restarts
     */
    public record Options(EngineConfig engine, int maxPayloadBytes, DetectorSuite suite, FramerSettings ais,
                          @Nullable EventSink extraSink, VesselRegistry registry,
                          java.util.function.@Nullable Consumer<Fix> fixTap, @Nullable WatchkeeperMetrics metrics,
                          Durability durability) {

        public Options {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(ais, "ais");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(durability, "durability");
        }

        public Options(EngineConfig engine, int maxPayloadBytes, DetectorSuite suite, FramerSettings ais,
                       @Nullable EventSink extraSink) {
            this(engine, maxPayloadBytes, suite, ais, extraSink, new VesselRegistry(), null, null, Durability.NONE);
        }

        public static Options defaults() {
            return new Options(EngineConfig.defaults(), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES,
                    DetectorSuite.defaults(SpeedProfile.DEFAULT), FramerSettings.defaults(), null);
        }

        public Options withExtraSink(@Nullable EventSink sink) {
            return new Options(engine, maxPayloadBytes, suite, ais, sink, registry, fixTap, metrics, durability);
        }

        public Options withSuite(DetectorSuite s) {
            return new Options(engine, maxPayloadBytes, s, ais, extraSink, registry, fixTap, metrics, durability);
        }

        /** Shares {@code r} as the static data registry and hands every accepted fix to {@code tap}. */
        public Options withRegistryAndTap(VesselRegistry r, java.util.function.@Nullable Consumer<Fix> tap) {
            return new Options(engine, maxPayloadBytes, suite, ais, extraSink, r, tap, metrics, durability);
        }

        public Options withMetrics(@Nullable WatchkeeperMetrics m) {
            return new Options(engine, maxPayloadBytes, suite, ais, extraSink, registry, fixTap, m, durability);
        }

        public Options withDurability(Durability d) {
            return new Options(engine, maxPayloadBytes, suite, ais, extraSink, registry, fixTap, metrics, d);
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
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        EventSink extraSink = options.extraSink();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Publisher publisher = Publisher.connect(settings.withClientId(settings.clientId() + "-out"));
            opened.add(publisher);
            EventJson json = new EventJson();
            WatchkeeperMetrics metrics = options.metrics();
            EventSink mqtt = new MqttEventSink(publisher, json);
            DeadLetterSink deadLetterOut = new MqttDeadLetterSink(publisher, json);
            java.util.function.Consumer<Fix> tap = options.fixTap() != null ? options.fixTap() : f -> { };
            EventTimeWatermark watermark = new EventTimeWatermark();
            if (metrics != null) {
                mqtt = EventSink.all(metrics.eventsOut(mqtt), metrics.events());
                deadLetterOut = metrics.deadLetters(metrics.deadLettersOut(deadLetterOut));
                tap = watermark.andThen(tap);
                metrics.bindPublisher(publisher);
            }
            EventSink events = extraSink == null ? mqtt : EventSink.all(mqtt, extraSink);
            DeadLetterCounter deadLetters = new DeadLetterCounter(deadLetterOut);
            VesselRegistry registry = options.registry();
            io.watchkeeper.core.engine.DetectionSetup setup = options.suite().setup(registry, true).withFixTap(tap);
            Durability durability = options.durability();
            CheckpointStore store = openStore(durability, setup, opened);
            EngineSnapshot resumed = store == null ? null : store.read(setup).orElse(null);
            Engine engine = startEngine(options.engine(), setup, events, deadLetters, clock, resumed, store);
            opened.add(engine);
            if (resumed != null) {
                LOG.info("resumed {} vessels from checkpoint {} taken at {}", resumed.vessels().size(), store.file(),
                        java.time.Instant.ofEpochMilli(resumed.wallMillis()));
            }
            InputLog log = openLog(durability, store, opened);
            RecordClock arrival = new RecordClock(clock.instant());
            FixSource source = new FixSource(new FixDecoder(options.maxPayloadBytes()), engine::submit, deadLetters,
                    arrival);
            int stations = setup.limits().stations();
            AisTopicSource ais = new AisTopicSource(engine::submit, registry, deadLetters, arrival, options.ais(),
                    options.maxPayloadBytes(), stations);
            AisTopicSource lineInputs = new AisTopicSource(engine::submit, registry, deadLetters, arrival,
                    options.ais(), options.maxPayloadBytes(), stations);
            long from = resumeInput(resumed, store, log, ais, lineInputs, registry);
            MessageHandler router = new TopicRouter(source, ais, lineInputs, (topic, summary) ->
                    deadLetters.accept(OversizeInput.deadLetter(topic, summary, options.maxPayloadBytes(),
                            arrival.instant())));
            MessageHandler input = metrics != null ? metrics.messagesIn(router) : router;
            LogPump pump = new LogPump(log, from, input, arrival, engine::isClosed);
            opened.add(pump);
            Checkpointer checkpointer = null;
            if (store != null) {
                checkpointer = new Checkpointer(pump, from, log, engine, setup, publisher, store,
                        at -> InputState.capture(ais, lineInputs, registry, at), durability.checkpointEvery());
                opened.add(checkpointer);
            }
            LoggedInput logged = new LoggedInput(log, clock, options.maxPayloadBytes());
            opened.add(logged);
            List<String> filters = List.of(Topics.dataFilter(), Topics.aisFilter());
            ClientSettings inputSettings = durability.durableSession()
                    ? settings.withSessionExpiry(durability.sessionExpiry()) : settings;
            Subscriber subscriber = Subscriber.connectInline(inputSettings, filters, durability.durableSession(),
                    logged);
            DetectorService service = new DetectorService(publisher, engine, deadLetters, source, ais, registry,
                    subscriber, new InputPipeline(log, logged, pump, checkpointer), store);
            if (metrics != null) {
                metrics.bindSubscriber(subscriber);
                metrics.bindInput(service.input);
                metrics.bindEngine(service::engineStats, watermark::latest);
                metrics.bindVesselRegistry(registry);
            }
            return service;
        } catch (RuntimeException e) {
            java.util.Collections.reverse(opened);
            closeAll(opened);
            throw e;
        }
    }

    /**
     * The checkpoint store, or null without state: if a detector cannot write its state, checkpoints
     * would fail for ever and hold every acknowledgement back, so that is found out here, at start.
     */
    private static @Nullable CheckpointStore openStore(Durability durability,
            io.watchkeeper.core.engine.DetectionSetup setup, List<AutoCloseable> opened) {
        if (durability.stateDir() == null) {
            return null;
        }
        List<String> unable = Checkpointable.missing(setup);
        if (!unable.isEmpty()) {
            LOG.warn("state is not checkpointed: {} cannot save it; the input log is kept in memory, so what "
                    + "was acknowledged and not yet detected is lost if the process dies", unable);
            return null;
        }
        CheckpointStore store = CheckpointStore.open(durability.stateDir());
        opened.add(store);
        return store;
    }

    /** On disk beside the checkpoint when state is kept; in memory otherwise. */
    private static InputLog openLog(Durability durability, @Nullable CheckpointStore store,
                                    List<AutoCloseable> opened) {
        InputLog log;
        if (store == null || durability.stateDir() == null) {
            log = new MemoryLog(durability.memoryLogBytes());
        } else {
            Path dir = Durability.logDir(durability.stateDir());
            try {
                log = SegmentLog.open(dir, durability.log());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot open the input log in " + dir + ": " + e.getMessage(), e);
            }
        }
        opened.add(log);
        return log;
    }

    /**
     * Restores what the decoders held and returns where to read the log from: the checkpoint's position,
     * or the log's start. A checkpoint past the log's end means the log was removed; then it starts over.
     */
    private static long resumeInput(@Nullable EngineSnapshot resumed, @Nullable CheckpointStore store,
                                    InputLog log, AisTopicSource ais, AisTopicSource lineInputs,
                                    VesselRegistry registry) {
        if (resumed == null || store == null) {
            return log.start();
        }
        long position;
        try {
            position = InputState.restore(resumed.input(), ais, lineInputs, registry);
        } catch (java.io.IOException e) {
            throw store.cannotResume(e);
        }
        if (position == InputState.NO_POSITION) {
            return log.start();
        }
        if (position < log.start()) {
            LOG.warn("the checkpoint's input log position {} is before the log's start {}; reading from there",
                    position, log.start());
            return log.start();
        }
        if (position > log.end() && log instanceof SegmentLog segments) {
            // The log lost its tail or was removed: new input must continue after what the checkpoint read.
            try {
                segments.resumeAt(position);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot continue the input log at position " + position + ": "
                        + e.getMessage(), e);
            }
            return position;
        }
        if (position < log.end()) {
            LOG.info("replaying the input log from position {} to {}", position, log.end());
        }
        return position;
    }

    /** The engine, resumed from {@code resumed} if any; a checkpoint that does not fit is one clear line. */
    private static Engine startEngine(EngineConfig config, io.watchkeeper.core.engine.DetectionSetup setup,
            EventSink events, DeadLetterSink deadLetters, Clock clock, @Nullable EngineSnapshot resumed,
            @Nullable CheckpointStore store) {
        try {
            return Engine.start(config, setup, events, deadLetters, clock, resumed);
        } catch (IllegalArgumentException e) {
            if (resumed == null || store == null) {
                throw e;
            }
            throw store.cannotResume(e);
        }
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
        return source.accepted();
    }

    /** Fixes from {@code AIS/}, all stations together. */
    public long aisFixes() {
        return ais.stats().stream().mapToLong(AisIngestStats::fixes).sum();
    }

    /** Static data of the vessels seen on {@code AIS/} (and other AIS inputs). */
    public VesselRegistry vessels() {
        return registry;
    }

    /**
     * Where the lines of a TCP or UDP input go: into the input log, as {@code input/<name>}, read back into
     * that input's own AIS decoder, so that what such a feed sent is not lost if the engine dies (it
     * cannot send it again). When the log is full, the caller waits (TCP's flow control then slows the
     * relay; a UDP sender's datagrams wait in the socket buffer).
     */
    public Consumer<String> lineInput(String name) {
        String source = TopicRouter.INPUT_PREFIX + name;
        InputLog log = input.log();
        return line -> {
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            while (!closed) {
                try {
                    log.append(source, bytes, System.currentTimeMillis(), () -> { });
                    return;
                } catch (LogFullException e) {
                    LockSupport.parkNanos(50_000_000L);
                } catch (IllegalStateException e) {
                    return; // the log closed: stopping
                }
            }
        };
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

    private static void closeAll(List<AutoCloseable> resources) {
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
