package io.watchkeeper.core.zone;

import io.watchkeeper.core.geo.Geo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;
import org.jetbrains.annotations.Nullable;

/**
 * The spatial index behind {@link ZoneLookup}: immutable, and safe to share between engine threads
 * without locks.
 *
 * <p><b>How a lookup runs.</b> Every zone's envelope, grown by its radius plus the margin (in degrees,
 * latitude-aware; all longitudes near the poles; split in two across ±180°), is registered in a 0.1° grid
 * ({@link CellGrid}). A position in a cell no zone touches (open sea, the usual case) costs one hash probe
 * and returns {@code List.of()}. Otherwise each candidate's grown box is checked, then the exact test:
 * <ul>
 *   <li>point zones: haversine to the centre minus the radius; {@code <= 0} is inside and reported as 0;</li>
 *   <li>polygons and multipolygons (holes included): JTS's indexed point-in-area locator (the one
 *       {@code PreparedPolygon} uses, built eagerly here so no query takes its lock); a position on an edge
 *       counts as inside, so a point on an edge shared by two zones is inside both; outside, the distance
 *       to the nearest edge in metres ({@link EdgeDistance}), minus the zone's radius if it has one.</li>
 * </ul>
 * Zones whose grown box would cover more than {@value #MAX_GRID_CELLS} grid cells (a sea area spanning
 * several degrees) go into a JTS {@link STRtree} instead, queried after the grid; when there are any, an
 * open-sea lookup also walks that tree.
 *
 * <p><b>Antimeridian.</b> Point zones and queries near ±180° work (distances go the short way round). A
 * polygon must not cross ±180°: split it in two, as GeoJSON (RFC 7946 §3.1.9) says; coordinates outside
 * [-180, 180] are rejected.
 */
public final class ZoneIndex implements ZoneLookup {

    static final int MAX_GRID_CELLS = 4096;

    private static final Comparator<ZoneHit> ORDER =
            Comparator.comparingDouble(ZoneHit::distanceMetres).thenComparing(h -> h.zone().id());

    private final List<Zone> zones;
    private final double marginMetres;
    private final Zone[] byIndex;
    /** Point zones: centre; NaN for polygonal zones. */
    private final double[] centreLat;
    private final double[] centreLon;
    private final @Nullable IndexedPointInAreaLocator[] locators;
    private final @Nullable EdgeDistance[] edges;
    private final LatLonBox[] boxes;
    private final CellGrid grid;
    private final @Nullable STRtree wide;

    private ZoneIndex(List<Zone> zones, double marginMetres) {
        this.zones = zones;
        this.marginMetres = marginMetres;
        int n = zones.size();
        this.byIndex = zones.toArray(new Zone[0]);
        this.centreLat = new double[n];
        this.centreLon = new double[n];
        this.locators = new IndexedPointInAreaLocator[n];
        this.edges = new EdgeDistance[n];
        this.boxes = new LatLonBox[n];
        for (int i = 0; i < n; i++) {
            prepare(i, byIndex[i]);
        }
        STRtree tree = new STRtree();
        this.grid = buildGrid(tree);
        tree.build();
        this.wide = tree.isEmpty() ? null : tree;
    }

    /**
     * Indexes the zones.
     *
     * @param zones        zones with unique ids; polygons, multipolygons or points, in WGS84 degrees within
     *                     [-90, 90] x [-180, 180]
     * @param marginMetres how far outside a zone a position still yields a hit (the largest exit
     *                     hysteresis any detector needs); {@code >= 0}
     * @throws IllegalArgumentException on a duplicate id, an unsupported or empty geometry, coordinates out
     *                                  of range, or a bad margin
     */
    public static ZoneIndex of(List<Zone> zones, double marginMetres) {
        Objects.requireNonNull(zones, "zones");
        if (!(marginMetres >= 0.0) || Double.isInfinite(marginMetres)) {
            throw new IllegalArgumentException("marginMetres must be finite and >= 0, was " + marginMetres);
        }
        List<Zone> copy = List.copyOf(zones);
        Map<String, Zone> seen = new HashMap<>();
        for (Zone z : copy) {
            Zone before = seen.putIfAbsent(z.id(), z);
            if (before != null) {
                throw new IllegalArgumentException("duplicate zone id '" + z.id() + "' (from " + before.source()
                        + " and " + z.source() + ")");
            }
            checkGeometry(z);
        }
        return new ZoneIndex(copy, marginMetres);
    }

    private static void checkGeometry(Zone z) {
        Geometry g = z.geometry();
        if (g.isEmpty()) {
            throw new IllegalArgumentException("zone " + z.id() + ": empty geometry");
        }
        if (!(g instanceof Point) && !(g instanceof Polygonal)) {
            throw new IllegalArgumentException("zone " + z.id() + ": unsupported geometry " + g.getGeometryType()
                    + " (use Point, Polygon or MultiPolygon)");
        }
        Envelope e = g.getEnvelopeInternal();
        if (!Geo.isValid(e.getMinY(), e.getMinX()) || !Geo.isValid(e.getMaxY(), e.getMaxX())) {
            throw new IllegalArgumentException("zone " + z.id() + ": coordinates outside lat [-90, 90], lon [-180, 180]: "
                    + e + " (split polygons that cross the antimeridian in two)");
        }
    }

