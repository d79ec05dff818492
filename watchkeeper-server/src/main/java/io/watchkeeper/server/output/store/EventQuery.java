package io.watchkeeper.server.output.store;

import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Which events to read: every filter that is null matches everything. Start from {@link #all()} and
 * narrow with the {@code withX} copies.
 *
 * @param vesselKey a {@link io.watchkeeper.core.fix.VesselId#key()}, e.g. {@code PORT1/3} or an MMSI
 * @param since     inclusive lower bound on event time
 * @param until     exclusive upper bound on event time
 * @param limit     page size, 1 to {@value #MAX_LIMIT}
 * @param cursor    {@link EventPage#nextCursor()} of the previous page, to continue after it
 * @param order     by event time then event id, which is what pagination keys on
 */
public record EventQuery(
        @Nullable String vesselKey,
        @Nullable String type,
        @Nullable String site,
        @Nullable Instant since,
        @Nullable Instant until,
        int limit,
        @Nullable String cursor,
        Order order) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Oldest first suits a consumer catching up; newest first suits "recent events of a vessel". */
    public enum Order { OLDEST_FIRST, NEWEST_FIRST }

    public EventQuery {
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
        if (cursor != null) {
            PageCursor.decode(cursor); // a bad cursor fails here, where the caller can still map it to a 400
        }
    }

    /** Everything, oldest first, {@value #DEFAULT_LIMIT} at a time. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, DEFAULT_LIMIT, null, Order.OLDEST_FIRST);
    }

    public EventQuery withVesselKey(@Nullable String vesselKey) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withType(@Nullable String type) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withSite(@Nullable String site) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withSince(@Nullable Instant since) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withUntil(@Nullable Instant until) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withLimit(int limit) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withCursor(@Nullable String cursor) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }

    public EventQuery withOrder(Order order) {
        return new EventQuery(vesselKey, type, site, since, until, limit, cursor, order);
    }
}
