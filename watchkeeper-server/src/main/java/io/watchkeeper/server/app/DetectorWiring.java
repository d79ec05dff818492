package io.watchkeeper.server.app;

import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.sink.MqttDeadLetterSink;
import io.watchkeeper.mqtt.sink.MqttEventSink;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.app.DetectorService.Options;
import io.watchkeeper.server.durable.CheckpointStore;
import io.watchkeeper.server.durable.Checkpointable;
import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.durable.Durability;
import io.watchkeeper.server.input.InputDecoders;
import io.watchkeeper.server.input.InputPipeline;
import io.watchkeeper.server.input.LogPump;
import io.watchkeeper.server.input.LoggedInput;
import io.watchkeeper.server.input.RecordClock;
import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.MemoryLog;
import io.watchkeeper.server.input.log.SegmentLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of a {@link DetectorService}, wired part by part in flow order: the outputs and the engine
 * ({@link #detection}), then the input ({@link #input}), then the subscription ({@link #subscribe}). What a
 * part opens is kept, so that if a later part fails everything is closed again, last first.
 */
final class DetectorWiring {

    // the service's logger: these lines tell what the detector resumed from
    private static final Logger LOG = LoggerFactory.getLogger(DetectorService.class);

    /**
     * The output side and the engine: the publisher, the sinks that publish events and dead letters, the
     * detectors' setup, and the engine, resumed from the checkpoint store when state is kept.
     *
     * @param store   null without state
     * @param resumed what the engine resumed from, or null
     */
    record Detection(Publisher publisher, DeadLetterCounter deadLetters, DetectionSetup setup,
                     @Nullable CheckpointStore store, @Nullable EngineSnapshot resumed, Engine engine,
                     AisNotices notices) {
    }

    /** The input side: the decoders and the pipeline that logs, acknowledges and reads input into them. */
    record Input(InputDecoders decoders, InputPipeline pipeline) {
    }

    private final ClientSettings settings;
    private final Options options;
    private final Clock clock;
    private final Metering metering;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private DetectorWiring(ClientSettings settings, Options options, Clock clock) {
        this.settings = settings;
        this.options = options;
        this.clock = clock;
        this.metering = new Metering(options.feeds().metrics());
    }

    static DetectorService start(ClientSettings settings, Options options, Clock clock) {
        DetectorWiring wiring = new DetectorWiring(settings, options, clock);
        try {
            return wiring.service();
        } catch (RuntimeException e) {
            Collections.reverse(wiring.opened);
            DetectorService.closeAll(wiring.opened);
            throw e;
        }
    }

    private DetectorService service() {
        Detection detection = detection();
        Input input = input(detection);
        Subscriber subscriber = subscribe(input.pipeline().receiver());
        DetectorService service = new DetectorService(detection, input, registry(), subscriber);
        metering.bindRunning(subscriber, input.pipeline(), service::engineStats, registry());
        return service;
    }

    private Detection detection() {
        Publisher publisher = open(Publisher.connect(settings.withClientId(settings.clientId() + "-out")));
        metering.bindPublisher(publisher);
        EventJson json = new EventJson();
        EventSink mqtt = metering.eventsOut(new MqttEventSink(publisher, json));
        EventSink extra = options.feeds().events();
        EventSink events = extra == null ? mqtt : EventSink.all(mqtt, extra);
        DeadLetterCounter deadLetters = new DeadLetterCounter(
                metering.deadLettersOut(new MqttDeadLetterSink(publisher, json)));
        Consumer<Fix> tap = options.feeds().fixTap() != null ? options.feeds().fixTap() : f -> { };
        DetectionSetup setup = options.suite().setup(registry(), true).withFixTap(metering.fixTap(tap));
        CheckpointStore store = openStore(options.durability(), setup);
        EngineSnapshot resumed = store == null ? null : store.read(setup).orElse(null);
        Engine engine = open(startEngine(options.engine(), setup, events, deadLetters, clock, resumed, store));
        if (resumed != null) {
            LOG.info("resumed {} vessels from checkpoint {} taken at {}", resumed.vessels().size(), store.file(),
                    Instant.ofEpochMilli(resumed.wallMillis()));
        }
        // Safety messages are events like the detectors' ones: the same outputs, the same envelope.
        AisNotices notices = new AisNotices(events, options.feeds().weather()::update);
        return new Detection(publisher, deadLetters, setup, store, resumed, engine, notices);
    }

    private Input input(Detection d) {
        Durability durability = options.durability();
        InputLog log = open(openLog(durability, d.store()));
        RecordClock arrival = new RecordClock(clock.instant());
        InputDecoders decoders = new InputDecoders(d.engine()::submit, registry(), d.notices(), d.deadLetters(),
                arrival, options.ais(), options.maxPayloadBytes(), d.setup().limits().stations());
        long from = resumeInput(d.resumed(), d.store(), log, decoders);
        LogPump pump = open(new LogPump(log, from, metering.messagesIn(decoders.router()), arrival,
                d.engine()::isClosed));
        Checkpointer checkpointer = d.store() == null ? null : open(new Checkpointer(pump, from, log, d.engine(),
                d.setup(), d.publisher(), d.store(), decoders::capture, durability.checkpointEvery()));
        LoggedInput logged = open(new LoggedInput(log, clock, options.maxPayloadBytes()));
        return new Input(decoders, new InputPipeline(log, logged, pump, checkpointer));
    }

    private Subscriber subscribe(LoggedInput logged) {
        Durability durability = options.durability();
        ClientSettings inputSettings = durability.durableSession()
                ? settings.withSessionExpiry(durability.sessionExpiry()) : settings;
        return Subscriber.connectInline(inputSettings, List.of(Topics.dataFilter(), Topics.aisFilter()),
                durability.durableSession(), logged);
    }

    private VesselRegistry registry() {
        return options.feeds().registry();
    }

    /**
     * The checkpoint store, or null without state: if a detector cannot write its state, checkpoints
     * would fail for ever and hold every acknowledgement back, so that is found out here, at start.
     */
    private @Nullable CheckpointStore openStore(Durability durability, DetectionSetup setup) {
        if (durability.stateDir() == null) {
            return null;
        }
        List<String> unable = Checkpointable.missing(setup);
        if (!unable.isEmpty()) {
            LOG.warn("state is not checkpointed: {} cannot save it; the input log is kept in memory, so what "
                    + "was acknowledged and not yet detected is lost if the process dies", unable);
            return null;
        }
        return open(CheckpointStore.open(durability.stateDir()));
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    /** On disk beside the checkpoint when state is kept; in memory otherwise. */
    private static InputLog openLog(Durability durability, @Nullable CheckpointStore store) {
        if (store == null || durability.stateDir() == null) {
            return new MemoryLog(durability.memoryLogBytes());
        }
        Path dir = Durability.logDir(durability.stateDir());
        try {
            return SegmentLog.open(dir, durability.log());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the input log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores what the decoders held and returns where to read the log from: the checkpoint's position,
     * or the log's start. A checkpoint past the log's end means the log was removed; then it starts over.
     */
    private static long resumeInput(@Nullable EngineSnapshot resumed, @Nullable CheckpointStore store,
                                    InputLog log, InputDecoders decoders) {
        if (resumed == null || store == null) {
            return log.start();
        }
        long position;
        try {
            position = decoders.restore(resumed.input());
        } catch (IOException e) {
            throw store.cannotResume(e);
        }
        if (position == InputDecoders.NO_POSITION) {
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
            } catch (IOException e) {
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
    private static Engine startEngine(EngineConfig config, DetectionSetup setup, EventSink events,
            DeadLetterSink deadLetters, Clock clock, @Nullable EngineSnapshot resumed, @Nullable CheckpointStore store) {
        try {
            return Engine.start(config, setup, events, deadLetters, clock, resumed);
        } catch (IllegalArgumentException e) {
            if (resumed == null || store == null) {
                throw e;
            }
            throw store.cannotResume(e);
        }
    }
}
