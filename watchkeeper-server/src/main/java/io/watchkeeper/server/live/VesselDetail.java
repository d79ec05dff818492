package io.watchkeeper.server.live;

import io.watchkeeper.core.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * One vessel with its recent history.
 *
 * @param track  up to {@value LiveView#TRACK_POINTS} points, oldest first, at most one per 10 s of event time
 * @param events up to {@value LiveView#EVENTS_PER_VESSEL} of its latest events, newest first (arrival order)
 */
public record VesselDetail(VesselSnapshot vessel, List<TrackPoint> track, List<Event> events) {

    public VesselDetail {
        Objects.requireNonNull(vessel, "vessel");
        track = List.copyOf(track);
        events = List.copyOf(events);
    }
}
