package io.watchkeeper.server.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a vessel's recent track. Stored as floats (about a metre of precision), which is
 * plenty for drawing a line on a map and halves the memory a track costs.
 *
 * @param sogKnots speed over ground, or NaN when the fix had none
 */
public record TrackPoint(Instant time, double lat, double lon, double sogKnots) {

    public TrackPoint {
        Objects.requireNonNull(time, "time");
    }
}
