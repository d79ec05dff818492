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

    /** The SQLite file under the data directory when no JDBC URL is given. */
    public static final String DEFAULT_FILE = "events.db";

    private final JdbcEventStore store;
    private final BatchingEventSink sink;
    private final ScheduledExecutorService scheduler;

    private EventArchive(JdbcEventStore store, BatchingEventSink sink, ScheduledExecutorService scheduler) {
        this.store = store;
        this.sink = sink;
        this.scheduler = scheduler;
    }

    /**
     * @param jdbcUrl   {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}; null for
     *                  {@code DATA_DIR/events.db}
     * @param retention events older than this (event time) are deleted hourly; zero keeps all
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
        BatchingEventSink sink = BatchingEventSink.start(store, BatchingEventSink.Settings.defaults());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-store-retention");
            t.setDaemon(true);
            return t;
        });
        new Retention(store, retention, clock).schedule(scheduler, Retention.DEFAULT_PERIOD);
        return new EventArchive(store, sink, scheduler);
    }

    /** Where events go: queued, batched and written off the caller's thread. */
    public EventSink sink() {
        return sink;
    }

    public EventStore store() {
        return store;
    }

    public BatchingEventSink.Stats stats() {
        return sink.stats();
    }

    /** Writes what is queued, then closes the store. */
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
