package io.watchkeeper.server.output.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jetbrains.annotations.Nullable;

/**
 * Fresh databases for the store's integration tests: an SQLite file under {@code work}, or a new
 * database in one PostgreSQL cluster ({@link PostgresCluster}) started on first need and stopped by
 * {@link #close()}. One instance per test class.
 */
final class TestDatabases implements AutoCloseable {

    /** Which database; a {@code @ParameterizedTest} over {@code @EnumSource(Backend.class)} runs on each. */
    enum Backend { SQLITE, POSTGRESQL }

    private final Path work;
    private @Nullable PostgresCluster postgres;

    TestDatabases(Path work) {
        this.work = work;
    }

    /** A JDBC URL of a new, empty database of {@code backend}. */
    String freshUrl(Backend backend) throws Exception {
        if (backend == Backend.SQLITE) {
            Path file = work.resolve("sqlite-" + UUID.randomUUID()).resolve("events.db").toAbsolutePath();
            Files.createDirectories(file.getParent());
            return "jdbc:sqlite:" + file;
        }
        return postgres().createDatabase();
    }

    synchronized PostgresCluster postgres() throws Exception {
        if (postgres == null) {
            postgres = PostgresCluster.start(work);
        }
        return postgres;
    }

    @Override
    public synchronized void close() throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
