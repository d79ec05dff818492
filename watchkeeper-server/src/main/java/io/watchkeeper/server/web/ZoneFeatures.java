package io.watchkeeper.server.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.Zone;
import java.io.IOException;
import java.util.List;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Zones as a GeoJSON FeatureCollection (RFC 7946: longitude first), the form
 * {@link io.watchkeeper.server.zones.ZoneGeoJson} reads: properties {@code id}, {@code name}, {@code kind},
 * {@code radius_m} for points and {@code speed_limit_kn} when set.
 */
final class ZoneFeatures {


    private ZoneFeatures() {
    }

    static void write(JsonGenerator g, List<Zone> zones, @Nullable Envelope bbox) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (Zone z : zones) {
            if (bbox == null || bbox.intersects(extent(z))) {
                feature(g, z);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The zone's envelope; for a point zone grown by its radius, so that a circle at a box's edge is kept. */
    static Envelope extent(Zone z) {
        Envelope e = new Envelope(z.geometry().getEnvelopeInternal());
        if (z.isPoint() && z.radiusMetres() > 0) {
            double dLat = z.radiusMetres() / Geo.METRES_PER_DEGREE_LAT;
            double dLon = z.radiusMetres() / Math.max(Geo.metresPerDegreeLon(e.centre().y), 0.01 * Geo.METRES_PER_DEGREE_LAT);
            e.expandBy(dLon, dLat);
        }
        return e;
    }

    private static void feature(JsonGenerator g, Zone z) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", z.id());
        g.writeFieldName("geometry");
        geometry(g, z.geometry());
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", z.id());
        g.writeStringField("name", z.name());
        g.writeStringField("kind", z.kind().wireName());
        if (z.isPoint()) {
            g.writeNumberField("radius_m", z.radiusMetres());
        }
        if (!Double.isNaN(z.speedLimitKnots())) {
            g.writeNumberField("speed_limit_kn", z.speedLimitKnots());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Point, Polygon, MultiPolygon: what zones are made of. Anything else is written as a null geometry. */
    private static void geometry(JsonGenerator g, Geometry geometry) throws IOException {
        if (geometry instanceof Point p && !p.isEmpty()) {
            g.writeStartObject();
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(g, p.getCoordinate());
            g.writeEndObject();
        } else if (geometry instanceof Polygon p) {
            g.writeStartObject();
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            rings(g, p);
            g.writeEndObject();
        } else if (geometry instanceof MultiPolygon mp) {
            g.writeStartObject();
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                rings(g, (Polygon) mp.getGeometryN(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeNull();
        }
    }

    private static void rings(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        ring(g, p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(g, p.getInteriorRingN(i));
        }
        g.writeEndArray();
    }

    private static void ring(JsonGenerator g, LineString ring) throws IOException {
        g.writeStartArray();
        for (Coordinate c : ring.getCoordinates()) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.x);
        g.writeNumber(c.y);
        g.writeEndArray();
    }
}
