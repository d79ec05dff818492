package io.watchkeeper.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.locationtech.jts.geom.Polygon;

/** The index must answer exactly what a scan over every zone answers, wherever the position is. */
class ZoneIndexProperties {

    /** Places where the zones cluster: the Solent, the antimeridian off Fiji, the Arctic, the equator. */
    private static final double[][] CENTRES = {{50.8, -1.2}, {-17.0, 179.9}, {-17.0, -179.9}, {84.0, 30.0},
        {0.0, 0.0}, {89.99, 0.0}};

    private static final ZoneIndex INDEX = ZoneIndex.of(randomZones(new Random(7), 600), 4000);

    @Property(tries = 3000)
    void nearAgreesWithABruteForceScan(@ForAll("positions") double[] latLon) {
        List<ZoneHit> hits = INDEX.near(latLon[0], latLon[1]);
        assertThat(hits).isEqualTo(INDEX.nearByScan(latLon[0], latLon[1]));
        Statistics.collect(hits.isEmpty() ? "none" : hits.get(0).inside() ? "inside" : "near");
        Statistics.coverage(c -> {
            c.check("inside").percentage(p -> p > 10);
            c.check("near").percentage(p -> p > 10);
        });
    }

    @Property(tries = 300)
    void hitsAreOrderedInsideFirstThenByDistanceThenById(@ForAll("positions") double[] latLon) {
        List<ZoneHit> hits = INDEX.near(latLon[0], latLon[1]);
        for (int i = 1; i < hits.size(); i++) {
            ZoneHit a = hits.get(i - 1);
            ZoneHit b = hits.get(i);
            assertThat(a.distanceMetres() < b.distanceMetres()
                    || a.distanceMetres() == b.distanceMetres() && a.zone().id().compareTo(b.zone().id()) < 0).isTrue();
        }
    }

    @Provide
    Arbitrary<double[]> positions() {
        Arbitrary<double[]> nearCluster = Combinators.combine(Arbitraries.integers().between(0, CENTRES.length - 1),
                Arbitraries.doubles().between(-0.6, 0.6), Arbitraries.doubles().between(-0.6, 0.6))
                .as((c, dLat, dLon) -> clamp(CENTRES[c][0] + dLat, CENTRES[c][1] + dLon));
        Arbitrary<double[]> anywhere = Combinators.combine(Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(-180, 180)).as((lat, lon) -> new double[] {lat, lon});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, nearCluster), net.jqwik.api.Tuple.of(1, anywhere));
    }

    private static double[] clamp(double lat, double lon) {
        double wrapped = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        return new double[] {Math.max(-90, Math.min(90, lat)), wrapped};
    }

    /** Points, boxes with holes, multipolygons and a few wide areas, scattered round the centres. */
    static List<Zone> randomZones(Random random, int count) {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] c = CENTRES[random.nextInt(CENTRES.length)];
            double lat = Math.max(-89.99, Math.min(89.99, c[0] + (random.nextDouble() - 0.5) * 0.8));
            double lon = c[1] + (random.nextDouble() - 0.5) * 0.8;
            lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
            String id = "z" + random.nextInt(1_000_000) + "-" + i;
            int shape = random.nextInt(10);
            if (shape < 6) {
                zones.add(TestZones.point(id, lat, lon, random.nextDouble() * 3000));
            } else if (lat > -89 && lat < 89 && Math.abs(lon) < 179.5) {
                zones.add(polygonal(random, id, lat, lon, shape));
            }
        }
        zones.add(TestZones.box("wide-arctic", 80.0, 20.0, 88.0, 40.0));
        zones.add(TestZones.box("wide-tropics", -5.0, -6.0, 5.0, 6.0, new double[] {-0.2, -0.2, 0.2, 0.2}));
        return zones;
    }

    /** A box with a hole, or two boxes as a multipolygon; extends away from ±180° so it never crosses it. */
    private static Zone polygonal(Random random, String id, double lat, double lon, int shape) {
        double h = 0.01 + random.nextDouble() * 0.2;
        double w = Math.min(h / Math.max(0.05, Math.cos(Math.toRadians(lat))), 179.9 - Math.abs(lon));
        double west = lon > 0 ? lon - w : lon;
        double north = Math.min(lat + h, 89.5);
        if (shape < 8) {
            double[] hole = {lat + (north - lat) / 3, west + w / 3, lat + (north - lat) / 2, west + w / 2};
            return TestZones.box(id, lat, west, north, west + w, hole);
        }
        double mid = (lat + north) / 2;
        Polygon a = TestZones.boxPolygon(lat, west, mid, west + w / 2);
        Polygon b = TestZones.boxPolygon(mid + 0.001, west + w / 2 + 0.001, north, west + w);
        return TestZones.zone(id, TestZones.GF.createMultiPolygon(new Polygon[] {a, b}));
    }
}
