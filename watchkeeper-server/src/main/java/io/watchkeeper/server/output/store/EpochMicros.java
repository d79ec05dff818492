package io.watchkeeper.server.output.store;

import java.time.Instant;

/**
 * Instants as epoch microseconds, the stored form: a BIGINT compares and indexes the same way in SQLite
 * and PostgreSQL, where their native timestamp types do not. Nanoseconds below a microsecond are dropped.
 */
final class EpochMicros {

    private static final long PER_SECOND = 1_000_000L;

    private EpochMicros() {
    }

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), PER_SECOND), t.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
    }
}
