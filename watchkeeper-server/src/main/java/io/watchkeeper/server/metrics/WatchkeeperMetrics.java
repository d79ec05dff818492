package io.watchkeeper.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.server.input.InputPipeline;
import io.watchkeeper.server.output.store.BatchingEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jetbrains.annotations.Nullable;

/**
 * The Prometheus metrics behind {@code GET /metrics}: messages in and out per topic, dead letters per
 * reason, events per type, the engine's queue depth, lag and tracked vessels, the MQTT clients, and the
 * JVM. {@code docs/metrics.md} lists every series.
 *
 * <p>Hot-path cost is kept to a {@link LongAdder} or a Micrometer counter increment (itself an adder):
 * whatever already has a counter (engine, MQTT clients) is read by a {@link FunctionCounter} or
 * {@link Gauge} at scrape time instead of being counted twice. Every method is thread-safe. Labels are
 * bounded: topics and reject reasons are enums, and event types stop at {@link #MAX_EVENT_TYPES}.
 *
 * <p>One instance per process, built in the composition root and closed on shutdown.
 */
public final class WatchkeeperMetrics implements AutoCloseable {

    /** Distinct {@code type} labels on {@code watchkeeper_events_total}; later types count as {@code other}. */
    public static final int MAX_EVENT_TYPES = 200;

    /** The {@code type} label of events beyond {@link #MAX_EVENT_TYPES}. */
    public static final String OTHER_TYPE = "other";

    /** Engine stats are computed once per scrape, not once per gauge: snapshots this fresh are reused. */
    private static final long ENGINE_SNAPSHOT_NANOS = Duration.ofMillis(100).toNanos();

    private static final TopicRoot[] ROOTS = TopicRoot.values();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Clock clock;
    private final int maxEventTypes;
    private final Map<String, Counter> eventCounters = new ConcurrentHashMap<>();
    private final Counter otherEvents;
    private final Map<RejectReason, Counter> deadLetterCounters = new EnumMap<>(RejectReason.class);
    private final LongAdder[] messagesIn = adders();
    private final LongAdder[] messagesOut = adders();
    private final EventSink events = this::countEvent;
    private final AtomicBoolean engineBound = new AtomicBoolean();
    /** Held here because function counters hold their object weakly. */
    private volatile @Nullable EngineSnapshot engine;

