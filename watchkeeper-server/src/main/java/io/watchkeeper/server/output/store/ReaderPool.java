package io.watchkeeper.server.output.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL event store's read connections: a HikariCP pool of at most {@link #MAX_READERS}, apart
 * from the writer's connection.
 *
 * <p>Why a pool, and HikariCP: with one shared connection, every HTTP read waited behind the writer's
 * batch and the writer behind every read, and a host that stopped answering held the lock, the writer and
 * then every Jetty thread. Readers need their own connections; opening one per request costs a TCP and
 * login round trip (and a backend process) per read, so they are pooled. HikariCP bounds the wait for a
 * connection ({@code connectionTimeout}, 5 s here), checks a connection before lending it, and replaces
 * broken ones: the three things a hand-written pool would have to get right. It is one 160 KB jar whose
 * only dependency, SLF4J, we already ship.
 *
 * <p>The pool starts empty and never fails to open ({@code initializationFailTimeout -1}): the writer has
 * already proved the database reachable, and a database that goes away later must not stop the engine.
 */
final class ReaderPool implements AutoCloseable {

    /** HTTP reads are rare and short; four cover bursts of dashboard requests. */
    static final int MAX_READERS = 4;
    /** How long a reader waits for a connection before its request fails (503), not for ever. */
    private static final long WAIT_MILLIS = 5_000;
    /**
     * The longest a read may wait for PostgreSQL's answer, in seconds: an API query takes milliseconds, so a
     * database silent for 10 s is not coming back soon, and the HTTP thread is better freed with a 503.
     */
    private static final String READ_TIMEOUT_SECONDS = "10";

    private final HikariDataSource pool;

    private ReaderPool(HikariDataSource pool) {
        this.pool = pool;
    }

    static ReaderPool open(String jdbcUrl, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store-readers");
        config.setJdbcUrl(jdbcUrl);
        Properties driver = dialect.connectionProperties();
        driver.setProperty("socketTimeout", READ_TIMEOUT_SECONDS);
        driver.stringPropertyNames().forEach(name -> config.addDataSourceProperty(name, driver.getProperty(name)));
        config.setMaximumPoolSize(MAX_READERS);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(WAIT_MILLIS);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        return new ReaderPool(new HikariDataSource(config));
    }

    /** A reader; close it to give it back. Throws after {@link #WAIT_MILLIS} if none can be had. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
