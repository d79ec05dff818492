package io.watchkeeper.server.output.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as stored: the columns the queries filter on, plus the JSON that MQTT consumers received.
 *
 * @param vesselKey  {@link io.watchkeeper.core.fix.VesselId#key()}
 * @param time       event time, to the microsecond (the stored precision)
 * @param detectedAt detection wall-clock time, to the microsecond
 * @param json       the event exactly as {@link io.watchkeeper.mqtt.wire.EventJson} wrote it for MQTT
 */
public record StoredEvent(
        String eventId,
        String type,
        String site,
        String vesselKey,
        String machine,
        String from,
        String to,
        Instant time,
        Instant detectedAt,
        String json) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(vesselKey, "vesselKey");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(json, "json");
    }
}
