package io.watchkeeper.server.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.live.LiveView;
import io.watchkeeper.server.output.store.EventStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * Everything the HTTP API reads, built by the composition root.
 *
 * @param live     vessels, tracks and recent events ({@code /api/vessels})
 * @param store    the event history ({@code /api/events}), or null: then that endpoint answers 503
 * @param zones    the loaded zones ({@code /api/zones})
 * @param machines the detectors' machines ({@code /api/machines})
 * @param health   called per {@code /health} request; should be cheap
 * @param metrics  scraped by {@code /metrics}, or null: then that endpoint answers 404
 * @param hub      the live event stream ({@code /api/events/stream}); must also be one of the engine's sinks
 */
public record WebServices(LiveView live, @Nullable EventStore store, ZoneLookup zones, List<MachineView> machines,
                          Supplier<Health> health, @Nullable PrometheusMeterRegistry metrics, EventHub hub) {

    public WebServices {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(zones, "zones");
        machines = List.copyOf(machines);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(hub, "hub");
    }
}
