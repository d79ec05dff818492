package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneLookup;
import java.time.Instant;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * What a detection task gives its detectors, as the in-process engine's stage context does: the fix in
 * hand (or the timer's time), its zones looked up once and only if asked, and static data. Detection
 * time ({@link #wallClock}) is the event time being handled, as in a replay, so that a record processed
 * again after a failover gives byte-identical events.
 */
final class TaskContext implements DetectorContext {

    private final ZoneLookup zoneLookup;
    private final VesselRegistry registry;
    private @Nullable Fix current;
    private @Nullable List<ZoneHit> currentZones;
    private Instant eventTime = Instant.EPOCH;
    private Instant detectedAt = Instant.EPOCH;

    TaskContext(ZoneLookup zoneLookup, VesselRegistry registry) {
        this.zoneLookup = zoneLookup;
        this.registry = registry;
    }

    void enterFix(Fix fix) {
        current = fix;
        currentZones = null;
        eventTime = fix.time();
        detectedAt = fix.time();
    }

    /** A sweep at {@code markMillis} fires a timer of a vessel whose source stands at {@code nowMillis}. */
    void enterTime(long nowMillis, long markMillis) {
        current = null;
        currentZones = List.of();
        eventTime = Instant.ofEpochMilli(nowMillis);
        detectedAt = Instant.ofEpochMilli(markMillis);
    }

    void leave() {
        current = null;
        currentZones = null;
    }

    @Override
    public Instant eventTime() {
        return eventTime;
    }

    @Override
    public Instant wallClock() {
        return detectedAt;
    }

    @Override
    public List<ZoneHit> zones() {
        List<ZoneHit> z = currentZones;
        if (z == null) {
            Fix f = current;
            z = f != null && f.isGeo() ? zoneLookup.near(f.lat(), f.lon()) : List.of();
            currentZones = z;
        }
        return z;
    }

    @Override
    public @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return registry.get(vessel);
    }
}
