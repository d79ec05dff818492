package io.watchkeeper.server.output.store;

import io.watchkeeper.core.event.Event;
import java.time.Instant;
import java.util.List;

/**
 * Persisted events, queried by vessel, type, site and event time.
 *
 * <p>Implementations are thread-safe. Failures of the underlying database surface as
 * {@link EventStoreException}.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores {@code batch} atomically: all of it or, on failure, none of it. Idempotent on
     * {@link Event#eventId()}: an event already stored (at-least-once delivery) is ignored, not an error.
     */
    void append(List<Event> batch);

    /** One page of the events matching {@code query}, in the query's order. */
    EventPage query(EventQuery query);

    /** How many events are stored. */
    long count();

    /** Deletes the events detected (and stored) before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);

    @Override
    void close();
}
