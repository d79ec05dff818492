package io.watchkeeper.server.output.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's result.
 *
 * @param events     at most the query's limit, in the query's order
 * @param nextCursor present when more events may follow; pass it to {@link EventQuery#withCursor} for the next page
 */
public record EventPage(List<StoredEvent> events, Optional<String> nextCursor) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
