package io.watchkeeper.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event a consumer saw, by {@code eventId}: what a fault test compares. A repeat with the same
 * id is counted; a repeat with the same id but a different type, vessel or time is a conflict, which
 * would mean ids are not deterministic.
 */
final class EventLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What identifies an event besides its id. */
    record Seen(String type, String vessel, String time) {
    }

    private final Map<String, Seen> byId = new TreeMap<>();
    private final Map<String, Seen> conflicts = new TreeMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastChangeNanos = System.nanoTime();

    /** Records one {@code EVENT/...} payload in the original envelope. */
    synchronized void record(byte[] payload) {
        JsonNode body;
        try {
            body = JSON.readTree(payload).path("body");
        } catch (IOException e) {
            throw new UncheckedIOException("an event that is not JSON: " + new String(payload), e);
        }
        received.incrementAndGet();
        lastChangeNanos = System.nanoTime();
        String id = body.path("eventId").asText();
        Seen seen = new Seen(body.path("machine").asText() + "/" + body.path("to").asText(),
                body.path("boat_id").asText(), body.path("time").asText());
        Seen before = byId.putIfAbsent(id, seen);
        if (before != null && !before.equals(seen)) {
            conflicts.put(id, seen);
        }
    }

    synchronized Set<String> ids() {
        return new TreeSet<>(byId.keySet());
    }

    synchronized Map<String, Seen> events() {
        return new TreeMap<>(byId);
    }

    synchronized Map<String, Seen> conflicts() {
        return new TreeMap<>(conflicts);
    }

    synchronized int size() {
        return byId.size();
    }

    /** Deliveries beyond the first of each id. */
    synchronized long repeats() {
        return received.get() - byId.size();
    }

    long received() {
        return received.get();
    }

    /** Nanoseconds since the last event arrived. */
    long quietNanos() {
        return System.nanoTime() - lastChangeNanos;
    }
}
