package io.watchkeeper.server.store;

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

    /** Rewriting batched inserts into multi-row INSERTs cuts one round trip per event to one per batch. */
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        Properties connectionProperties() {
            Properties p = new Properties();
            p.setProperty("reWriteBatchedInserts", "true");
            return p;
        }
    };

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
