package io.watchkeeper.core.zone;

import static io.watchkeeper.core.zone.TestZones.GF;
import static io.watchkeeper.core.zone.TestZones.box;
import static io.watchkeeper.core.zone.TestZones.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchkeeper.core.geo.Geo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class ZoneIndexTest {

    // A box round Portsmouth Harbour, 50.78..50.84 N, 1.14..1.08 W.
    private static final Zone HARBOUR = box("portsmouth", 50.78, -1.14, 50.84, -1.08);

    @Test
    void insideAPolygonIsAHitAtDistanceZero() {
        ZoneIndex index = ZoneIndex.of(List.of(HARBOUR), 1000);
        List<ZoneHit> hits = index.near(50.80, -1.11);
        assertThat(hits).extracting(h -> h.zone().id()).containsExactly("portsmouth");
        assertThat(hits.get(0).inside()).isTrue();
        assertThat(hits.get(0).distanceMetres()).isZero();
    }

    @Test
    void outsideAPolygonButWithinTheMarginReportsTheDistanceToTheEdgeInMetres() {
        ZoneIndex index = ZoneIndex.of(List.of(HARBOUR), 1000);
        double lon = -1.08 + 500 / Geo.metresPerDegreeLon(50.81); // 500 m east of the east edge
        List<ZoneHit> hits = index.near(50.81, lon);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).inside()).isFalse();
        assertThat(hits.get(0).distanceMetres()).isCloseTo(500, within(5.0));
    }

    @Test
    void beyondTheMarginThereIsNoHit() {
        ZoneIndex index = ZoneIndex.of(List.of(HARBOUR), 1000);
        assertThat(index.near(50.81, -1.08 + 1100 / Geo.metresPerDegreeLon(50.81))).isEmpty();
        assertThat(index.near(50.84 + 1100 / Geo.METRES_PER_DEGREE_LAT, -1.11)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 35.0, 50.8, 60.0, 69.0, -45.0, -69.0})
    void edgeDistanceIsWithinOnePercentOfTheGreatCircleDistanceUpTo20Km(double lat) {
        // A 0.2° box (about 22 km by 22 km cos(lat)), probed from all sides and corners.
        Zone zone = box("z", lat - 0.1, 10.0, lat + 0.1, 10.2);
        ZoneIndex index = ZoneIndex.of(List.of(zone), 25_000);
        int measured = 0;
        for (double bearing = 0; bearing < 360; bearing += 15) {
            for (double metres : new double[] {50, 400, 3_000, 9_000, 19_000}) {
                double[] from = offset(lat, 10.1, bearing, metres + 12_000 * Math.cos(Math.toRadians(lat)));
                List<ZoneHit> hits = index.near(from[0], from[1]);
                double truth = haversineToRing(zone, from[0], from[1]);
                if (truth > 20_000) {
                    continue;
                }
                if (inside(zone, from)) {
                    assertThat(hits.get(0).distanceMetres()).isZero();
                    continue;
                }
                assertThat(hits).as("lat %s bearing %s", lat, bearing).hasSize(1);
                assertThat(hits.get(0).distanceMetres()).as("lat %s bearing %s metres %s", lat, bearing, metres)
                        .isCloseTo(truth, within(Math.max(10.0, truth * 0.01)));
                measured++;
            }
        }
        assertThat(measured).isGreaterThan(60);
    }

    @Test
    void aPositionInAHoleIsOutsideAndMeasuredToTheHoleEdge() {
        Zone ring = box("ring", 50.0, 0.0, 50.1, 0.2, new double[] {50.04, 0.08, 50.06, 0.12});
        ZoneIndex index = ZoneIndex.of(List.of(ring), 5000);
        List<ZoneHit> inHole = index.near(50.05, 0.10);
        assertThat(inHole).hasSize(1);
        // Nearest hole edge: 0.01° of latitude away.
        assertThat(inHole.get(0).distanceMetres()).isCloseTo(0.01 * Geo.METRES_PER_DEGREE_LAT, within(15.0));
        assertThat(index.near(50.02, 0.10).get(0).inside()).isTrue();
    }

    @Test
    void aMultiPolygonIsOneZoneThatHasSeveralParts() {
        Polygon west = TestZones.boxPolygon(10.0, 20.0, 10.1, 20.1);
        Polygon east = TestZones.boxPolygon(10.0, 21.0, 10.1, 21.1);
        Zone both = TestZones.zone("pair", GF.createMultiPolygon(new Polygon[] {west, east}));
        ZoneIndex index = ZoneIndex.of(List.of(both), 500);
        assertThat(index.near(10.05, 21.05)).singleElement().matches(ZoneHit::inside);
        assertThat(index.near(10.05, 20.05)).singleElement().matches(ZoneHit::inside);
        assertThat(index.near(10.05, 20.55)).isEmpty();
    }

    @Test
    void aPointOnAnEdgeSharedByTwoZonesIsInsideBothInIdOrder() {
        Zone right = box("b-right", 0.0, 1.0, 1.0, 2.0);
        Zone left = box("a-left", 0.0, 0.0, 1.0, 1.0);
        ZoneIndex index = ZoneIndex.of(List.of(right, left), 100);
        List<ZoneHit> hits = index.near(0.5, 1.0);
        assertThat(hits).extracting(h -> h.zone().id()).containsExactly("a-left", "b-right");
        assertThat(hits).allMatch(ZoneHit::inside);
    }

    @Test
    void insideHitsComeFirstThenNearestThenById() {
        Zone port = box("port", 0.0, 0.0, 0.1, 0.1);
        Zone far = point("far", 0.05, 0.1 + 0.02, 100);
        Zone nearB = point("near-b", 0.05, -0.01, 100);
        Zone nearA = point("near-a", 0.05, 0.11, 100); // both 0.06° from the query, on opposite sides
        ZoneIndex index = ZoneIndex.of(List.of(far, nearB, port, nearA), 10_000);
        List<ZoneHit> hits = index.near(0.05, 0.05);
        assertThat(hits).extracting(h -> h.zone().id()).containsExactly("port", "near-a", "near-b", "far");
        assertThat(index.near(0.05, 0.05)).isEqualTo(hits);
    }

    @Test
    void pointZonesUseHaversineMinusTheRadius() {
        ZoneIndex index = ZoneIndex.of(List.of(point("a", 50.8, -1.1, 3000)), 1000);
        double north = 50.8 + 3500 / Geo.METRES_PER_DEGREE_LAT;
        assertThat(index.near(north, -1.1).get(0).distanceMetres()).isCloseTo(500, within(1.0));
        assertThat(index.near(50.81, -1.1).get(0).inside()).isTrue();
        assertThat(index.near(50.8 + 4100 / Geo.METRES_PER_DEGREE_LAT, -1.1)).isEmpty();
    }

    @Test
    void pointZonesWorkAcrossTheAntimeridian() {
        ZoneIndex index = ZoneIndex.of(List.of(point("east", -17.0, 179.995, 1000),
                point("west", -17.0, -179.995, 1000)), 2000);
        // 0.01° of longitude at 17 S is about 1063 m: each zone is about 63 m beyond its radius.
        List<ZoneHit> fromWest = index.near(-17.0, -179.995);
        assertThat(fromWest).extracting(h -> h.zone().id()).containsExactly("west", "east");
        assertThat(fromWest.get(1).distanceMetres()).isCloseTo(Geo.haversineMetres(-17, -179.995, -17, 179.995) - 1000,
                within(0.01));
        assertThat(index.near(-17.0, 180.0)).hasSize(2);
        assertThat(index.near(-17.0, -180.0)).hasSize(2);
    }

    @Test
    void polygonDistancesGoTheShortWayRoundAcrossTheAntimeridian() {
        ZoneIndex index = ZoneIndex.of(List.of(box("fiji-west", -17.1, -179.99, -17.0, -179.9)), 3000);
        List<ZoneHit> hits = index.near(-17.05, 179.99);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).distanceMetres()).isCloseTo(Geo.haversineMetres(-17.05, 179.99, -17.05, -179.99),
                within(10.0));
    }

    @Test
    void pointZonesNearThePoleAreFoundFromAnyLongitude() {
        ZoneIndex index = ZoneIndex.of(List.of(point("pole", 89.99999, 179.0, 3000)), 1000);
        assertThat(index.near(89.98, -10.0)).singleElement().matches(ZoneHit::inside);
        assertThat(index.near(89.97, 100.0)).hasSize(1);
        assertThat(index.near(89.9, 100.0)).isEmpty();
    }

    @Test
    void zonesSpanningManyDegreesAreFoundThroughTheTree() {
        Zone sea = box("north-sea", 51.0, -2.0, 61.0, 9.0);
        ZoneIndex index = ZoneIndex.of(List.of(sea, HARBOUR), 2000);
        assertThat(index.near(56.0, 3.0)).singleElement().matches(ZoneHit::inside);
        assertThat(index.near(56.0, 9.0 + 1000 / Geo.metresPerDegreeLon(56.0)).get(0).distanceMetres())
                .isCloseTo(1000, within(10.0));
        assertThat(index.near(50.8, -1.11)).extracting(h -> h.zone().id()).containsExactly("portsmouth");
        assertThat(index.toString()).contains("1 wide zones");
    }

    @Test
    void anEmptyIndexAnswersNothing() {
        ZoneIndex index = ZoneIndex.of(List.of(), 4000);
        assertThat(index.near(50.8, -1.1)).isEmpty();
        assertThat(index.all()).isEmpty();
        assertThat(index.marginMetres()).isEqualTo(4000);
    }

    @Test
    void invalidPositionsAnswerNothing() {
        ZoneIndex index = ZoneIndex.of(List.of(HARBOUR), 1000);
        assertThat(index.near(Double.NaN, -1.1)).isEmpty();
        assertThat(index.near(91, 181)).isEmpty();
    }

    @Test
    void allKeepsLoadOrder() {
        Zone a = point("a", 1, 1, 10);
        Zone b = point("b", 2, 2, 10);
        assertThat(ZoneIndex.of(List.of(b, a), 0).all()).containsExactly(b, a);
    }

    @Test
    void rejectsDuplicateIdsBadGeometryAndBadMargins() {
        assertThatThrownBy(() -> ZoneIndex.of(List.of(point("x", 1, 1, 1), point("x", 2, 2, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate zone id 'x'");
        Zone line = TestZones.zone("line", GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)}));
        assertThatThrownBy(() -> ZoneIndex.of(List.of(line), 0)).hasMessageContaining("unsupported geometry LineString");
        assertThatThrownBy(() -> ZoneIndex.of(List.of(box("crossing", 0, 179, 1, 181)), 0))
                .hasMessageContaining("antimeridian");
        assertThatThrownBy(() -> ZoneIndex.of(List.of(), -1)).hasMessageContaining("marginMetres");
        assertThatThrownBy(() -> ZoneIndex.of(List.of(), Double.NaN)).hasMessageContaining("marginMetres");
    }

    /** Destination from a start point, on the sphere. */
    static double[] offset(double lat, double lon, double bearingDegrees, double metres) {
        double d = metres / Geo.EARTH_RADIUS_METRES;
        double b = Math.toRadians(bearingDegrees);
        double p1 = Math.toRadians(lat);
        double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        double l2 = Math.toRadians(lon) + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1),
                Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        return new double[] {Math.toDegrees(p2), Math.toDegrees(l2)};
    }

    private static boolean inside(Zone zone, double[] latLon) {
        return zone.geometry().covers(GF.createPoint(new Coordinate(latLon[1], latLon[0])));
    }

    /** Great-circle distance to the ring, sampling each edge densely (edges are straight in degrees). */
    private static double haversineToRing(Zone zone, double lat, double lon) {
        Coordinate[] cs = zone.geometry().getCoordinates();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < cs.length; i++) {
            for (int s = 0; s <= 4000; s++) {
                double t = s / 4000.0;
                double x = cs[i].x + t * (cs[i + 1].x - cs[i].x);
                double y = cs[i].y + t * (cs[i + 1].y - cs[i].y);
                best = Math.min(best, Geo.haversineMetres(lat, lon, y, x));
            }
        }
        return best;
    }
}
