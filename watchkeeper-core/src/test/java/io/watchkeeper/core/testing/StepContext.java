package io.watchkeeper.core.testing;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.zone.ZoneHit;
import java.time.Instant;
import java.util.List;

/** A detector context for calling step()/onTime() directly: fixed times and a given list of zone hits. */
public record StepContext(Instant eventTime, Instant wallClock, List<ZoneHit> zones) implements DetectorContext {

    public static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");

    public StepContext {
        zones = List.copyOf(zones);
    }

    /** The context of a fix at {@code time} with these hits. */
    public static StepContext at(Instant time, List<ZoneHit> zones) {
        return new StepContext(time, WALL, zones);
    }
}
