package io.watchkeeper.server.output.store;

import io.watchkeeper.core.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A store for unit tests of its users: keeps events in memory and can be told to fail the next appends. */
class InMemoryEventStore implements EventStore {

    private final Map<String, Event> events = new LinkedHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<Integer> batchSizes = new ArrayList<>();
    private Instant lastCutoff = Instant.MIN;
    private boolean closed;

    /** The next {@code n} appends throw, as a database that is down would. */
    void failNext(int n) {
        failuresLeft.set(n);
    }

    @Override
    public synchronized void append(List<Event> batch) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new EventStoreException("database is down (test)");
        }
        batchSizes.add(batch.size());
        for (Event e : batch) {
            events.putIfAbsent(e.eventId(), e);
        }
    }

    synchronized List<Event> events() {
        return List.copyOf(events.values());
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    synchronized Instant lastCutoff() {
        return lastCutoff;
    }

    @Override
    public EventPage query(EventQuery query) {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    @Override
    public synchronized long count() {
        return events.size();
    }

    @Override
    public synchronized int deleteOlderThan(Instant cutoff) {
        lastCutoff = cutoff;
        int before = events.size();
        events.values().removeIf(e -> e.detectedAt().isBefore(cutoff));
        return before - events.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized boolean closed() {
        return closed;
    }
}
