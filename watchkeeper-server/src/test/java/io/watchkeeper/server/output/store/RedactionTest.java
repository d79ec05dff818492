package io.watchkeeper.server.output.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Store URLs reach error lines, logs and /health: no password may come with them. */
class RedactionTest {

    @Test
    void passwordsInEveryPlaceAJdbcUrlCanHoldThemAreRemoved() {
        assertThat(JdbcEventStore.redacted("jdbc:postgresql://wk:s3cret@db:5432/x"))
                .isEqualTo("jdbc:postgresql://***@db:5432/x");
        assertThat(JdbcEventStore.redacted("jdbc:postgresql://db/x?user=wk&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/x?...");
        assertThat(JdbcEventStore.redacted("jdbc:postgresql://db/x;password=s3cret")).isEqualTo("jdbc:postgresql://db/x;...");
        assertThat(JdbcEventStore.redacted("jdbc:sqlite:/data/events.db")).isEqualTo("jdbc:sqlite:/data/events.db");
        assertThat(JdbcEventStore.redacted("jdbc:postgresql://u:p@db/x?password=q")).doesNotContain("p@", "=q");
    }
}
