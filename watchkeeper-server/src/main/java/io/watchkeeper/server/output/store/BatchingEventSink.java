package io.watchkeeper.server.output.store;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists events off the engine's hot path: {@link #accept} puts the event on a bounded queue, and one
 * writer thread appends what is queued to the {@link EventStore} in batches.
 *
 * <p>Batching has no timer: the writer takes everything queued (up to {@code maxBatch}) as soon as the
 * previous append returns, so batches grow with the load by themselves and a lone event is written at once.
 *
 * <p>The engine never waits for the database. When the queue is full (the database has been down or slow
 * for a while: 65,536 events by default), {@code accept} drops the event, counts it in
 * {@link Stats#dropped()} and logs a WARN at most every 10 s; detection and the MQTT output go on. Why drop
 * rather than block or spill to disk: docs/reliability.md.
 *
 * <p>A failing append (connection lost, database locked) is retried, with exponential backoff, until it
 * succeeds; the first failure of a streak is logged with its exception and the recovery once. A batch the
 * database refuses ({@link EventStoreException#refused()}, such as a NUL PostgreSQL cannot store) is
 * written again row by row, so that one bad row does not hold back the rest; each row still refused is
 * counted in {@link Stats#rejected()} and logged (at most one WARN per 10 s), and the writer goes on. Only
 * {@link #close()} may give up, after {@code closeTimeout}, and then logs and counts what it could not store.
 */
public final class BatchingEventSink implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingEventSink.class);
    /** How often a blocked producer or the idle writer looks up to notice a close or a dead writer. */
    private static final long WAKE_MILLIS = 100;
    /** How long closing waits for an interrupted writer; one blocked in a socket read does not notice. */
    private static final Duration INTERRUPT_PATIENCE = Duration.ofMillis(500);

    /**
     * @param capacity       events the queue holds; further ones are dropped (and counted) until there is room
     * @param maxBatch       events per append at most
     * @param initialBackoff wait after the first failed append; doubles per further failure
     * @param maxBackoff     the longest wait between retries
     * @param closeTimeout   how long {@link #close()} waits for the queue to be stored
     */
    public record Settings(int capacity, int maxBatch, Duration initialBackoff, Duration maxBackoff,
                           Duration closeTimeout) {

        public Settings {
            if (capacity < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("capacity and maxBatch must be positive");
            }
            requirePositive(initialBackoff, "initialBackoff");
            requirePositive(maxBackoff, "maxBackoff");
            requirePositive(closeTimeout, "closeTimeout");
        }

        public static Settings defaults() {
            return new Settings(65_536, 500, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        public Settings withCapacity(int capacity) {
            return new Settings(capacity, maxBatch, initialBackoff, maxBackoff, closeTimeout);
        }

        public Settings withMaxBatch(int maxBatch) {
            return new Settings(capacity, maxBatch, initialBackoff, maxBackoff, closeTimeout);
        }

        public Settings withBackoff(Duration initialBackoff, Duration maxBackoff) {
            return new Settings(capacity, maxBatch, initialBackoff, maxBackoff, closeTimeout);
        }

        public Settings withCloseTimeout(Duration closeTimeout) {
            return new Settings(capacity, maxBatch, initialBackoff, maxBackoff, closeTimeout);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }
    }

    /**
     * @param accepted   events queued by {@link #accept}
     * @param appended   events in appends that succeeded (duplicates included: the store ignores them)
     * @param batches    appends that succeeded
     * @param failures   appends that failed and were retried
     * @param dropped    events {@link #accept} found no room for (the queue was full): not stored
     * @param rejected   events the database refused, row by row: not stored
     * @param unstored   events given up on by a {@link #close()} that timed out; otherwise 0
     * @param queueDepth events waiting now
     */
    public record Stats(long accepted, long appended, long batches, long failures, long dropped, long rejected,
                        long unstored, int queueDepth) {
    }

    private final EventStore store;
    private final Settings settings;
    /** Events, and the {@link FlushMark}s that {@link #flush()} waits behind. */
    private final BlockingQueue<Object> queue;
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final WarnLimiter dropWarning = new WarnLimiter();
    private final WarnLimiter rejectWarning = new WarnLimiter();
    private final AtomicLong unstored = new AtomicLong();
    /** Producers between their closing check and the end of their put; the writer exits only at zero. */
    private final AtomicInteger producersInside = new AtomicInteger();
    private volatile boolean closing;

    /** Put behind the events accepted so far; the writer opens it once they are stored. */
    private record FlushMark(CountDownLatch stored) {
    }

    private BatchingEventSink(EventStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.writer = new Thread(this::run, "event-store-writer");
        // a writer stuck in a database call that never returns must not keep the process alive
        this.writer.setDaemon(true);
    }

    /** A sink writing to {@code store}, with its writer thread started. Does not own the store. */
    public static BatchingEventSink start(EventStore store, Settings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        BatchingEventSink sink = new BatchingEventSink(store, settings);
        sink.writer.start();
        return sink;
    }

    /**
     * Queues {@code event}, or drops it (counted, logged at most every 10 s) if the queue is full; never
     * blocks. Throws {@link IllegalStateException} after {@link #close()}; the event is then not queued.
     */
    @Override
    public void accept(Event event) {
        Objects.requireNonNull(event, "event");
        producersInside.incrementAndGet();
        try {
            if (closing) {
                throw new IllegalStateException("the event store sink is closed; event " + event.eventId()
                        + " not stored");
            }
            if (queue.offer(event)) {
                accepted.incrementAndGet();
            } else {
                drop();
            }
        } finally {
            producersInside.decrementAndGet();
        }
    }

    private void drop() {
        long n = dropped.incrementAndGet();
        if (dropWarning.allow()) {
            LOG.warn("The event store queue is full ({} events; the database is down or too slow): events are "
                    + "dropped, not stored ({} so far, watchkeeper_store_dropped_total); detection goes on",
                    settings.capacity(), n);
        }
    }

    private void putWhileWriterRuns(Object item) throws InterruptedException {
        while (!queue.offer(item, WAKE_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!writer.isAlive()) {
                throw new IllegalStateException("the event store writer has stopped");
            }
        }
    }

    /**
     * Waits until every event accepted before this call (by any thread, if that accept happened before it)
     * has been appended to the store, however long a failing database takes to recover. A mark queued
     * behind those events makes this exact without counting. Returns at once after {@link #close()}.
     */
    @Override
    public void flush() {
        if (closing) {
            return;
        }
        FlushMark mark = new FlushMark(new CountDownLatch(1));
        try {
            putWhileWriterRuns(mark);
            while (!mark.stored().await(WAKE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!writer.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing the event store sink", e);
        }
    }

    /** Whether the writer thread is still alive: after {@link #close()}, one stuck in a database call. */
    public boolean writerStuck() {
        return closing && writer.isAlive();
    }

    /** Whether the writer thread still runs and the sink still accepts events. */
    public boolean isWriting() {
        return !closing && writer.isAlive();
    }

    public Stats stats() {
        return new Stats(accepted.get(), appended.get(), batches.get(), failures.get(), dropped.get(), rejected.get(),
                unstored.get(), queue.size());
    }

    /**
     * Stops accepting, stores what is queued and stops the writer. If the store still fails after
     * {@code closeTimeout}, gives up: logs and counts the events not stored. Does not close the store.
     * Returns within {@code closeTimeout} plus half a second even if the writer is stuck in a database
     * call that ignores the interrupt (a PostgreSQL that does not answer); {@link #writerStuck()} then
     * says so, and the owner of the store aborts its connection.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(settings.closeTimeout().toMillis());
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(INTERRUPT_PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the event store sink", e);
        }
    }

    private void run() {
        List<Object> drained = new ArrayList<>(settings.maxBatch());
        List<Event> batch = new ArrayList<>(settings.maxBatch());
        try {
            while (true) {
                Object first = queue.poll(WAKE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && producersInside.get() == 0 && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                drained.add(first);
                queue.drainTo(drained, settings.maxBatch() - 1);
                store(drained, batch);
                drained.clear();
            }
        } catch (InterruptedException e) {
            // Only close() interrupts, after its timeout: what is left is given up on, loudly.
            long lost = accepted.get() - appended.get() - rejected.get(); // producers can no longer add: closing is set
            unstored.addAndGet(lost);
            LOG.error("Event store sink closed after {} with {} events not stored: the store kept failing",
                    settings.closeTimeout(), lost);
        } finally {
            queue.drainTo(drained);
            for (Object item : drained) {
                if (item instanceof FlushMark mark) {
                    mark.stored().countDown();
                }
            }
        }
    }

    /** Appends the events of {@code drained} in order, opening each flush mark once the events before it are stored. */
    private void store(List<Object> drained, List<Event> batch) throws InterruptedException {
        for (int i = 0; i < drained.size(); i++) {
            Object item = drained.get(i);
            if (item instanceof Event event) {
                batch.add(event);
            } else if (item instanceof FlushMark mark) {
                appendUntilStored(batch);
                batch.clear();
                mark.stored().countDown();
            }
        }
        appendUntilStored(batch);
        batch.clear();
    }

    /** Appends {@code batch}; if the database refuses it, row by row, so that only the bad rows are left out. */
    private void appendUntilStored(List<Event> batch) throws InterruptedException {
        if (batch.isEmpty() || appendRetrying(batch) == null) {
            return;
        }
        for (Event event : batch) {
            EventStoreException refusal = appendRetrying(List.of(event));
            if (refusal != null) {
                reject(event, refusal);
            }
        }
    }

    /**
     * Appends {@code rows}, retrying failures with backoff until the database takes them (returns null) or
     * refuses them (returns the refusal).
     */
    private @Nullable EventStoreException appendRetrying(List<Event> rows) throws InterruptedException {
        long backoffMillis = settings.initialBackoff().toMillis();
        int streak = 0;
        while (true) {
            try {
                store.append(rows);
                break;
            } catch (RuntimeException e) {
                if (e instanceof EventStoreException ese && ese.refused()) {
                    return ese;
                }
                failures.incrementAndGet();
                streak++;
                if (streak == 1) {
                    LOG.warn("Appending {} events to the event store failed; retrying until it succeeds "
                            + "(new events queue up, then are dropped)", rows.size(), e);
                }
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
            }
        }
        if (streak > 0) {
            LOG.info("The event store accepts writes again after {} failed attempts", streak);
        }
        appended.addAndGet(rows.size());
        batches.incrementAndGet();
        return null;
    }

    private void reject(Event event, EventStoreException refusal) {
        long n = rejected.incrementAndGet();
        if (rejectWarning.allow()) {
            LOG.warn("The event store refused event {} of vessel '{}', not stored ({} refused so far, "
                    + "watchkeeper_store_rejected_total): {}", event.eventId(),
                    event.vessel().key().replaceAll("\\p{Cntrl}", "?"), n, refusal.getMessage());
        }
    }
}
