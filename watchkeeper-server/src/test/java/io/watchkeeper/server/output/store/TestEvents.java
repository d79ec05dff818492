package io.watchkeeper.server.output.store;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import java.util.Map;

/** Events for store tests, with the fields the queries filter on chosen by the test. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private TestEvents() {
    }

    /** A state transition of boat {@code boat} at {@code site}; {@code id} is used as the event id. */
    static Event event(String id, String site, String boat, String type, Instant time) {
        VesselId vessel = VesselId.scoped(site, boat, true);
        Fix cause = Fix.planar(vessel, site, time, 10.5, -3.25, null);
        return new Event(id, type, site, vessel, "boat", "moving", "resting", time, time.plusMillis(7), cause,
                Map.of("speed", 0.4));
    }

    static Event event(String id, Instant time) {
        return event(id, "PORT1", "1", Event.STATE_TRANSITION, time);
    }
}
