package io.watchkeeper.server.input;

import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.BooleanSupplier;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread, {@code wk-input}, that reads the input log into the decoders and the engine, in log
 * order. Because only this thread feeds the engine from the log, a checkpoint's cut is simply a point
 * between two records: {@link #atBoundary} runs there, with the position of the next record to read,
 * and that position is what a restart replays from.
 *
 * <p>A record the input path throws on is a bug, not bad input (bad input becomes a dead letter): it is
 * counted, logged once per exception type, and passed over, so it cannot stop the stream.
 */
public final class LogPump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogPump.class);
    private static final Duration POLL = Duration.ofMillis(10);

    private final InputLog log;
    private final InputLog.Cursor cursor;
    private final MessageHandler input;
    private final RecordClock clock;
    private final BooleanSupplier stopping;
    private final Thread thread;
    private final AtomicReference<@Nullable Boundary<?>> boundary = new AtomicReference<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong inputErrors = new AtomicLong();
    private final Set<Class<?>> loggedErrorTypes = ConcurrentHashMap.newKeySet();
    private volatile long position;
    private volatile boolean running = true;
    private volatile @Nullable String failure;

    private record Boundary<T>(LongFunction<T> action, CompletableFuture<T> result) {
        void run(long at) {
            try {
                result.complete(action.apply(at));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }

    /**
     * @param from     the position to read from: the last checkpoint's, or the log's start
     * @param input    decodes a message and submits its fixes (and dead-letters the rest)
     * @param clock    set to each record's arrival time before {@code input} sees it
     * @param stopping true once the engine is closing: an {@link IllegalStateException} then ends the pump
     */
    public LogPump(InputLog log, long from, MessageHandler input, RecordClock clock, BooleanSupplier stopping) {
        this.log = Objects.requireNonNull(log, "log");
        this.cursor = log.cursor(from);
        this.position = cursor.position();
        this.input = Objects.requireNonNull(input, "input");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.thread = new Thread(this::run, "wk-input");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (running) {
                serveBoundary();
                LogRecord r = cursor.next(POLL);
                if (r != null && !deliver(r)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // A corrupt log or a bug in reading it: stop here, visibly; the next start replays from the last
            // checkpoint, and nothing after this record is fed to the engine out of order.
            failure = e.toString();
            LOG.error("input log reader stopped at position {}: {}", position, e.toString(), e);
        } finally {
            running = false;
            serveBoundary(); // a cut asked for while stopping still gets an answer
        }
    }

    /** False when the engine has closed under us: the record stays in the log for the next start. */
    private boolean deliver(LogRecord r) {
        clock.set(Instant.ofEpochMilli(r.receivedMillis()));
        try {
            input.onMessage(r.source(), r.payload());
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException && stopping.getAsBoolean()) {
                LOG.debug("input log: stopping at position {}: {}", r.position(), e.toString());
                return false;
            }
            inputErrors.incrementAndGet();
            if (loggedErrorTypes.add(e.getClass())) {
                LOG.warn("input on {} failed; passed over, not retried (further {} are only counted)", r.source(),
                        e.getClass().getSimpleName(), e);
            }
        }
        position = r.next();
        records.incrementAndGet();
        return true;
    }

    private void serveBoundary() {
        Boundary<?> b = boundary.getAndSet(null);
        if (b != null) {
            b.run(position);
        }
    }

    /**
     * Runs {@code action} on the pump's thread between two records, with the position of the next
     * record to read: nothing read before it is after that position, nothing after it before.
     */
    public <T> CompletableFuture<T> atBoundary(LongFunction<T> action) {
        Boundary<T> b = new Boundary<>(action, new CompletableFuture<>());
        if (!boundary.compareAndSet(null, b)) {
            b.result().completeExceptionally(new IllegalStateException("a cut is already waiting"));
            return b.result();
        }
        if (!running && boundary.compareAndSet(b, null)) {
            b.result().completeExceptionally(new IllegalStateException("the input log reader has stopped"));
        }
        return b.result();
    }

    /** Why the reader stopped on its own (a corrupt log, a bug), or null while it reads. */
    public @Nullable String failure() {
        return failure;
    }

    /** The position of the next record to read. */
    public long position() {
        return position;
    }

    /** Records read and handed to the input so far. */
    public long records() {
        return records.get();
    }

    /** Records the input path threw on. */
    public long inputErrors() {
        return inputErrors.get();
    }

    /** Records appended and not yet read. */
    public long lag() {
        return Math.max(0, log.end() - position);
    }

    /** Waits up to {@code timeout} for the reader to reach the log's current end. */
    public boolean drain(Duration timeout) {
        long target = log.end();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < target && running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return position >= target;
    }

    /** Stops reading after the current record. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
