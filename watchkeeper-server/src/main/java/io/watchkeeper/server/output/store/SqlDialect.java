package io.watchkeeper.server.output.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * What differs between the supported databases. Deliberately little: the schema, the migrations and every
 * statement are the same portable SQL ({@code INSERT ... ON CONFLICT (event_id) DO NOTHING} needs SQLite
 * 3.24 or later); only how a connection is opened and tuned differs.
 */
enum SqlDialect {

    /** The embedded default. WAL lets the API read while the writer writes; NORMAL syncs at checkpoints only. */
    SQLITE("jdbc:sqlite:") {
        @Override
        void configure(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
        }
    },

    /**
     * Rewriting batched inserts into multi-row INSERTs cuts one round trip per event to one per batch. The
     * driver's timeouts are all off by default: a host that stops answering (no RST, no FIN: a crashed VM, a
     * stopped process, a dropped route) would hang a connect or a read forever. 10 s to connect and log in,
     * 60 s for any one answer (a batch of 500 rows takes milliseconds; the hourly retention DELETE is the
     * slowest statement), and TCP keep-alive. Parameters in the user's URL override these.
     */
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        Properties connectionProperties() {
            Properties p = new Properties();
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("connectTimeout", "10");
            p.setProperty("loginTimeout", "10");
            p.setProperty("socketTimeout", "60");
            p.setProperty("tcpKeepAlive", "true");
            return p;
        }
    };

    /** SQLSTATE classes of a refused value: 22 data exception (a NUL byte, a bad encoding), 23 constraint. */
    private static final String DATA_EXCEPTION = "22";
    private static final String CONSTRAINT_VIOLATION = "23";
    /** SQLite's result codes for the same (it sets no SQLSTATE): TOOBIG, CONSTRAINT, MISMATCH. */
    private static final int SQLITE_TOOBIG = 18;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_MISMATCH = 20;

    private final String urlPrefix;

    SqlDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    static SqlDialect forUrl(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        for (SqlDialect d : values()) {
            if (jdbcUrl.startsWith(d.urlPrefix)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported event store URL (want jdbc:sqlite: or jdbc:postgresql:): "
                + redact(jdbcUrl));
    }

    /**
     * Whether {@code e} (or one chained to it, as a batch chains its rows' errors) says the database refused
     * the data itself, which no retry can change, rather than failing.
     */
    boolean refusesData(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith(DATA_EXCEPTION) || state.startsWith(CONSTRAINT_VIOLATION))) {
                return true;
            }
            int code = x.getErrorCode() & 0xFF; // SQLite's extended codes carry the primary one in the low byte
            if (this == SQLITE && (code == SQLITE_TOOBIG || code == SQLITE_CONSTRAINT || code == SQLITE_MISMATCH)) {
                return true;
            }
        }
        return false;
    }

    /** Extra driver properties; URL parameters given by the user still apply. */
    Properties connectionProperties() {
        return new Properties();
    }

    /** Run once on each new connection, outside any transaction. */
    void configure(Connection connection) throws SQLException {
    }

    /**
     * A URL for messages and logs: query parameters ({@code ?password=}), semicolon properties
     * ({@code ;password=}) and user info ({@code //user:secret@host}) may all carry a password.
     */
    static String redact(String jdbcUrl) {
        String url = jdbcUrl.replaceAll("//[^/@?;]*@", "//***@");
        int cut = -1;
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut < 0 ? url : url.substring(0, cut) + url.charAt(cut) + "...";
    }
}
