package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.ZoneHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Feeds a pair detector directly with a context of its own (zones per fix, static data per vessel). */
final class PairHarness {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");

    final PairDetector detector;
    final List<Event> events = new ArrayList<>();
    final Map<VesselId, VesselInfo> infos = new HashMap<>();
    Function<Fix, List<ZoneHit>> zones = fix -> List.of();

    PairHarness(PairDetector detector) {
        this.detector = detector;
    }

    record Ctx(Instant eventTime, List<ZoneHit> hits, Map<VesselId, VesselInfo> infos) implements DetectorContext {
        @Override
        public Instant wallClock() {
            return WALL;
        }

        @Override
        public List<ZoneHit> zones() {
            return hits;
        }

        @Override
        public VesselInfo vesselInfo(VesselId vessel) {
            return infos.get(vessel);
        }
    }

    PairHarness feed(Fix fix) {
        detector.accept(fix, new Ctx(fix.time(), zones.apply(fix), infos), events::add);
        return this;
    }

    PairHarness advanceTo(Instant now) {
        detector.advanceTo(now.toEpochMilli(), new Ctx(now, List.of(), infos), events::add);
        return this;
    }

    void shipType(VesselId vessel, String name, int shipType) {
        infos.put(vessel, new VesselInfo(vessel, name, null, 0, shipType, -1, -1, -1, -1, Double.NaN, null, null, T0));
    }

    List<String> summary() {
        return events.stream().map(e -> e.type() + " " + e.vessel() + " " + e.time() + " " + e.to())
                .collect(Collectors.toList());
    }

    static Fix fix(VesselId vessel, long second, double lat, double lon, double sogKnots, double cogDegrees) {
        return Fix.geo(vessel, "sea", T0.plusSeconds(second), lat, lon, sogKnots, cogDegrees, Double.NaN, -1, null);
    }

    /** The position {@code north}/{@code east} metres from lat/lon (flat-earth offset, fine at these scales). */
    static double[] offset(double lat, double lon, double northMetres, double eastMetres) {
        double newLat = lat + northMetres / Geo.METRES_PER_DEGREE_LAT;
        double newLon = lon + eastMetres / Geo.metresPerDegreeLon(lat);
        newLon = ((newLon + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
        return new double[] {newLat, newLon};
    }

    static double metresPerSecond(double knots) {
        return knots * Geo.METRES_PER_NAUTICAL_MILE / 3600.0;
    }
}
