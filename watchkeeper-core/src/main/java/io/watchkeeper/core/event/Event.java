package io.watchkeeper.core.event;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a detector found, ready to be published in the original envelope.
 *
 * @param eventId    deterministic id (see {@link EventIds}): the same input gives the same id, so a
 *                   consumer can drop the duplicates that at-least-once delivery brings
 * @param type       e.g. {@code STATETRANSITION}; the third level of {@code EVENT/<site>/<TYPE>/<vessel>}
 * @param site       the station or port the event belongs to
 * @param vessel     the vessel concerned
 * @param machine    name of the state machine that produced it
 * @param from       state before, lower case as on the wire
 * @param to         state after, lower case as on the wire
 * @param time       event time of the fix that caused it
 * @param detectedAt wall-clock time of detection ({@code header.ts} in the original envelope)
 * @param cause      the fix that caused it; its original position object is echoed in the body
 * @param details    extra, detector-specific fields (bounded, JSON-friendly values only)
 */
public record Event(
        String eventId,
        String type,
        String site,
        VesselId vessel,
        String machine,
        String from,
        String to,
        Instant time,
        Instant detectedAt,
        Fix cause,
        Map<String, Object> details) {

    /** The type of the original system's only event. */
    public static final String STATE_TRANSITION = "STATETRANSITION";

    public Event {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(vessel, "vessel");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(cause, "cause");
        details = Map.copyOf(details);
    }

    /** A state transition of {@code machine} caused by {@code cause}, with its deterministic id. */
    public static Event transition(String type, String machine, String from, String to, Fix cause, Instant detectedAt,
                                   Map<String, Object> details) {
        String id = EventIds.of(machine, type, cause, from, to);
        return new Event(id, type, cause.site(), cause.vessel(), machine, from, to, cause.time(), detectedAt, cause,
                details);
    }

    /**
     * An event at {@code time}, which may differ from its cause's (a timeout fires after the last fix),
     * with {@code key} in its id for events that the cause alone does not tell apart (the zone of a
     * zone event, the other vessel of a pair; "" if none).
     */
    public static Event at(String type, String machine, String from, String to, Fix cause, Instant time,
                           Instant detectedAt, Map<String, Object> details, String key) {
        String id = EventIds.of(machine, type, cause, from, to, time, key);
        return new Event(id, type, cause.site(), cause.vessel(), machine, from, to, time, detectedAt, cause, details);
    }
}
