package io.watchkeeper.core.zone;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Small zone builders for the tests; coordinates given as lat, lon like everything else in Watchkeeper. */
final class TestZones {

    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private TestZones() {
    }

    static Zone point(String id, double lat, double lon, double radiusMetres) {
        return new Zone(id, id, ZoneKind.ANCHORAGE, GF.createPoint(new Coordinate(lon, lat)), radiusMetres,
                Double.NaN, "test");
    }

    /** An axis-aligned box in degrees, with optional holes given as further boxes. */
    static Zone box(String id, double minLat, double minLon, double maxLat, double maxLon, double[]... holes) {
        LinearRing[] holeRings = new LinearRing[holes.length];
        for (int i = 0; i < holes.length; i++) {
            holeRings[i] = ring(holes[i][0], holes[i][1], holes[i][2], holes[i][3]);
        }
        return zone(id, GF.createPolygon(ring(minLat, minLon, maxLat, maxLon), holeRings));
    }

    static Zone zone(String id, org.locationtech.jts.geom.Geometry g) {
        return new Zone(id, id, ZoneKind.PORT, g, 0.0, Double.NaN, "test");
    }

    static Polygon boxPolygon(double minLat, double minLon, double maxLat, double maxLon) {
        return GF.createPolygon(ring(minLat, minLon, maxLat, maxLon));
    }

    static LinearRing ring(double minLat, double minLon, double maxLat, double maxLon) {
        return GF.createLinearRing(new Coordinate[] {
            new Coordinate(minLon, minLat), new Coordinate(maxLon, minLat), new Coordinate(maxLon, maxLat),
            new Coordinate(minLon, maxLat), new Coordinate(minLon, minLat)});
    }
}
