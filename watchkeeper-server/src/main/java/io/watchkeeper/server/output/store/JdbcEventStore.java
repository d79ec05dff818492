package io.watchkeeper.server.output.store;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.mqtt.wire.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * {@link EventStore} on SQLite or PostgreSQL through plain JDBC, one schema for both (see {@link Migrations}).
 *
 * <p>The writer (the batching sink, and the hourly retention) has one connection of its own, used under
 * this object's lock. A connection that breaks (PostgreSQL restarted, network) is dropped and a new one
 * opened by the next call, so the sink's retries can succeed once the database is back.
 *
 * <p>Reads ({@code /api/events}, counts) on PostgreSQL take a connection from a small HikariCP pool
 * ({@link ReaderPool}) instead: they never wait behind a batch, a batch never waits behind them, and a
 * database that stops answering holds a reader for at most the pool's 5 s wait or the driver's timeouts
 * ({@link SqlDialect#POSTGRESQL}), not for ever. SQLite reads stay on the writer's connection: the file is
 * local and cannot stop answering.
 */
public final class JdbcEventStore implements EventStore {

    /** The embedded default, relative to the working directory. */
    public static final Path DEFAULT_SQLITE_FILE = Path.of("data", "events.db");

    private static final String COLUMNS = "event_id, type, site, vessel_key, machine, from_state, to_state, "
            + "event_time_us, detected_at_us, json";
    private static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (event_id) DO NOTHING";

    private final String url;
    private final SqlDialect dialect;
    private final EventJson eventJson = new EventJson();
    /**
     * Written under {@code this}; null after a failure broke it or after {@link #close()}. Volatile for
     * {@link #abort()}, which must not wait for the lock a hung statement holds.
     */
    private volatile @Nullable Connection connection;
    private volatile boolean closed;
    /** PostgreSQL's readers; null for SQLite, whose reads use {@link #connection}. */
    private final @Nullable ReaderPool readers;

    private JdbcEventStore(String url, SqlDialect dialect, Connection connection) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
        this.readers = dialect == SqlDialect.POSTGRESQL ? ReaderPool.open(url, dialect) : null;
    }

    /** A read on a connection, which may throw; the store wraps what it throws. */
    @FunctionalInterface
    private interface Read<T> {
        T on(Connection c) throws SQLException;
    }

    /** Opens {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...} and migrates its schema. */
    public static JdbcEventStore open(String jdbcUrl) {
        return open(jdbcUrl, Migrations.bundled(), Clock.systemUTC());
    }

    /** Opens (creating it and its parent directories if needed) an SQLite file and migrates its schema. */
    public static JdbcEventStore openSqlite(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the event store " + absolute, e);
        }
        return open("jdbc:sqlite:" + absolute);
    }

    /** {@link #open(String)} with the migrations and the clock (for {@code schema_version.applied_at_us}) given. */
    public static JdbcEventStore open(String jdbcUrl, Migrations migrations, Clock clock) {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(clock, "clock");
        SqlDialect dialect = SqlDialect.forUrl(jdbcUrl);
        Connection c = connect(jdbcUrl, dialect);
        try {
            migrations.apply(c, clock);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof EventStoreException ese) {
                throw ese;
            }
            throw new EventStoreException("cannot migrate the event store at " + SqlDialect.redact(jdbcUrl), e);
        }
        return new JdbcEventStore(jdbcUrl, dialect, c);
    }

    @Override
    public void append(List<Event> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        List<String> json = new ArrayList<>(batch.size());
        for (Event e : batch) { // encoded before taking the lock, so readers wait less
            json.add(new String(eventJson.encode(e), StandardCharsets.UTF_8));
        }
        synchronized (this) {
            Connection c = connection();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement(INSERT)) {
                    for (int i = 0; i < batch.size(); i++) {
                        bind(p, batch.get(i), json.get(i));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            } catch (SQLException e) {
                rollback(c, e);
                throw failure("cannot append " + batch.size() + " events", e);
            }
        }
    }

    private static void bind(PreparedStatement p, Event e, String json) throws SQLException {
        p.setString(1, e.eventId());
        p.setString(2, e.type());
        p.setString(3, e.site());
        p.setString(4, e.vessel().key());
        p.setString(5, e.machine());
        p.setString(6, e.from());
        p.setString(7, e.to());
        p.setLong(8, EpochMicros.of(e.time()));
        p.setLong(9, EpochMicros.of(e.detectedAt()));
        p.setString(10, json);
    }

    @Override
    public EventPage query(EventQuery q) {
        Objects.requireNonNull(q, "q");
        QuerySql sql = QuerySql.of(q);
        List<StoredEvent> events = read("cannot query events", c -> {
            List<StoredEvent> rows = new ArrayList<>(Math.min(q.limit() + 1, 128));
            try (PreparedStatement p = c.prepareStatement(sql.text())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    p.setObject(i + 1, sql.parameters().get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(read(r));
                    }
                }
            }
            return rows;
        });
        if (events.size() <= q.limit()) { // one row more than the limit was asked for, to know if a page follows
            return new EventPage(events, Optional.empty());
        }
        List<StoredEvent> page = events.subList(0, q.limit());
        StoredEvent last = page.get(page.size() - 1);
        return new EventPage(page, Optional.of(new PageCursor(EpochMicros.of(last.time()), last.eventId()).encode()));
    }

    private static StoredEvent read(ResultSet r) throws SQLException {
        return new StoredEvent(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), EpochMicros.toInstant(r.getLong(8)),
                EpochMicros.toInstant(r.getLong(9)), r.getString(10));
    }

    @Override
    public long count() {
        return read("cannot count events", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM events")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Runs {@code body} on a reader of the pool, or (SQLite) on the writer's connection under its lock. */
    private <T> T read(String what, Read<T> body) {
        ReaderPool pool = readers;
        if (pool == null) {
            synchronized (this) {
                try {
                    return body.on(connection());
                } catch (SQLException e) {
                    throw failure(what, e);
                }
            }
        }
        try (Connection c = pool.connection()) {
            return body.on(c);
        } catch (SQLException e) {
            throw new EventStoreException(what + " in " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        Connection c = connection();
        try (PreparedStatement p = c.prepareStatement("DELETE FROM events WHERE detected_at_us < ?")) {
            p.setLong(1, EpochMicros.of(cutoff));
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot delete events older than " + cutoff, e);
        }
    }

    /** Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        Connection c = connection;
        connection = null;
        if (readers != null) {
            readers.close();
        }
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new EventStoreException("cannot close the event store cleanly", e);
            }
        }
    }

    /**
     * Closes at once, without the lock: for a writer stuck in a statement the database never answers (a
     * frozen PostgreSQL host; its socket timeout is 60 s). The driver drops the connection, and the stuck
     * statement fails. Nothing waits for the database.
     */
    public void abort() {
        closed = true;
        Connection c = connection;
        if (readers != null) {
            readers.close();
        }
        if (c == null) {
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            throw new EventStoreException("cannot abort the event store's connection", e);
        }
    }

    /** {@code jdbcUrl} with any password or user info removed: safe for logs and error lines. */
    public static String redacted(String jdbcUrl) {
        return SqlDialect.redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "JdbcEventStore[" + dialect + " " + SqlDialect.redact(url) + "]";
    }

    /** The open connection, reopened if a failure dropped it. Callers hold the lock. */
    private Connection connection() {
        if (closed) {
            throw new IllegalStateException("the event store is closed");
        }
        Connection c = connection;
        if (c == null) {
            c = connect(url, dialect);
            connection = c;
        }
        return c;
    }

    /** Wraps {@code e}, and drops the connection if it no longer works so that the next call reconnects. */
    private EventStoreException failure(String what, SQLException e) {
        Connection c = connection;
        boolean valid;
        try {
            valid = c != null && c.isValid(2);
        } catch (SQLException check) {
            e.addSuppressed(check);
            valid = false;
        }
        if (!valid && c != null) {
            connection = null;
            closeQuietly(c, e);
        }
        // A failed batch's own message spells out every row (the PostgreSQL driver inlines the values);
        // the first chained exception says what went wrong without flooding the log.
        SQLException reason = e instanceof BatchUpdateException && e.getNextException() != null
                ? e.getNextException() : e;
        String message = what + " in " + this + ": " + reason.getMessage();
        // only a database that still answers can have refused the data: a broken connection is a failure
        return valid && dialect.refusesData(e) ? EventStoreException.refusal(message, reason)
                : new EventStoreException(message, reason);
    }

    private static Connection connect(String url, SqlDialect dialect) {
        try {
            Connection c = DriverManager.getConnection(url, dialect.connectionProperties());
            try {
                dialect.configure(c);
            } catch (SQLException e) {
                closeQuietly(c, e);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new EventStoreException("cannot connect to the event store at " + SqlDialect.redact(url)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Rolls back after {@code cause}; a failing rollback is attached to it rather than hiding it. */
    static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
