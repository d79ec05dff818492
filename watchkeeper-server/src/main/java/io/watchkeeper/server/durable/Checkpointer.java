package io.watchkeeper.server.durable;

import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.server.input.LogPump;
import io.watchkeeper.server.input.log.InputLog;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the engine's checkpoints and frees the input log behind them. Input is acknowledged as soon as
 * the log holds it (see {@code LoggedInput}); a checkpoint is what lets the log forget it.
 *
 * <p>One checkpoint, on thread {@code wk-checkpoint}:
 * <ol>
 *   <li>the log reader stops between two records and puts an {@link Engine#barrier} behind everything
 *       read, noting the position of the next record and what the decoders hold;</li>
 *   <li>once the engine has passed the barrier, the broker must have acknowledged every event and dead
 *       letter from before it (and the event store written them, with 30 s patience);</li>
 *   <li>the snapshot, with that log position, goes to disk;</li>
 *   <li>the log may delete what lies before the position.</li>
 * </ol>
 * In that order: a snapshot on disk before its events are safe would, after a crash, resume past input
 * whose events never reached the broker. After {@code kill -9}, the engine resumes from the last
 * snapshot and replays the log from its position: the same records give the same events with the same
 * ids, which the store and consumers already drop as repeats.
 */
public final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Duration BARRIER_TIMEOUT = Duration.ofMinutes(2);
    private static final long FAILURE_LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** How long a checkpoint waits for the event store; a store down longer must not stop checkpoints. */
    private static final Duration STORE_PATIENCE = Duration.ofSeconds(30);
    /** How long a checkpoint waits for the broker to acknowledge its events; then it fails and retries. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    /** What closing may spend on a last checkpoint: within the 30 s Ctrl-C budget. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);
    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LogPump pump;
    private final InputLog log;
    private final Engine engine;
    private final DetectionSetup setup;
    private final Publisher publisher;
    private final CheckpointStore store;
    private final LongFunction<byte[]> inputState;
    private final Duration every;
    private final Thread thread;
    private final ReentrantLock checkpointing = new ReentrantLock();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong storeLagging = new AtomicLong();
    private final ExecutorService storeWaiter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wk-checkpoint-store");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable Runnable awaitStored;
    /** The wait for the store under way, if any; only the checkpoint thread (or the closing one) touches it. */
    private volatile @Nullable CompletableFuture<Void> storeWait;
    private volatile long covered;
    private volatile long lastCheckpointNanos = System.nanoTime();
    private volatile long lastCheckpointMillis;
    private volatile long lastCheckpointBytes;
    private volatile long pauseNanos;
    private volatile boolean healthy = true;
    private volatile boolean running = true;
    private long lastFailureLogNanos;

    private record Cut(long position, byte[] held, CompletableFuture<EngineSnapshot> barrier) {
    }

    /**
     * How long each wait of one checkpoint may take: its own limit, and no later than {@code deadline}
     * (a System.nanoTime), so that the last checkpoint fits in the stop budget as a whole.
     */
    private record Patience(long deadline, Duration barrier, Duration settle, Duration store) {

        static Patience periodic() {
            return new Patience(System.nanoTime() + TimeUnit.DAYS.toNanos(1), BARRIER_TIMEOUT, SETTLE_TIMEOUT,
                    STORE_PATIENCE);
        }

        static Patience until(long deadline) {
            return new Patience(deadline, CLOSE_PATIENCE, CLOSE_PATIENCE, CLOSE_PATIENCE);
        }

        long millis(Duration own) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            return Math.max(0, Math.min(own.toMillis(), left));
        }
    }

    /**
     * @param resumedAt  the log position the state was resumed from (the log's start without one)
     * @param inputState what the decoders hold at a cut (an AIS fragment, a {@code $PGHP} time, static
     *                   data), given the log position of the cut; read on the log reader's thread
     * @param every      how often to checkpoint while input comes
     */
    public Checkpointer(LogPump pump, long resumedAt, InputLog log, Engine engine, DetectionSetup setup,
                        Publisher publisher, CheckpointStore store, LongFunction<byte[]> inputState, Duration every) {
        this.pump = Objects.requireNonNull(pump, "pump");
        this.log = Objects.requireNonNull(log, "log");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = Objects.requireNonNull(store, "store");
        this.inputState = Objects.requireNonNull(inputState, "inputState");
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive");
        }
        this.covered = resumedAt; // not pump.position(): the reader may already be replaying past it
        this.thread = new Thread(this::run, "wk-checkpoint");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(this, TICK_NANOS);
            try {
                if (running && due()) {
                    checkpoint(Patience.periodic());
                }
            } catch (RuntimeException e) {
                failed(e); // never let the checkpoint thread die quietly while the log fills
            }
        }
    }

    private boolean due() {
        long now = System.nanoTime();
        long wait = pauseNanos > 0 ? pauseNanos : every.toNanos();
        return pump.position() > covered && now - lastCheckpointNanos >= wait;
    }

    private void checkpoint(Patience patience) {
        checkpointing.lock();
        try {
            checkpointOnce(patience);
        } finally {
            checkpointing.unlock();
        }
    }

    private void checkpointOnce(Patience patience) {
        long started = System.nanoTime();
        long failedBefore = publisher.failed();
        Cut cut;
        try {
            cut = pump.atBoundary(at -> new Cut(at, inputState.apply(at), engine.barrier(true)))
                    .get(patience.millis(patience.barrier()), TimeUnit.MILLISECONDS);
            EngineSnapshot snapshot = cut.barrier().get(patience.millis(patience.barrier()), TimeUnit.MILLISECONDS)
                    .withInput(cut.held());
            // The events first: a checkpoint on disk whose events are not yet at the broker would, after a
            // crash, resume past input whose events never came.
            publisher.whenSettled().get(patience.millis(patience.settle()), TimeUnit.MILLISECONDS);
            awaitStore(patience);
            lastCheckpointBytes = store.write(snapshot, setup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            failed(e);
            return;
        }
        long refused = publisher.failed() - failedBefore;
        if (refused > 0) {
            LOG.warn("{} event(s) or dead letter(s) were refused by the broker (watchkeeper_mqtt_publish_failed_total)",
                    refused);
        }
        covered = cut.position();
        try {
            log.release(cut.position());
        } catch (RuntimeException e) {
            LOG.warn("the input log could not delete what the checkpoint covers; it stays until the next one: {}",
                    e.toString());
        }
        checkpoints.incrementAndGet();
        lastCheckpointNanos = System.nanoTime();
        lastCheckpointMillis = TimeUnit.NANOSECONDS.toMillis(lastCheckpointNanos - started);
        pauseNanos = 0;
        healthy = true;
    }

    /** Also waits for the event store before a checkpoint, so that after a crash the store gets every event too. */
    public void alsoAwait(Runnable stored) {
        this.awaitStored = Objects.requireNonNull(stored, "stored");
    }

    private void awaitStore(Patience patience) throws InterruptedException {
        Runnable stored = awaitStored;
        if (stored == null) {
            return;
        }
        CompletableFuture<Void> wait = storeWait;
        if (wait == null || wait.isDone()) {
            // One wait at a time: while the store hangs, later checkpoints join the wait under way instead
            // of queueing one more behind it.
            wait = CompletableFuture.runAsync(stored, storeWaiter);
            storeWait = wait;
        }
        try {
            wait.get(patience.millis(patience.store()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            if (storeLagging.incrementAndGet() == 1 || storeLagging.get() % 100 == 0) {
                LOG.warn("the event store has not written within {}; the checkpoint goes on ({} times so far): {}",
                        patience.store(), storeLagging.get(), e.toString());
            }
        }
    }

    /**
     * The state could not be saved: the log keeps everything since the last good checkpoint, so nothing
     * is lost, but it grows until one succeeds (and input waits once it is full). Back off, up to 30 s.
     */
    private void failed(Exception e) {
        failures.incrementAndGet();
        healthy = false;
        lastCheckpointNanos = System.nanoTime();
        pauseNanos = Math.min(MAX_PAUSE_NANOS, Math.max(MIN_PAUSE_NANOS, pauseNanos * 2));
        long now = System.nanoTime();
        if (now - lastFailureLogNanos >= FAILURE_LOG_EVERY_NANOS || failures.get() == 1) {
            lastFailureLogNanos = now;
            LOG.error("checkpoint failed ({} so far); the input log keeps everything since the last one: {}",
                    failures.get(), e instanceof ExecutionException ? e.getCause() : e.toString());
        }
    }

    /** Checkpoints completed. */
    public long checkpoints() {
        return checkpoints.get();
    }

    /** Checkpoints that failed. */
    public long failures() {
        return failures.get();
    }

    /** Checkpoints that went on although the event store had not written within 30 s. */
    public long storeLagging() {
        return storeLagging.get();
    }

    public long lastCheckpointMillis() {
        return lastCheckpointMillis;
    }

    public long lastCheckpointBytes() {
        return lastCheckpointBytes;
    }

    /** False after a failed checkpoint, until one succeeds. */
    public boolean isHealthy() {
        return healthy;
    }

    /**
     * Stops the checkpoint thread and takes a last checkpoint of everything read, so that a clean restart
     * replays nothing. Call it after input has stopped and the reader has drained the log, while the
     * reader still runs.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        Patience patience = Patience.until(System.nanoTime() + CLOSE_PATIENCE.toNanos());
        try {
            thread.join(Math.max(1, patience.millis(CLOSE_PATIENCE)));
            if (thread.isAlive() || !checkpointing.tryLock(patience.millis(CLOSE_PATIENCE), TimeUnit.MILLISECONDS)) {
                LOG.warn("no last checkpoint: the one under way did not finish within {}; the next start replays "
                        + "the input log from the previous one", CLOSE_PATIENCE);
                return;
            }
            try {
                if (pump.position() > covered && !publisher.isConnected()) {
                    // its events cannot reach the broker now: waiting would only spend the stop budget
                    LOG.warn("no last checkpoint: the broker is not connected; the next start replays the input "
                            + "log from the previous checkpoint");
                } else if (pump.position() > covered) {
                    checkpointOnce(patience);
                }
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
