package io.watchkeeper.server.output.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    @Test
    void allHasNoFiltersAndTheDefaultLimit() {
        EventQuery q = EventQuery.all();
        assertThat(q.limit()).isEqualTo(100);
        assertThat(q.order()).isEqualTo(EventQuery.Order.OLDEST_FIRST);
        assertThat(q.vesselKey()).isNull();
        assertThat(q.cursor()).isNull();
    }

    @Test
    void withCopiesChangeOneField() {
        EventQuery q = EventQuery.all().withVesselKey("PORT1/3").withType("STATETRANSITION").withSite("PORT1")
                .withLimit(1000).withOrder(EventQuery.Order.NEWEST_FIRST);
        assertThat(q).isEqualTo(new EventQuery("PORT1/3", "STATETRANSITION", "PORT1", null, null, 1000, null,
                EventQuery.Order.NEWEST_FIRST));
    }

    @Test
    void limitIsOneToAThousand() {
        assertThatThrownBy(() -> EventQuery.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventQuery.all().withLimit(1001)).hasMessageContaining("1..1000");
    }

    @Test
    void untilBeforeSinceIsRefused() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> EventQuery.all().withSince(t).withUntil(t.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorsRoundTripAndForeignTextIsRefused() {
        PageCursor c = new PageCursor(-1_234_567L, "a:b/c-ü");
        assertThat(PageCursor.decode(c.encode())).isEqualTo(c);
        assertThat(c.encode()).matches("[A-Za-z0-9_-]+");
        for (String bad : new String[] {"", "%%%", "djE6", "djE6eHl6OmE", "eHl6"}) {
            assertThatThrownBy(() -> EventQuery.all().withCursor(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void epochMicrosRoundTripIncludingBeforeTheEpoch() {
        for (String s : new String[] {"2026-03-01T12:00:00.123456Z", "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(s);
            assertThat(EpochMicros.toInstant(EpochMicros.of(t))).isEqualTo(t);
        }
        assertThat(EpochMicros.of(Instant.parse("2026-03-01T12:00:00.123456789Z")) % 1_000_000).isEqualTo(123_456);
    }

    @Test
    void theQueryKeysOnTimeThenIdInTheRequestedDirection() {
        String cursor = new PageCursor(5, "x").encode();
        QuerySql sql = QuerySql.of(EventQuery.all().withVesselKey("v").withCursor(cursor)
                .withOrder(EventQuery.Order.NEWEST_FIRST).withLimit(10));
        assertThat(sql.text()).contains("vessel_key = ?", "event_time_us <= ? AND (event_time_us, event_id) < (?, ?)",
                "ORDER BY event_time_us DESC, event_id DESC", "LIMIT 11");
        assertThat(sql.parameters()).containsExactly("v", 5L, 5L, "x");
    }
}
