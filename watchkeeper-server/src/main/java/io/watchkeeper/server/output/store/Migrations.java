package io.watchkeeper.server.output.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<description>.sql} on the class path, applied in
 * order, each in its own transaction together with its row in {@code schema_version}. Re-running applies
 * nothing; a database whose version is newer than the newest migration known here is refused rather than
 * written with an older idea of the schema.
 *
 * <p>The same files serve SQLite and PostgreSQL, so they must stay portable SQL. Statements are split on
 * a {@code ;} that ends a line; {@code --} comment lines are ignored.
 */
public final class Migrations {

    /** Where the bundled migrations live on the class path. */
    public static final String LOCATION = "db/migration/";

    /**
     * The bundled files, in order. Listed rather than discovered because a class path inside a jar cannot
     * be listed portably; {@link #bundled()} fails if a listed file is missing.
     */
    private static final List<String> BUNDLED = List.of("V1__events.sql", "V2__retention_by_detection_time.sql");

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    /** One migration: its version, the description from its file name, and its SQL. */
    public record Migration(int version, String description, String sql) {
        public Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(sql, "sql");
            if (version < 1) {
                throw new IllegalArgumentException("migration versions start at 1, was " + version);
            }
        }
    }

    private final List<Migration> migrations;

    /** {@code migrations} must be numbered 1, 2, 3, ... without gaps, in order. */
    public Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " expected, found version "
                        + this.migrations.get(i).version());
            }
        }
    }

    /** The migrations shipped in {@value #LOCATION}. */
    public static Migrations bundled() {
        List<Migration> list = new ArrayList<>();
        for (String name : BUNDLED) {
            list.add(parse(name, readResource(LOCATION + name)));
        }
        return new Migrations(list);
    }

    /** The migrations, in order. */
    public List<Migration> list() {
        return migrations;
    }

    /** The newest version these migrations bring a database to. */
    public int latestVersion() {
        return migrations.size();
    }

    /**
     * Brings the database on {@code connection} (in auto-commit mode) to {@link #latestVersion()}; returns how
     * many migrations were applied. Throws {@link EventStoreException} if the database is newer.
     */
    public int apply(Connection connection, Clock clock) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(clock, "clock");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at_us BIGINT NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new EventStoreException("the event store's schema is version " + current
                    + ", newer than this Watchkeeper knows (" + latestVersion()
                    + "); refusing to use it: upgrade Watchkeeper or point it at another database");
        }
        for (Migration m : migrations.subList(current, migrations.size())) {
            applyOne(connection, m, clock);
        }
        return latestVersion() - current;
    }

    /** The version recorded in {@code schema_version}; 0 for a database without migrations. */
    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void applyOne(Connection connection, Migration m, Clock clock) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                for (String sql : statements(m.sql())) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at_us) VALUES (?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setLong(3, EpochMicros.of(clock.instant()));
                p.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            JdbcEventStore.rollback(connection, e);
            throw new EventStoreException("migration V" + m.version() + "__" + m.description()
                    + " failed and was rolled back: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** {@code V<n>__<description>.sql} and its text as a migration. */
    static Migration parse(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file names look like V1__events.sql, not " + fileName);
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), sql);
    }

    /** The statements of a migration file. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("migration ends without ';': " + current.toString().strip());
        }
        return out;
    }

    private static String readResource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled migration missing from the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }
}
