package io.watchkeeper.server.output.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The SELECT for an {@link EventQuery}: filters, then keyset pagination on (event time, event id), which
 * stays fast and stable on deep pages where OFFSET would rescan and skip or repeat rows as events arrive.
 * Fetches one row more than the limit, to tell whether another page follows.
 */
record QuerySql(String text, List<Object> parameters) {

    QuerySql {
        parameters = List.copyOf(parameters);
    }

    static QuerySql of(EventQuery q) {
        StringBuilder sql = new StringBuilder("SELECT event_id, type, site, vessel_key, machine, from_state, to_state, "
                + "event_time_us, detected_at_us, json FROM events WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.vesselKey() != null) {
            sql.append(" AND vessel_key = ?");
            params.add(q.vesselKey());
        }
        if (q.type() != null) {
            sql.append(" AND type = ?");
            params.add(q.type());
        }
        if (q.site() != null) {
            sql.append(" AND site = ?");
            params.add(q.site());
        }
        if (q.since() != null) {
            sql.append(" AND event_time_us >= ?");
            params.add(EpochMicros.of(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND event_time_us < ?");
            params.add(EpochMicros.of(q.until()));
        }
        boolean newestFirst = q.order() == EventQuery.Order.NEWEST_FIRST;
        if (q.cursor() != null) {
            PageCursor after = PageCursor.decode(q.cursor());
            // A row-value comparison (SQLite 3.15+, PostgreSQL) is an index range: the next page starts
            // where the last ended, however deep. The plain bound on time helps any planner that misses that.
            String cmp = newestFirst ? "<" : ">";
            sql.append(" AND event_time_us ").append(cmp).append("= ?");
            sql.append(" AND (event_time_us, event_id) ").append(cmp).append(" (?, ?)");
            params.add(after.timeMicros());
            params.add(after.timeMicros());
            params.add(after.eventId());
        }
        String direction = newestFirst ? "DESC" : "ASC";
        sql.append(" ORDER BY event_time_us ").append(direction).append(", event_id ").append(direction);
        sql.append(" LIMIT ").append(q.limit() + 1);
        return new QuerySql(sql.toString(), params);
    }
}
