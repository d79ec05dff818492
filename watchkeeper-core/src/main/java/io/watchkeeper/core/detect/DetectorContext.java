package io.watchkeeper.core.detect;

import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.ZoneHit;
import java.time.Instant;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * What a detector may know besides its state and the fix. Two clocks, kept apart on purpose:
 * event time drives detection (deterministic on replay); wall-clock time only stamps detection,
 * as {@code header.ts} of the original envelope does.
 */
public interface DetectorContext {

    /** Event time of the fix being processed (or, in {@link Detector#onTime}, the watermark). */
    Instant eventTime();

    /** Wall-clock time now, from the engine's injected clock. */
    Instant wallClock();

    /**
     * The zones that contain the current fix or lie within the zone set's margin of it, inside ones
     * first. Computed at most once per fix, on first call, and shared by every detector; empty for a
     * fix without lat/lon and in {@link Detector#onTime}.
     */
    default List<ZoneHit> zones() {
        return List.of();
    }

    /** What is known of a vessel's static data (AIS types 5, 19, 24), or null if nothing yet. */
    default @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return null;
    }
}
