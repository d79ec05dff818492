package io.watchkeeper.server.zones;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Turns one GeoJSON Feature into a {@link Zone}, or says precisely what is wrong with it. */
final class FeatureReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final String source;
    private final ZoneKind defaultKind;
    private final double defaultRadiusMetres;

    FeatureReader(String source, ZoneKind defaultKind, double defaultRadiusMetres) {
        this.source = source;
        this.defaultKind = defaultKind;
        this.defaultRadiusMetres = defaultRadiusMetres;
    }

    ZoneFileException error(int index, @Nullable String id, String problem) {
        String which = id == null ? "feature " + index : "feature " + index + " (id '" + id + "')";
        return new ZoneFileException(source + ": " + which + ": " + problem);
    }

    Zone zone(int index, JsonNode feature) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw error(index, null, "is not a GeoJSON Feature object");
        }
        JsonNode props = feature.path("properties");
        String givenId;
        try {
            String fromProperties = idOf(props.get("id"));
            givenId = fromProperties != null ? fromProperties : idOf(feature.get("id"));
        } catch (IllegalArgumentException e) {
            throw error(index, null, e.getMessage());
        }
        String id = givenId != null ? givenId : source + "#" + index;
        try {
            return build(id, props, feature.get("geometry"));
        } catch (IllegalArgumentException e) {
            throw error(index, givenId, e.getMessage());
        }
    }

    private Zone build(String id, JsonNode props, @Nullable JsonNode geometryNode) {
        if (geometryNode == null || geometryNode.isNull()) {
            throw new IllegalArgumentException("has no geometry");
        }
        String type = geometryNode.path("type").asText();
        Geometry geometry = switch (type) {
            case "Point" -> GEOMETRY.createPoint(position(geometryNode.path("coordinates"), "Point"));
            case "Polygon" -> polygon(geometryNode.path("coordinates"), "Polygon");
            case "MultiPolygon" -> multiPolygon(geometryNode.path("coordinates"));
            default -> throw new IllegalArgumentException("geometry type '" + type
                    + "' is not supported (use Polygon, MultiPolygon or Point)");
        };
        ZoneKind kind = props.hasNonNull("kind") ? ZoneKind.parse(text(props, "kind")) : defaultKind;
        double radius = radius(props, type);
        double speedLimit = speedLimit(props, kind);
        String name = props.hasNonNull("name") ? text(props, "name") : id;
        return new Zone(id, name, kind, geometry, radius, speedLimit, source);
    }

    private double radius(JsonNode props, String geometryType) {
        if (!props.hasNonNull("radius_m")) {
            return "Point".equals(geometryType) ? defaultRadiusMetres : 0.0;
        }
        if (!"Point".equals(geometryType)) {
            throw new IllegalArgumentException("radius_m applies to Point features only, not " + geometryType);
        }
        double r = number(props, "radius_m");
        if (r < 0) {
            throw new IllegalArgumentException("radius_m must be >= 0, was " + r);
        }
        return r;
    }

    private static double speedLimit(JsonNode props, ZoneKind kind) {
        boolean given = props.hasNonNull("speed_limit_kn");
        if (kind != ZoneKind.SPEED_LIMIT) {
            if (given) {
                throw new IllegalArgumentException("speed_limit_kn is only allowed on kind speed_limit, not "
                        + kind.wireName());
            }
            return Double.NaN;
        }
        if (!given) {
            throw new IllegalArgumentException("kind speed_limit needs speed_limit_kn");
        }
        double knots = number(props, "speed_limit_kn");
        if (!(knots > 0)) {
            throw new IllegalArgumentException("speed_limit_kn must be > 0, was " + knots);
        }
        return knots;
    }

    private static Geometry multiPolygon(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw new IllegalArgumentException("MultiPolygon needs an array of at least one polygon");
        }
        Polygon[] parts = new Polygon[coordinates.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = polygon(coordinates.get(i), "MultiPolygon polygon " + i);
        }
        return GEOMETRY.createMultiPolygon(parts);
    }

    private static Polygon polygon(JsonNode rings, String what) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(what + " needs an array of at least one ring");
        }
        LinearRing shell = ring(rings.get(0), what + " ring 0");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), what + " ring " + i);
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String what) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException(what + " has " + (positions.isArray() ? positions.size() : 0)
                    + " positions, needs at least 4");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(positions.get(i), what + " position " + i);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException(what + " is not closed: its first and last positions differ");
        }
        return GEOMETRY.createLinearRing(cs);
    }

    private static Coordinate position(JsonNode p, String what) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException(what + " must be [longitude, latitude], was " + p);
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(what + ": longitude " + lon + " is outside [-180, 180]"
                    + " (split a polygon that crosses the antimeridian in two)");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(what + ": latitude " + lat + " is outside [-90, 90]"
                    + " (positions are [longitude, latitude])");
        }
        return new Coordinate(lon, lat);
    }

    private static @Nullable String idOf(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isIntegralNumber()) {
            return node.asText();
        }
        throw new IllegalArgumentException("id must be a string or an integer, was " + node);
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, was " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(field + " must be a number, was " + v);
        }
        return v.asDouble();
    }
}
