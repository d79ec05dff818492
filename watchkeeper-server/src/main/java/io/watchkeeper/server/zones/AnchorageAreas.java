package io.watchkeeper.server.zones;

import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Turns Global Fishing Watch's anchorage cells (points about 500 m apart, each with its port's
 * label) into one area per port: the union of the circles of the cells that share a label and touch.
 *
 * <p>Why: as points, a ship in a large anchorage is inside dozens of cells at once, so every move
 * was a burst of ZONE_ENTER / ZONE_EXIT events (one per cell) and every fix in port cost dozens of
 * distance computations. GFW itself groups the cells by label into one anchorage per port.
 *
 * <p>The union takes seconds, so it runs when the built-in set is made (AnchorageAreasTool in the
 * server's test sources, see docs/zones.md), not at start-up.
 */
public final class AnchorageAreas {

    /** Douglas-Peucker tolerance of the merged outline, in metres: well below the 3 km radius. */
    private static final double SIMPLIFY_METRES = 50;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private AnchorageAreas() {
    }

    /** One zone per connected group of same-label cells; cells whose group spans ±180 stay points. */
    public static List<Zone> dissolve(List<Zone> cells) {
        Map<String, List<Zone>> byName = new LinkedHashMap<>();
        for (Zone z : cells) {
            byName.computeIfAbsent(z.name(), k -> new ArrayList<>()).add(z);
        }
        List<Zone> out = new ArrayList<>();
        for (List<Zone> same : byName.values()) {
            for (List<Zone> group : touchingGroups(same)) {
                out.addAll(merge(group));
            }
        }
        return out;
    }

    /** Groups of cells whose circles overlap, by union-find over pairs within two radii. */
    private static List<List<Zone>> touchingGroups(List<Zone> cells) {
        int n = cells.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Point a = (Point) cells.get(i).geometry();
            for (int j = i + 1; j < n; j++) {
                Point b = (Point) cells.get(j).geometry();
                double link = cells.get(i).radiusMetres() + cells.get(j).radiusMetres();
                if (Math.abs(a.getY() - b.getY()) * Geo.METRES_PER_DEGREE_LAT <= link
                        && Geo.haversineMetres(a.getY(), a.getX(), b.getY(), b.getX()) <= link) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Zone>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(cells.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static List<Zone> merge(List<Zone> group) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double sumLat = 0;
        for (Zone z : group) {
            minLon = Math.min(minLon, z.geometry().getCoordinate().x);
            maxLon = Math.max(maxLon, z.geometry().getCoordinate().x);
            sumLat += z.geometry().getCoordinate().y;
        }
        double radius = group.get(0).radiusMetres();
        double lat0 = sumLat / group.size();
        if (maxLon - minLon > 90 || Math.abs(lat0) > 80 || group.stream().anyMatch(z -> z.radiusMetres() != radius)) {
            return group; // across ±180 or near a pole a flat frame would lie: keep the cells
        }
        double lon0 = (minLon + maxLon) / 2;
        double kx = Geo.metresPerDegreeLon(lat0);
        double ky = Geo.METRES_PER_DEGREE_LAT;
        List<Geometry> circles = new ArrayList<>(group.size());
        for (Zone z : group) {
            Coordinate c = z.geometry().getCoordinate();
            circles.add(GEOMETRY.createPoint(new Coordinate((c.x - lon0) * kx, (c.y - lat0) * ky)).buffer(radius, 4));
        }
        // A cascaded union of separate circles is far faster than buffering the multipoint at once.
        Geometry area = UnaryUnionOp.union(circles);
        area = DouglasPeuckerSimplifier.simplify(area, SIMPLIFY_METRES);
        Geometry degrees = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(
                    CoordinateSequence seq, Geometry parent) {
                Coordinate[] cs = new Coordinate[seq.size()];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = new Coordinate(round(lon0 + seq.getX(i) / kx), round(lat0 + seq.getY(i) / ky));
                }
                return factory.getCoordinateSequenceFactory().create(cs);
            }
        }.transform(area);
        Zone first = group.stream().min(Comparator.comparing(Zone::id)).orElseThrow();
        return List.of(new Zone(first.id(), first.name(), first.kind(), degrees, 0, Double.NaN, first.source()));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
