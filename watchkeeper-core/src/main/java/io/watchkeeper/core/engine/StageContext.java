package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * The {@link DetectorContext} a stage gives its detectors: the fix in hand (or the timer's time),
 * the zones near it, looked up once and only if a detector asks, and static data. Owned by the
 * stage's thread, like the stage.
 */
abstract class StageContext implements DetectorContext {

    private final Clock clock;
    private final ZoneLookup zoneLookup;
    private final VesselRegistry registry;
    private @Nullable Fix current;
    private @Nullable List<ZoneHit> currentZones;
    private Instant eventTime = Instant.EPOCH;

    StageContext(Clock clock, ZoneLookup zoneLookup, VesselRegistry registry) {
        this.clock = clock;
        this.zoneLookup = zoneLookup;
        this.registry = registry;
    }

    /** Detectors are about to see {@code fix}. */
    final void enterFix(Fix fix) {
        current = fix;
        currentZones = null;
        eventTime = fix.time();
    }

    /** Detectors are about to see event time reach {@code millis}, with no fix (and no zones). */
    final void enterTime(long millis) {
        current = null;
        currentZones = List.of();
        eventTime = Instant.ofEpochMilli(millis);
    }

    /** The fix or timer is done: nothing may hold on to its zones. */
    final void leave() {
        current = null;
        currentZones = null;
    }

    final Clock clock() {
        return clock;
    }

    @Override
    public final Instant eventTime() {
        return eventTime;
    }

    @Override
    public final Instant wallClock() {
        return clock.instant();
    }

    @Override
    public final List<ZoneHit> zones() {
        List<ZoneHit> z = currentZones;
        if (z == null) {
            Fix f = current;
            z = f != null && f.isGeo() ? zoneLookup.near(f.lat(), f.lon()) : List.of();
            currentZones = z;
        }
        return z;
    }

    @Override
    public final @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return registry.get(vessel);
    }
}
