package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Small hand-made inputs for rule-machine tests: fixes, zones and a context that knows them. */
final class RuleFixtures {

    static final Instant T0 = Instant.parse("2024-03-01T06:00:00Z");
    static final long T0_MS = T0.toEpochMilli();
    static final VesselId SHIP = VesselId.of("235000001");
    static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");

    static final Zone PORT = zone("gb-sou", ZoneKind.PORT);
    static final Zone ANCHORAGE = zone("nab-anch", ZoneKind.ANCHORAGE);

    private RuleFixtures() {
    }

    /** A context whose fix lies inside {@code inside} (and near nothing else). */
    record Ctx(List<ZoneHit> zones, @Nullable VesselInfo info) implements DetectorContext {
        @Override
        public Instant eventTime() {
            return T0;
        }

        @Override
        public Instant wallClock() {
            return WALL;
        }

        @Override
        public @Nullable VesselInfo vesselInfo(VesselId vessel) {
            return info;
        }
    }

    static Ctx at(Zone... inside) {
        return new Ctx(java.util.Arrays.stream(inside).map(z -> new ZoneHit(z, 0.0)).toList(), null);
    }

    static Ctx near(Zone zone, double metres) {
        return new Ctx(List.of(new ZoneHit(zone, metres)), null);
    }

    static Ctx ofType(int shipType) {
        VesselInfo info = new VesselInfo(SHIP, "TEST", null, 0, shipType, -1, -1, -1, -1, Double.NaN, null, null, T0);
        return new Ctx(List.of(), info);
    }

    static Fix fix(long seconds, double sogKnots) {
        return fix(seconds, sogKnots, Fix.NO_NAV_STATUS);
    }

    static Fix fix(long seconds, double sogKnots, int navStatus) {
        return Fix.geo(SHIP, "GBSOU", T0.plusSeconds(seconds), 50.9 + seconds * 1e-6, -1.4, sogKnots, Double.NaN,
                Double.NaN, navStatus, null);
    }

    static Fix drift(long seconds, double cog, double heading) {
        return Fix.geo(SHIP, "GBSOU", T0.plusSeconds(seconds), 50.9, -1.4, 1.0, cog, heading, 0, null);
    }

    static RuleTransition t(String from, String to, List<Condition> when) {
        return new RuleTransition(List.of(from), to, when, List.of(), null);
    }

    static RuleTransition t(String from, String to, List<Condition> when, List<Condition> unless) {
        return new RuleTransition(List.of(from), to, when, unless, null);
    }

    static Map<String, Object> details(int transition, String trigger) {
        return Map.of("transition", transition, "trigger", trigger);
    }

    private static Zone zone(String id, ZoneKind kind) {
        GeometryFactory gf = new GeometryFactory();
        return new Zone(id, id, kind, gf.createPoint(new Coordinate(-1.4, 50.9)), 1000, Double.NaN, "test");
    }
}
