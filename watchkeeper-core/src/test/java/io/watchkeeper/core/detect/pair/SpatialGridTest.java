package io.watchkeeper.core.detect.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    private static Fix at(int id, double lat, double lon) {
        return Fix.geo(VesselId.of(Integer.toString(id)), "s", Instant.EPOCH, lat, lon, 0, 0, Double.NaN, -1, null);
    }

    /** Every vessel within the radius is among those the query returns, wherever on earth. */
    @ParameterizedTest
    @CsvSource({"10.0, -30.0", "0.0, 179.995", "-45.0, -179.999", "89.99, 0.0", "-89.995, 120.0", "89.9999, -170.0",
            "75.0, 180.0", "60.0, 10.0"})
    void queriesFindEveryVesselWithinTheRadius(double lat, double lon) {
        everyVesselWithin(new SpatialGrid(600), 600, lat, lon);
    }

    /** The same for a radius of several cells (the collision-risk search: a long range, small cells). */
    @ParameterizedTest
    @CsvSource({"10.0, -30.0", "0.0, 179.995", "-45.0, -179.999", "89.99, 0.0", "75.0, 180.0", "60.0, 10.0"})
    void queriesOverSeveralCellsFindEveryVesselWithinTheRadius(double lat, double lon) {
        everyVesselWithin(new SpatialGrid(150), 600, lat, lon);
    }

    private static void everyVesselWithin(SpatialGrid grid, double radius, double lat, double lon) {
        Random random = new Random(Double.hashCode(lat * 31 + lon));
        int n = 400;
        double[][] positions = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] p = PairHarness.offset(lat, lon, (random.nextDouble() - 0.5) * 3000, (random.nextDouble() - 0.5) * 3000);
            p[0] = Math.max(-90, Math.min(90, p[0]));
            positions[i] = p;
            grid.put(at(i, p[0], p[1]), (byte) 0);
        }
        for (int i = 0; i < n; i++) {
            int slot = grid.slotOf(VesselId.of(Integer.toString(i)));
            int count = grid.near(slot, radius);
            Set<Integer> found = new HashSet<>();
            for (int k = 0; k < count; k++) {
                found.add(Integer.parseInt(grid.id(grid.found()[k]).id()));
            }
            for (int j = 0; j < n; j++) {
                if (j != i && Geo.haversineMetres(positions[i][0], positions[i][1], positions[j][0], positions[j][1]) <= radius) {
                    assertThat(found).as("vessel %d near %d at %s", j, i, java.util.Arrays.toString(positions[i])).contains(j);
                }
            }
        }
    }

    @Test
    void cellsStayRoughlySquareAndThePolarRowIsOneCell() {
        SpatialGrid grid = new SpatialGrid(500);
        int equatorRow = (int) Math.floor(90.0 / (500 / Geo.METRES_PER_DEGREE_LAT));
        double equatorWidth = 360.0 / grid.columns(equatorRow) * Geo.metresPerDegreeLon(0);
        assertThat(equatorWidth).isBetween(500.0, 501.0);
        int row60 = (int) Math.floor(150.0 / (500 / Geo.METRES_PER_DEGREE_LAT));
        double width60 = 360.0 / grid.columns(row60) * Geo.metresPerDegreeLon(60);
        assertThat(width60).isBetween(500.0, 520.0);
        int lastRow = (int) Math.ceil(180.0 / (500 / Geo.METRES_PER_DEGREE_LAT)) - 1;
        assertThat(grid.columns(lastRow)).isEqualTo(1);
        assertThat(grid.columns(0)).isEqualTo(1);
    }

    @Test
    void theAntimeridianIsNoEdge() {
        SpatialGrid grid = new SpatialGrid(500);
        grid.put(at(1, 0.0, 179.999), (byte) 0);
        grid.put(at(2, 0.0, -179.999), (byte) 0);
        grid.put(at(3, 0.0, 180.0), (byte) 0);
        int count = grid.near(grid.slotOf(VesselId.of("1")), 500);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void movingAndRemovingKeepCellsConsistent() {
        SpatialGrid grid = new SpatialGrid(500);
        for (int i = 0; i < 100; i++) {
            grid.put(at(i, 10 + i * 0.001, 20), (byte) 0);
        }
        for (int i = 0; i < 100; i += 2) {
            grid.remove(grid.slotOf(VesselId.of(Integer.toString(i))));
        }
        for (int i = 1; i < 100; i += 2) {
            grid.put(at(i, 10.05, 20), (byte) 0); // all odd ones to one spot
        }
        assertThat(grid.size()).isEqualTo(50);
        int count = grid.near(grid.slotOf(VesselId.of("1")), 500);
        assertThat(count).isEqualTo(49);
        grid.put(at(1000, 10.0, 20.0), (byte) 0);
        assertThat(grid.highWater()).isEqualTo(100); // a freed slot was reused
    }

    @Test
    void longIntMapSurvivesCollisionsAndRemovals() {
        LongIntMap map = new LongIntMap(4);
        Random random = new Random(7);
        java.util.HashMap<Long, Integer> reference = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextInt(3000);
            if (random.nextBoolean()) {
                map.put(key, i);
                reference.put(key, i);
            } else {
                map.remove(key);
                reference.remove(key);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (long key = 0; key < 3000; key++) {
            assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, LongIntMap.MISSING));
        }
    }
}
