package io.watchkeeper.server.durable;

import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.mqtt.client.DeliveryHandler;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.client.Publisher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector's input, acknowledged late: a message is acknowledged to the broker only after the
 * events it caused were acknowledged by the broker in turn, and (with a {@link CheckpointStore}) after
 * a checkpoint that includes its effect on every vessel's state is on disk.
 *
 * <p>The handler thread decodes each message and submits its fixes, and keeps the message's
 * acknowledgement in a list. A checkpoint thread, {@code wk-checkpoint}, now and then takes that list
 * and puts an {@link Engine#barrier} behind those fixes, both under one lock so that no fix slips to
 * the wrong side; then, off the hot path, it waits for the broker to acknowledge the events before
 * the cut (and for the event store to write them), writes the snapshot, and only then acknowledges
 * the list, in arrival order. In that order: a snapshot on disk before its events are safe would,
 * after a crash, have the engine skip the resent input as repeats and those events never come.
 *
 * <p>So after {@code kill -9}, the broker still holds every message the last checkpoint does not
 * cover and delivers it again; the engine resumes from that checkpoint and the same fixes give the
 * same events with the same ids. A message the checkpoint does cover but whose acknowledgement was
 * lost is resent too, and the engine skips it as a repeat. Nothing is lost; what is repeated carries
 * the same {@code eventId}.
 *
 * <p>A checkpoint is due when {@link Settings#maxPending} messages wait, when {@link Settings#every}
 * has passed, or when the input has been quiet for {@link Settings#idle}; never while none wait.
 */
public final class AckedInput implements DeliveryHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AckedInput.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Duration BARRIER_TIMEOUT = Duration.ofMinutes(2);
    private static final long FAILURE_LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /**
     * How long a checkpoint waits for the event store. A store that is down longer must not stop
     * detection and MQTT publishing (the events are safe at the broker); the checkpoint then goes on
     * and counts it, and only the store may miss events of that window if the engine dies meanwhile.
     */
    private static final Duration STORE_PATIENCE = Duration.ofSeconds(30);
    /**
     * How long a checkpoint waits for the broker to acknowledge its events. While the broker is down
     * they wait in the publisher; the checkpoint then fails, its input stays unacknowledged, and the
     * next one tries again once the broker is back.
     */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    /** What closing may spend on the checkpoint under way and on a last one: within the 30 s Ctrl-C budget. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);
    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * When to checkpoint.
     *
     * @param every      at most this long between checkpoints while messages wait
     * @param maxPending checkpoint at once when this many messages wait; keep it under the broker's
     *                   in-flight allowance towards us (16,384 on the embedded broker; Mosquitto's
     *                   {@code max_inflight_messages}), or the broker stops sending until the next timed
     *                   or idle checkpoint
     * @param idle       checkpoint when no message came for this long, so a quiet feed is acknowledged
     *                   promptly (and a broker that allows only a few unacknowledged messages, like
     *                   Mosquitto's default of 20, still makes progress)
     */
    public record Settings(Duration every, int maxPending, Duration idle) {

        /** 12,288 pending: under the embedded broker's window of 16,384, so it sends on while a checkpoint runs. */
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2), 12_288, Duration.ofMillis(20));

        public Settings {
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(idle, "idle");
            if (every.isNegative() || every.isZero() || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("checkpoint intervals must be positive");
            }
            if (maxPending < 1) {
                throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
            }
        }
    }

    private final MessageHandler input;
    private final Supplier<byte[]> inputState;
    private final Engine engine;
    private final DetectionSetup setup;
    private final Publisher publisher;
    private final @Nullable CheckpointStore store;
    private final Settings settings;
    private final ReentrantLock cut = new ReentrantLock();
    private final Thread thread;
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong inputErrors = new AtomicLong();
    private final Set<Class<?>> loggedErrorTypes = ConcurrentHashMap.newKeySet();
    private final AtomicLong storeLagging = new AtomicLong();
    private volatile @Nullable Runnable awaitStored;
    /** Waits for the store on a thread of its own, so that a hung database costs one thread, not one per checkpoint. */
    private final ExecutorService storeWaiter = Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "wk-checkpoint-store");
                t.setDaemon(true);
                return t;
            });
    /** Acknowledgements of messages not yet acknowledged, in arrival order; guarded by {@link #cut}. */
    private final List<Acknowledgement> pending = new ArrayList<>();
    private volatile int pendingCount;
    private volatile long lastMessageNanos = System.nanoTime();
    private volatile long lastCheckpointNanos = System.nanoTime();
    private volatile long lastCheckpointMillis;
    private volatile long lastCheckpointBytes;
    private volatile boolean healthy = true;
    private volatile boolean running = true;
    private long lastFailureLogNanos;
    /** Time to leave after a failed checkpoint before the next; 0 when the last one succeeded. */
    private volatile long pauseNanos;
    private final ReentrantLock checkpointing = new ReentrantLock();

    /**
     * @param input      decodes a message and submits its fixes to {@code engine} (and dead-letters the rest)
     * @param inputState what the input holds that a checkpoint must keep (an AIS fragment, a time for the
     *                   next sentence, static data), read under the same lock as the engine's cut
     * @param store      where state goes; null to acknowledge after the events alone, without state
     */
    public AckedInput(MessageHandler input, Supplier<byte[]> inputState, Engine engine, DetectionSetup setup,
                      Publisher publisher, @Nullable CheckpointStore store, Settings settings) {
        this.input = Objects.requireNonNull(input, "input");
        this.inputState = Objects.requireNonNull(inputState, "inputState");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = store;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.thread = new Thread(this::run, "wk-checkpoint");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void onMessage(String topic, byte[] payload, Acknowledgement ack) {
        cut.lock();
        try {
            try {
                input.onMessage(topic, payload);
            } catch (RuntimeException e) {
                if (e instanceof IllegalStateException && engine.isClosed()) {
                    // Stopping: leave the message unacknowledged, the broker keeps it for next time.
                    LOG.debug("input on {} not taken while stopping: {}", topic, e.toString());
                    return;
                }
                poison(topic, e);
            }
            pending.add(ack);
            pendingCount = pending.size();
        } finally {
            cut.unlock();
        }
        lastMessageNanos = System.nanoTime();
        if (pendingCount >= settings.maxPending()) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * A message the input failed on is acknowledged with the others, never redelivered for ever. Counted;
     * logged once per exception type, so that a stream of them cannot flood the log.
     */
    private void poison(String topic, RuntimeException e) {
        inputErrors.incrementAndGet();
        if (loggedErrorTypes.add(e.getClass())) {
            LOG.warn("input on {} failed; it is acknowledged, not retried (further {} are only counted): {}", topic,
                    e.getClass().getSimpleName(), e.toString());
        }
    }

    /** Input messages the input path failed on (a bug, not bad input: that becomes a dead letter). */
    public long inputErrors() {
        return inputErrors.get();
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(TICK_NANOS);
            if (running && due()) {
                checkpoint();
            }
        }
    }

    private boolean due() {
        long now = System.nanoTime();
        if (pendingCount == 0 || now - lastCheckpointNanos < pauseNanos) {
            return false;
        }
        return pendingCount >= settings.maxPending()
                || now - lastCheckpointNanos >= settings.every().toNanos()
                || now - lastMessageNanos >= settings.idle().toNanos();
    }

    /**
     * One checkpoint: cut, save, wait for the events, acknowledge. Runs on the checkpoint thread (and,
     * last, on the closing thread once that has stopped).
     *
     * <p>Every message received is acknowledged, even one whose effect is still half-way (the first of
     * two AIS fragments): what the input holds goes into the checkpoint with the engine's state. That
     * matters for HiveMQ, which sends a client its next queued messages only once every one it has out
     * is acknowledged; holding one back would stop the flow.
     */
    private void checkpoint() {
        checkpointing.lock(); // the checkpoint thread's, or the closing thread's once that one is stuck
        try {
            checkpointOnce(SETTLE_TIMEOUT);
        } finally {
            checkpointing.unlock();
        }
    }

    private void checkpointOnce(Duration settleTimeout) {
        List<Acknowledgement> acks;
        CompletableFuture<EngineSnapshot> barrier;
        byte[] held;
        cut.lock();
        try {
            acks = new ArrayList<>(pending);
            pending.clear();
            pendingCount = 0;
            held = store != null ? inputState.get() : new byte[0];
            barrier = engine.barrier(store != null);
        } catch (IllegalStateException e) {
            return; // the engine is closed; what was not acknowledged is redelivered on the next start
        } finally {
            cut.unlock();
        }
        long started = System.nanoTime();
        long failedBefore = publisher.failed();
        try {
            EngineSnapshot snapshot = barrier.get(BARRIER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).withInput(held);
            // The events first: a checkpoint on disk whose events are not yet at the broker would, after a
            // crash, make the engine skip the resent input as repeats, and those events would never come.
            publisher.whenSettled().get(settleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitStore();
            if (store != null) {
                lastCheckpointBytes = store.write(snapshot, setup);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            putBack(acks);
            return;
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            failed(acks, e);
            return;
        }
        long refused = publisher.failed() - failedBefore;
        if (refused > 0) {
            // Settled includes refused (a topic the broker's ACL forbids, say): retrying cannot help.
            LOG.warn("{} event(s) or dead letter(s) were refused by the broker (watchkeeper_mqtt_publish_failed_total); "
                    + "their input is acknowledged", refused);
        }
        for (Acknowledgement ack : acks) {
            ack.acknowledge();
        }
        acknowledged.addAndGet(acks.size());
        checkpoints.incrementAndGet();
        lastCheckpointNanos = System.nanoTime();
        lastCheckpointMillis = TimeUnit.NANOSECONDS.toMillis(lastCheckpointNanos - started);
        pauseNanos = 0;
        healthy = true;
    }

    /**
     * Also waits for the event store before acknowledging, so that after a crash the store, too, gets
     * every event at least once (its primary key, {@code eventId}, drops the repeats).
     */
    public void alsoAwait(Runnable stored) {
        this.awaitStored = Objects.requireNonNull(stored, "stored");
    }

    private void awaitStore() throws InterruptedException {
        Runnable stored = awaitStored;
        if (stored == null) {
            return;
        }
        try {
            CompletableFuture.runAsync(stored, storeWaiter).get(STORE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            if (storeLagging.incrementAndGet() == 1 || storeLagging.get() % 100 == 0) {
                LOG.warn("the event store has not written for {}; input is acknowledged anyway ({} times so far): {}",
                        STORE_PATIENCE, storeLagging.get(), e.toString());
            }
        }
    }

    /** Checkpoints that went on without the event store having written everything (it was down or slow). */
    public long storeLagging() {
        return storeLagging.get();
    }

    /** Returns acknowledgements to the front of the list, for the next checkpoint. */
    private void putBack(List<Acknowledgement> acks) {
        cut.lock();
        try {
            pending.addAll(0, acks);
            pendingCount = pending.size();
        } finally {
            cut.unlock();
        }
    }

    /**
     * The state could not be saved: acknowledging now would lose these messages' effect in a crash, so
     * they stay unacknowledged and go with the next checkpoint. If that keeps failing, the broker's
     * allowance runs out and input stops: the engine pushes back rather than lose anything.
     */
    private void failed(List<Acknowledgement> acks, Exception e) {
        putBack(acks);
        failures.incrementAndGet();
        healthy = false;
        lastCheckpointNanos = System.nanoTime();
        // Retrying every tick would encode and write the whole state again and again: back off, up to 30 s.
        pauseNanos = Math.min(MAX_PAUSE_NANOS, Math.max(MIN_PAUSE_NANOS, pauseNanos * 2));
        long now = System.nanoTime();
        if (now - lastFailureLogNanos >= FAILURE_LOG_EVERY_NANOS || failures.get() == 1) {
            lastFailureLogNanos = now;
            LOG.error("checkpoint failed ({} so far); {} messages stay unacknowledged until one succeeds: {}",
                    failures.get(), acks.size(), e instanceof ExecutionException ? e.getCause() : e.toString());
        }
    }

    /** Checkpoints completed (state saved, events settled, input acknowledged). */
    public long checkpoints() {
        return checkpoints.get();
    }

    /** Checkpoints that failed; their messages went with a later one. */
    public long failures() {
        return failures.get();
    }

    /** Input messages acknowledged to the broker. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages received but not yet acknowledged. */
    public int waiting() {
        return pendingCount;
    }

    /** How long the last checkpoint took, from barrier to acknowledgements, in ms. */
    public long lastCheckpointMillis() {
        return lastCheckpointMillis;
    }

    /** Size of the last checkpoint file, in bytes (0 without state). */
    public long lastCheckpointBytes() {
        return lastCheckpointBytes;
    }

    /** False after a failed checkpoint, until one succeeds. */
    public boolean isHealthy() {
        return healthy;
    }

    /**
     * Takes a last checkpoint of everything received, so that a clean restart resumes exactly, then
     * stops the checkpoint thread. Call it after input has stopped and before the engine closes.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(CLOSE_PATIENCE.toMillis());
            if (thread.isAlive() || !checkpointing.tryLock(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("no last checkpoint: the one under way did not finish within {}; the input since the "
                        + "previous one is delivered again at the next start", CLOSE_PATIENCE);
                return;
            }
            try {
                checkpointOnce(CLOSE_PATIENCE);
            } finally {
                checkpointing.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storeWaiter.shutdown();
        }
    }
}