    private void prepare(int i, Zone z) {
        Geometry g = z.geometry();
        boxes[i] = LatLonBox.around(g.getEnvelopeInternal(), z.radiusMetres() + marginMetres);
        if (g instanceof Point p) {
            centreLat[i] = p.getY();
            centreLon[i] = p.getX();
            return;
        }
        centreLat[i] = Double.NaN;
        centreLon[i] = Double.NaN;
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g);
        locator.locate(g.getCoordinate()); // builds the index now, so no lookup waits on its lock
        locators[i] = locator;
        edges[i] = EdgeDistance.of(g);
    }

    private CellGrid buildGrid(STRtree tree) {
        long[] pairs = new long[Math.max(16, byIndex.length * 4)];
        int count = 0;
        for (int i = 0; i < byIndex.length; i++) {
            LatLonBox b = boxes[i];
            if (b.cellCount() > MAX_GRID_CELLS) {
                tree.insert(b.toEnvelope(), i);
                continue;
            }
            int needed = (int) b.cellCount();
            if (count + needed > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(pairs.length * 2, count + needed));
            }
            count = addCells(pairs, count, i, b.minLat(), b.maxLat(), b.minLon1(), b.maxLon1());
            if (b.wraps()) {
                count = addCells(pairs, count, i, b.minLat(), b.maxLat(), b.minLon2(), b.maxLon2());
            }
        }
        return CellGrid.build(pairs, count);
    }

    private static int addCells(long[] pairs, int count, int zone, double minLat, double maxLat, double minLon,
                                double maxLon) {
        int n = count;
        for (int row = CellGrid.row(minLat); row <= CellGrid.row(maxLat); row++) {
            for (int col = CellGrid.col(minLon); col <= CellGrid.col(maxLon); col++) {
                pairs[n++] = ((long) (row * CellGrid.COLS + col) << 32) | zone;
            }
        }
        return n;
    }

    @Override
    public List<ZoneHit> near(double lat, double lon) {
        if (!Geo.isValid(lat, lon)) {
            return List.of();
        }
        int[] candidates = grid.get(lat, lon);
        if (candidates == null && wide == null) {
            return List.of();
        }
        List<ZoneHit> hits = null;
        if (candidates != null) {
            for (int i : candidates) {
                hits = addIfNear(hits, i, lat, lon);
            }
        }
        if (wide != null) {
            for (Object item : wide.query(new Envelope(lon, lon, lat, lat))) {
                hits = addIfNear(hits, (Integer) item, lat, lon);
            }
        }
        if (hits == null) {
            return List.of();
        }
        if (hits.size() > 1) {
            hits.sort(ORDER);
        }
        return List.copyOf(hits);
    }

    private @Nullable List<ZoneHit> addIfNear(@Nullable List<ZoneHit> hits, int i, double lat, double lon) {
        if (!boxes[i].contains(lat, lon)) {
            return hits;
        }
        double d = distanceMetres(i, lat, lon);
        if (!(d <= marginMetres)) {
            return hits;
        }
        List<ZoneHit> out = hits == null ? new ArrayList<>(4) : hits;
        out.add(new ZoneHit(byIndex[i], Math.max(0.0, d)));
        return out;
    }

    /**
     * Distance from the position to zone {@code i} in metres, {@code <= 0} inside; for polygons, any value
     * above the margin once it is clear the zone is out of reach.
     */
    double distanceMetres(int i, double lat, double lon) {
        Zone z = byIndex[i];
        if (locators[i] == null) {
            return Geo.haversineMetres(lat, lon, centreLat[i], centreLon[i]) - z.radiusMetres();
        }
        if (locators[i].locate(new Coordinate(lon, lat)) != Location.EXTERIOR) {
            return 0.0;
        }
        return edges[i].metres(lat, lon, marginMetres + z.radiusMetres()) - z.radiusMetres();
    }

    /**
     * The answer {@link #near} must give, by testing every zone: for tests and for checking the index.
     * Slow (linear in the number of zones).
     */
    public List<ZoneHit> nearByScan(double lat, double lon) {
        if (!Geo.isValid(lat, lon)) {
            return List.of();
        }
        List<ZoneHit> hits = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            double d = distanceMetres(i, lat, lon);
            if (d <= marginMetres) {
                hits.add(new ZoneHit(byIndex[i], Math.max(0.0, d)));
            }
        }
        hits.sort(ORDER);
        return List.copyOf(hits);
    }

    @Override
    public List<Zone> all() {
        return zones;
    }

    @Override
    public double marginMetres() {
        return marginMetres;
    }

    public int size() {
        return byIndex.length;
    }

    @Override
    public String toString() {
        return "ZoneIndex[" + byIndex.length + " zones, margin " + marginMetres + " m, " + grid.cellCount()
                + " grid cells, " + (wide == null ? 0 : wide.size()) + " wide zones]";
    }
}
