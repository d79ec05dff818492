package io.watchkeeper.core.testing;

import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.core.zone.ZoneLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A zone lookup for detector tests: circles (a point and a radius) and lat/lon boxes, checked one by
 * one. Distance to a circle is the great-circle distance to its centre minus the radius; to a box, the
 * distance to the nearest point of the box; 0 inside. Answers are sorted inside first, then by distance,
 * then in load order, as the real index promises.
 */
public final class BruteForceZones implements ZoneLookup {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final List<Zone> zones;
    private final double marginMetres;

    public BruteForceZones(double marginMetres, List<Zone> zones) {
        this.zones = List.copyOf(zones);
        this.marginMetres = marginMetres;
    }

    public static Zone circle(String id, String name, ZoneKind kind, double lat, double lon, double radiusMetres) {
        return new Zone(id, name, kind, GEOMETRY.createPoint(new Coordinate(lon, lat)), radiusMetres, Double.NaN,
                "test");
    }

    public static Zone box(String id, String name, ZoneKind kind, double minLat, double minLon, double maxLat,
                           double maxLon) {
        return new Zone(id, name, kind, GEOMETRY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat)), 0.0,
                Double.NaN, "test");
    }

    @Override
    public List<ZoneHit> near(double lat, double lon) {
        List<ZoneHit> hits = new ArrayList<>();
        for (Zone zone : zones) {
            double d = distanceMetres(zone, lat, lon);
            if (d <= marginMetres) {
                hits.add(new ZoneHit(zone, d));
            }
        }
        hits.sort(Comparator.comparingDouble(ZoneHit::distanceMetres)); // stable: load order on ties
        return hits;
    }

    @Override
    public List<Zone> all() {
        return zones;
    }

    @Override
    public double marginMetres() {
        return marginMetres;
    }

    public static double distanceMetres(Zone zone, double lat, double lon) {
        if (zone.isPoint()) {
            Coordinate c = zone.geometry().getCoordinate();
            return Math.max(0.0, Geo.haversineMetres(lat, lon, c.y, c.x) - zone.radiusMetres());
        }
        Envelope box = zone.geometry().getEnvelopeInternal();
        double nearLat = Math.max(box.getMinY(), Math.min(box.getMaxY(), lat));
        double nearLon = Math.max(box.getMinX(), Math.min(box.getMaxX(), lon));
        return Geo.haversineMetres(lat, lon, nearLat, nearLon);
    }
}
