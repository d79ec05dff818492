package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Instant;
import java.util.List;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** A detector context for calling step/onTime directly: fixed clocks, the zones the test says. */
record TestContext(Instant eventTime, Instant wallClock, List<ZoneHit> zones, @Nullable VesselInfo info)
        implements DetectorContext {

    static final Instant T0 = Instant.parse("2016-01-12T13:00:00Z");
    static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");
    static final VesselId VESSEL = VesselId.of("235000001");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Override
    public @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return info;
    }

    /** The context of a fix: its event time, the fixed wall clock, inside the given zones. */
    static TestContext at(Fix fix, Zone... inside) {
        List<ZoneHit> hits = java.util.Arrays.stream(inside).map(z -> new ZoneHit(z, 0.0)).toList();
        return new TestContext(fix.time(), WALL, hits, null);
    }

    /** The context of a timer sweep at {@code millis}: no zones, as the engine gives. */
    static TestContext sweep(long millis) {
        return new TestContext(Instant.ofEpochMilli(millis), WALL, List.of(), null);
    }

    static Fix fix(double seconds, double sog, double cog, double heading) {
        return Fix.geo(VESSEL, "solent", T0.plusMillis(Math.round(seconds * 1000)), 50.75, -1.10, sog, cog, heading,
                Fix.NO_NAV_STATUS, null);
    }

    static Fix fix(double seconds, double sog) {
        return fix(seconds, sog, 90.0, 90.0);
    }

    static long millis(double seconds) {
        return T0.toEpochMilli() + Math.round(seconds * 1000);
    }

    /** A square zone around the test position (lat 50.75, lon -1.10). */
    static Zone zone(String id, ZoneKind kind, double speedLimitKnots) {
        Coordinate[] ring = {
            new Coordinate(-1.2, 50.7), new Coordinate(-1.0, 50.7), new Coordinate(-1.0, 50.8),
            new Coordinate(-1.2, 50.8), new Coordinate(-1.2, 50.7)};
        return new Zone(id, id + " name", kind, GEOMETRY.createPolygon(ring), 0, speedLimitKnots, "test");
    }
}
