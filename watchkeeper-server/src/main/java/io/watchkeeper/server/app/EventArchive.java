package io.watchkeeper.server.app;

import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.store.BatchingEventSink;
import io.watchkeeper.server.store.EventStore;
import io.watchkeeper.server.store.EventStoreException;
import io.watchkeeper.server.store.JdbcEventStore;
import io.watchkeeper.server.store.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jetbrains.annotations.Nullable;

/**
 * Every event, persisted: the store (SQLite file by default, PostgreSQL by JDBC URL), the batching
 * sink that writes to it off the engine's threads, and the retention job. Restarting on the same
 * store keeps the history.
 */
public final class EventArchive implements AutoCloseable {

    /** How long closing waits for a failing database before it gives up on what is queued (logged, counted). */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** The SQLite file under the data directory when no JDBC URL is given. */
    public static final String DEFAULT_FILE = "events.db";

    private final JdbcEventStore store;
    private final String url;
    private final BatchingEventSink sink;
    private final ScheduledExecutorService scheduler;

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
        } catch (EventStoreException | java.io.UncheckedIOException | IllegalArgumentException e) {
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
        return new EventArchive(JdbcEventStore.redacted(url), store, sink, scheduler);
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

    /** Writes what is queued (giving up after {@link #CLOSE_TIMEOUT}, logged and counted), then closes the store. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            sink.close();
        } finally {
            store.close();
        }
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