    private WatchkeeperMetrics(Clock clock, int maxEventTypes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEventTypes < 1) {
            throw new IllegalArgumentException("maxEventTypes must be at least 1: " + maxEventTypes);
        }
        this.maxEventTypes = maxEventTypes;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        otherEvents = eventCounter(OTHER_TYPE);
        for (RejectReason reason : RejectReason.values()) {
            deadLetterCounters.put(reason, Counter.builder("watchkeeper.dead.letters")
                    .description("Refused inputs, by reason").tag("reason", reason.label()).register(registry));
        }
        for (TopicRoot root : List.of(TopicRoot.DATA, TopicRoot.AIS, TopicRoot.OTHER)) {
            messageCounter("watchkeeper.messages.in", "MQTT messages received, by topic root", root, messagesIn);
        }
        for (TopicRoot root : List.of(TopicRoot.EVENT, TopicRoot.DEADLETTER, TopicRoot.OTHER)) {
            messageCounter("watchkeeper.messages.out", "MQTT messages handed to the publisher, by topic root", root,
                    messagesOut);
        }
    }

    /** Metrics with the JVM bound; {@code clock} is the wall clock the event lag is measured against. */
    public static WatchkeeperMetrics create(Clock clock) {
        return new WatchkeeperMetrics(clock, MAX_EVENT_TYPES);
    }

    /** As {@link #create(Clock)} with a smaller bound on event types, for tests. */
    static WatchkeeperMetrics create(Clock clock, int maxEventTypes) {
        return new WatchkeeperMetrics(clock, maxEventTypes);
    }

    // ---------------------------------------------------------------- events and dead letters

    /**
     * A sink that counts each event in {@code watchkeeper_events_total{type}} and does nothing else: add it
     * next to the others ({@code EventSink.all(mqtt, store, metrics.events())}). Always the same instance.
     */
    public EventSink events() {
        return events;
    }

    /** Counts each dead letter in {@code watchkeeper_dead_letters_total{reason}}, then hands it to {@code next}. */
    public DeadLetterSink deadLetters(DeadLetterSink next) {
        Objects.requireNonNull(next, "next");
        return deadLetter -> {
            deadLetterCounters.get(deadLetter.reason()).increment();
            next.accept(deadLetter);
        };
    }

    private void countEvent(Event event) {
        Counter counter = eventCounters.get(event.type());
        (counter != null ? counter : newEventCounter(event.type())).increment();
    }

    /** First sight of a type: a new series while under the bound, {@code other} after. */
    private Counter newEventCounter(String type) {
        if (eventCounters.size() > maxEventTypes) {
            return otherEvents;
        }
        synchronized (eventCounters) {
            Counter existing = eventCounters.get(type);
            if (existing != null) {
                return existing;
            }
            // "other" itself is one of the entries, hence the + 1
            if (eventCounters.size() >= maxEventTypes + 1) {
                return otherEvents;
            }
            return eventCounter(type);
        }
    }

    private Counter eventCounter(String type) {
        Counter counter = Counter.builder("watchkeeper.events").description("Detected events, by type")
                .tag("type", type).register(registry);
        eventCounters.put(type, counter);
        return counter;
    }

    // ---------------------------------------------------------------- messages in and out

    /**
     * Counts one message received on {@code root} in {@code watchkeeper_messages_in_total{topic}}; roots
     * Watchkeeper does not consume ({@code EVENT}, {@code DEADLETTER}) count as {@code other}.
     */
    public void messageIn(TopicRoot root) {
        boolean input = root == TopicRoot.DATA || root == TopicRoot.AIS;
        messagesIn[(input ? root : TopicRoot.OTHER).ordinal()].increment();
    }

    /**
     * Counts one message handed to the publisher on {@code root} in {@code watchkeeper_messages_out_total{topic}};
     * roots Watchkeeper does not produce ({@code DATA}, {@code AIS}) count as {@code other}.
     */
    public void messageOut(TopicRoot root) {
        boolean output = root == TopicRoot.EVENT || root == TopicRoot.DEADLETTER;
        messagesOut[(output ? root : TopicRoot.OTHER).ordinal()].increment();
    }

    /**
     * Counts each message as in on {@code AIS} or {@code DATA} (as {@code TopicRouter} tells them apart) or
     * {@code other}, then hands it to {@code next}: wrap the subscriber's handler with it.
     */
    public MessageHandler messagesIn(MessageHandler next) {
        Objects.requireNonNull(next, "next");
        return (topic, payload) -> {
            messageIn(rootOfInput(topic));
            next.onMessage(topic, payload);
        };
    }

    private static TopicRoot rootOfInput(String topic) {
        if (Topics.stationOfAis(topic).isPresent()) {
            return TopicRoot.AIS;
        }
        return Topics.stationOfData(topic).isPresent() ? TopicRoot.DATA : TopicRoot.OTHER;
    }

    /** Hands each event to {@code next} (the MQTT event sink), then counts it as out on {@code EVENT}. */
    public EventSink eventsOut(EventSink next) {
        Objects.requireNonNull(next, "next");
        return new EventSink() {
            @Override
            public void accept(Event event) {
                next.accept(event);
                messagesOut[TopicRoot.EVENT.ordinal()].increment();
            }

            @Override
            public void flush() {
                next.flush();
            }
        };
    }

    /** Hands each dead letter to {@code next} (the MQTT dead-letter sink), then counts it as out on {@code DEADLETTER}. */
    public DeadLetterSink deadLettersOut(DeadLetterSink next) {
        Objects.requireNonNull(next, "next");
        return deadLetter -> {
            next.accept(deadLetter);
            messagesOut[TopicRoot.DEADLETTER.ordinal()].increment();
        };
    }

    private void messageCounter(String name, String description, TopicRoot root, LongAdder[] adders) {
        LongAdder adder = adders[root.ordinal()];
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).tag("topic", root.label())
                .register(registry);
    }

    // ---------------------------------------------------------------- MQTT clients

    /** Reads the subscriber's own counters at scrape time ({@code client} = its client id). */
    public void bindSubscriber(Subscriber subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        String id = subscriber.clientId();
        functionCounter("watchkeeper.mqtt.received", "Messages the subscriber handed to its handler", subscriber,
                Subscriber::received, id);
        functionCounter("watchkeeper.mqtt.handler.errors", "Messages on which the handler threw", subscriber,
                Subscriber::handlerErrors, id);
        functionCounter("watchkeeper.mqtt.reconnects", "Connections lost and re-established", subscriber,
                Subscriber::reconnects, id);
    }

    /** Messages the in-process broker dropped, for any reason (a subscriber's queue full, mostly). */
    public void bindBroker(LongSupplier dropped) {
        Objects.requireNonNull(dropped, "dropped");
        FunctionCounter.builder("watchkeeper.broker.dropped", dropped, d -> Math.max(0, d.getAsLong()))
                .description("Messages the embedded broker dropped (each drop is also a WARN line)").register(registry);
    }

    /** The event store's writer: what it could not store (docs/reliability.md). */
    public void bindEventStore(Supplier<BatchingEventSink.Stats> stats) {
        Objects.requireNonNull(stats, "stats");
        FunctionCounter.builder("watchkeeper.store.dropped", stats, s -> s.get().dropped())
                .description("Events not stored because the store's queue was full (database down or slow)")
                .register(registry);
        FunctionCounter.builder("watchkeeper.store.rejected", stats, s -> s.get().rejected())
                .description("Events the database refused (a value it cannot store)").register(registry);
        Gauge.builder("watchkeeper.store.queue", stats, s -> s.get().queueDepth())
                .description("Events waiting for the store's writer").register(registry);
    }

    /** The input log, its reader and the checkpoints (docs/reliability.md). */
    public void bindInput(InputPipeline input) {
        Objects.requireNonNull(input, "input");
        var log = input.log();
        var receiver = input.receiver();
        var reader = input.reader();
        FunctionCounter.builder("watchkeeper.input.appended", receiver, r -> r.appended())
                .description("Input messages appended to the input log and acknowledged").register(registry);
        FunctionCounter.builder("watchkeeper.input.oversized", receiver, r -> r.oversized())
                .description("Input messages over the size limit, dead-lettered without entering the log")
                .register(registry);
        Gauge.builder("watchkeeper.input.held", receiver, r -> r.held())
                .description("Input messages held unacknowledged because the input log is full").register(registry);
        Gauge.builder("watchkeeper.input.log.full", log, l -> l.isFull() ? 1 : 0)
                .description("1 while the input log has no room (its size limit or the disk) and input waits")
                .register(registry);
        Gauge.builder("watchkeeper.input.log.size", log, l -> l.sizeBytes())
                .description("Bytes the input log holds (on disk, or in memory without state)").baseUnit("bytes")
                .register(registry);
        Gauge.builder("watchkeeper.input.log.lag", reader, r -> r.lag())
                .description("Input log not yet read into the engine (bytes on disk, records in memory)")
                .register(registry);
        FunctionCounter.builder("watchkeeper.input.read", reader, r -> r.records())
                .description("Input log records read into the decoders and the engine").register(registry);
        FunctionCounter.builder("watchkeeper.input.errors", reader, r -> r.inputErrors())
                .description("Input messages the input path failed on; passed over, never retried").register(registry);
        var checkpointer = input.checkpointer();
        if (checkpointer == null) {
            return;
        }
        FunctionCounter.builder("watchkeeper.checkpoints", checkpointer, c -> c.checkpoints())
                .description("Checkpoints completed: events settled, state saved, input log released").register(registry);
        FunctionCounter.builder("watchkeeper.checkpoint.failures", checkpointer, c -> c.failures())
                .description("Checkpoints that failed; the input log keeps everything since the last good one")
                .register(registry);
        FunctionCounter.builder("watchkeeper.checkpoint.store.lagging", checkpointer, c -> c.storeLagging())
                .description("Checkpoints that went on although the event store had not written within 30 s")
                .register(registry);
        Gauge.builder("watchkeeper.checkpoint.duration", checkpointer, c -> c.lastCheckpointMillis() / 1000.0)
                .description("How long the last checkpoint took, cut to release").baseUnit("seconds")
                .register(registry);
        Gauge.builder("watchkeeper.checkpoint.size", checkpointer, c -> c.lastCheckpointBytes())
                .description("Size of the last checkpoint file").baseUnit("bytes").register(registry);
    }

    /** Reads the publisher's own counters at scrape time ({@code client} = its client id). */
    public void bindPublisher(Publisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        String id = publisher.clientId();
        functionCounter("watchkeeper.mqtt.published", "Publishes acknowledged by the broker", publisher,
                Publisher::published, id);
        functionCounter("watchkeeper.mqtt.publish.failed", "Publishes that failed", publisher, Publisher::failed, id);
        functionCounter("watchkeeper.mqtt.reconnects", "Connections lost and re-established", publisher,
                Publisher::reconnects, id);
        Gauge.builder("watchkeeper.mqtt.in.flight", publisher, Publisher::inFlight)
                .description("Publishes sent and not yet acknowledged").tag("client", id).strongReference(true)
                .register(registry);
    }

    /** The function counter holds {@code source} weakly: the caller (the service) keeps it alive. */
    private <T> void functionCounter(String name, String description, T source, ToLongFunction<T> count,
                                     String client) {
        FunctionCounter.builder(name, source, s -> count.applyAsLong(s)).description(description)
                .tag("client", client).register(registry);
    }

    // ---------------------------------------------------------------- engine

    /**
     * Gauges over the engine: queue depth, tracked vessels, fixes submitted and processed, skipped ones,
     * the lag in fixes (submitted − processed) and in event time (this wall clock − {@code latestEventTime}).
     * Call once.
     *
     * @param stats           the engine's counters, e.g. {@code service::engineStats}; read at most every
     *                        100 ms however many gauges ask
     * @param latestEventTime the event time of the newest processed fix, e.g. {@link EventTimeWatermark#latest};
     *                        while it is empty the event lag is NaN
     */
    public void bindEngine(Supplier<EngineStats> stats, Supplier<Optional<Instant>> latestEventTime) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(latestEventTime, "latestEventTime");
        if (!engineBound.compareAndSet(false, true)) {
            throw new IllegalStateException("the engine is already bound");
        }
        EngineSnapshot snapshot = new EngineSnapshot(stats);
        engine = snapshot;
        gauge("watchkeeper.engine.queue.depth", "Fixes waiting in the engine's worker queues", snapshot,
                s -> s.get().queueDepth());
        gauge("watchkeeper.engine.vessels", "Vessels the engine tracks", snapshot, s -> s.get().vessels());
        engineCounter("watchkeeper.engine.submitted", "Fixes accepted by the engine", snapshot,
                EngineStats::submitted);
        engineCounter("watchkeeper.engine.processed", "Fixes fully handled by the engine's workers", snapshot,
                EngineStats::processed);
        engineCounter("watchkeeper.engine.out.of.order", "Fixes skipped as older than their vessel's last",
                snapshot, EngineStats::outOfOrder);
        engineCounter("watchkeeper.engine.duplicates", "Fixes skipped as repeats of their vessel's last", snapshot,
                EngineStats::duplicates);
        engineCounter("watchkeeper.engine.backpressure.waits", "Times a producer waited on a full engine queue",
                snapshot, EngineStats::backpressureWaits);
        engineCounter("watchkeeper.engine.sink.failures", "Fixes whose events a sink refused", snapshot,
                EngineStats::sinkFailures);
        engineCounter("watchkeeper.engine.evicted", "Vessels forgotten after a silence longer than engine.evictAfter",
                snapshot, EngineStats::evicted);
        Gauge.builder("watchkeeper.engine.lag", snapshot, s -> {
                    EngineStats e = s.get();
                    return Math.max(0, e.submitted() - e.processed());
                }).baseUnit("fixes").description("Fixes submitted and not yet processed").strongReference(true)
                .register(registry);
        Gauge.builder("watchkeeper.engine.event.lag", latestEventTime, t -> eventLagSeconds(t.get()))
                .baseUnit("seconds").description("Wall clock minus the event time of the newest processed fix")
                .strongReference(true).register(registry);
    }

    /**
     * The AIS static data kept (names, types, call signs) and the vessels refused once it holds its limit
     * ({@link VesselRegistry}), so a full registry shows before its names go missing from the dashboard.
     */
    public void bindVesselRegistry(VesselRegistry vessels) {
        Objects.requireNonNull(vessels, "vessels");
        Gauge.builder("watchkeeper.vessel.registry.size", vessels, VesselRegistry::size)
                .description("Vessels whose AIS static data is kept").strongReference(true).register(registry);
        FunctionCounter.builder("watchkeeper.vessel.registry.refused", vessels, VesselRegistry::refused)
                .description("AIS static data of new vessels not kept because the registry holds its limit")
                .register(registry);
    }

    private double eventLagSeconds(Optional<Instant> latest) {
        return latest.map(t -> Duration.between(t, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
    }

    private void gauge(String name, String description, EngineSnapshot snapshot,
                       ToDoubleFunction<EngineSnapshot> value) {
        Gauge.builder(name, snapshot, value).description(description).strongReference(true).register(registry);
    }

    private void engineCounter(String name, String description, EngineSnapshot snapshot,
                               ToLongFunction<EngineStats> count) {
        FunctionCounter.builder(name, snapshot, s -> count.applyAsLong(s.get())).description(description)
                .register(registry);
    }

    /** The engine's stats, taken at most once per {@link #ENGINE_SNAPSHOT_NANOS}; races only cost a re-read. */
    private static final class EngineSnapshot {

        private final Supplier<EngineStats> source;
        private volatile EngineStats last;
        private volatile long takenNanos;

        EngineSnapshot(Supplier<EngineStats> source) {
            this.source = source;
        }

        EngineStats get() {
            long now = System.nanoTime();
            EngineStats stats = last;
            if (stats == null || now - takenNanos > ENGINE_SNAPSHOT_NANOS) {
                stats = Objects.requireNonNull(source.get(), "engine stats");
                takenNanos = now;
                last = stats;
            }
            return stats;
        }
    }

    // ---------------------------------------------------------------- output

    /** Everything, in the Prometheus text format (version 0.0.4), for {@code GET /metrics}. */
    /** The registry behind {@link #scrape()}, for a server that serves it itself. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** The content type to answer {@code GET /metrics} with. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** Stops the GC listener and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[ROOTS.length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
