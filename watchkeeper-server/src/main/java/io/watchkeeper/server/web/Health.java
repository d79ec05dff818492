package io.watchkeeper.server.web;

import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * What {@code GET /health} reports; the composition root builds one per request.
 *
 * @param up            false while the engine is not ready (starting, stopping, broker lost): HTTP 503, "DOWN"
 * @param uptimeSeconds since the engine started
 * @param broker        the MQTT broker's address, or null when there is none (a file replay)
 * @param store         the event store, or null when events are not stored
 */
public record Health(boolean up, long uptimeSeconds, Engine engine, @Nullable String broker, @Nullable Store store) {

    public Health {
        Objects.requireNonNull(engine, "engine");
    }

    /** The engine's counters, as {@code watchkeeper status} prints them. */
    public record Engine(long submitted, long processed, long queueDepth, long vessels, long outOfOrder,
                         long duplicates) {
    }

    /**
     * @param url      the JDBC URL without credentials
     * @param events   how many were stored at the last count (once a minute), -1 before the first
     * @param dropped  events not stored because the store's queue was full (the database down or slow)
     * @param rejected events the database refused (a value it cannot store), not stored
     */
    public record Store(String url, long events, long dropped, long rejected) {

        public Store {
            Objects.requireNonNull(url, "url");
        }
    }
}
