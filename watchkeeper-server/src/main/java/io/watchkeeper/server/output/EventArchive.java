package io.watchkeeper.server.output;

import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.output.store.BatchingEventSink;
import io.watchkeeper.server.output.store.EventStore;
import io.watchkeeper.server.output.store.EventStoreException;
import io.watchkeeper.server.output.store.JdbcEventStore;
import io.watchkeeper.server.output.store.Retention;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event, persisted: the store (SQLite file by default, PostgreSQL by JDBC URL), the batching
 * sink that writes to it off the engine's threads, and the retention job. Restarting on the same
 * store keeps the history.
 */
public final class EventArchive implements AutoCloseable {

    /**
     * How long closing waits for a failing database before it gives up on what is queued (logged, counted):
     * the last step of {@code detect}'s 30 s stop budget (docs/reliability.md, "Stopping").
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** The SQLite file under the data directory when no JDBC URL is given. */
    public static final String DEFAULT_FILE = "events.db";
    /** How often the number of stored events for {@code /health} is counted: once a minute, off the request. */
    static final Duration COUNT_PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(EventArchive.class);

    private final JdbcEventStore store;
    private final String url;
    private final BatchingEventSink sink;
    private final ScheduledExecutorService scheduler;
    /** The last count of stored events; null until the first one. Written by the scheduler only. */
    private final AtomicReference<Count> lastCount = new AtomicReference<>();
    private volatile boolean countFailing;

    /** A {@code COUNT(*)}, and how many events the sink had appended just before it was taken. */
    private record Count(long rows, long appendedBefore) {
    }

    private EventArchive(String url, JdbcEventStore store, BatchingEventSink sink, ScheduledExecutorService scheduler) {
        this.url = url;
        this.store = store;
        this.sink = sink;
        this.scheduler = scheduler;
    }

    /**
     * @param jdbcUrl   {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}; null for
     *                  {@code DATA_DIR/events.db}
     * @param retention events detected longer ago than this are deleted hourly; zero keeps all
     * @throws ConfigException if the store cannot be opened, with the URL and the reason
     */
    public static EventArchive open(@Nullable String jdbcUrl, Path dataDir, Duration retention, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        JdbcEventStore store;
        try {
            store = jdbcUrl == null ? JdbcEventStore.openSqlite(dataDir.resolve(DEFAULT_FILE)) : JdbcEventStore.open(jdbcUrl);
        } catch (EventStoreException | UncheckedIOException | IllegalArgumentException e) {
            throw new ConfigException("event store " + (jdbcUrl == null ? dataDir.resolve(DEFAULT_FILE)
                    : JdbcEventStore.redacted(jdbcUrl)) + ": " + e.getMessage());
        }
        BatchingEventSink sink = BatchingEventSink.start(store,
                BatchingEventSink.Settings.defaults().withCloseTimeout(CLOSE_TIMEOUT));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-store-retention");
            t.setDaemon(true);
            return t;
        });
        new Retention(store, retention, clock).schedule(scheduler, Retention.DEFAULT_PERIOD);
        String url = jdbcUrl == null ? "jdbc:sqlite:" + dataDir.resolve(DEFAULT_FILE).toAbsolutePath() : jdbcUrl;
        EventArchive archive = new EventArchive(JdbcEventStore.redacted(url), store, sink, scheduler);
        scheduler.scheduleWithFixedDelay(archive::recount, 0, COUNT_PERIOD.toSeconds(), TimeUnit.SECONDS);
        return archive;
    }

    /**
     * How many events the store holds: the last count (at most {@link #COUNT_PERIOD} ago) plus what the sink
     * appended since; -1 before the first count. Between counts it may run slightly high (a redelivered
     * event appended again is ignored by the database but counted here) or miss the retention's deletions;
     * each count corrects it. {@code /health} shows this rather than counting per request: a
     * {@code COUNT(*)} on every probe loaded the database, and a database that stopped answering stalled
     * the probe and, through the shared connection, the writer.
     */
    public long storedEvents() {
        Count c = lastCount.get();
        return c == null ? -1 : c.rows() + sink.stats().appended() - c.appendedBefore();
    }

    /** On the scheduler thread. A failed count keeps the last one; the first failure of a streak is logged. */
    private void recount() {
        try {
            long appendedBefore = sink.stats().appended();
            lastCount.set(new Count(store.count(), appendedBefore));
            if (countFailing) {
                countFailing = false;
                LOG.info("the event store can be counted again: {} events", storedEvents());
            }
        } catch (EventStoreException e) {
            // thrown on, the scheduler would cancel every later count; /health keeps the last one
            if (!countFailing) {
                countFailing = true;
                LOG.warn("cannot count the stored events for /health; it shows the last count until this works: {}",
                        e.getMessage());
            }
        }
    }

    /**
     * Where events go: queued, batched and written off the caller's thread. Its {@code flush()} returns
     * once events are queued, not written: the engine flushes its sinks when it stops, and must not wait
     * for a failing database; {@link #close()} writes what is queued, within {@link #CLOSE_TIMEOUT}.
     */
    public EventSink sink() {
        return sink::accept;
    }

    /**
     * Returns once every event handed to {@link #sink()} before this call is written to the store; a
     * checkpoint waits for it before it acknowledges the input those events came from.
     */
    public void awaitStored() {
        sink.flush();
    }

    /** The store's JDBC URL, without credentials. */
    public String url() {
        return url;
    }

    /** False once the writer has stopped (closed, or died): events would no longer be stored. */
    public boolean writing() {
        return sink.isWriting();
    }

    public EventStore store() {
        return store;
    }

    public BatchingEventSink.Stats stats() {
        return sink.stats();
    }

    /**
     * Writes what is queued (giving up after {@link #CLOSE_TIMEOUT}, logged and counted), then closes the
     * store; if the writer is stuck in a statement the database never answers, aborts the connection
     * instead of waiting for it.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            sink.close();
        } finally {
            if (sink.writerStuck()) {
                LOG.warn("the event store {} did not answer within {}: its connection is aborted", url, CLOSE_TIMEOUT);
                store.abort();
            } else {
                store.close();
            }
        }
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
