package io.watchkeeper.server.zones;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes the built-in {@code gfw-anchorages} set from GFW's cells (written by
 * tools/zones/build_builtin_zones.py): one area per port label. Run from the repository root after
 * {@code mvn -pl watchkeeper-server test-compile}:
 * <pre>{@code
 * java -cp "watchkeeper-server/target/watchkeeper.jar:watchkeeper-server/target/test-classes" \
 *     io.watchkeeper.server.zones.AnchorageAreasTool \
 *     tools/zones/cells/gfw-anchorage-cells.geojson.gz watchkeeper-server/src/main/resources/zones/gfw-anchorages.geojson.gz
 * }</pre>
 * The output is the same bytes for the same input.
 */
public final class AnchorageAreasTool {

    private AnchorageAreasTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AnchorageAreasTool CELLS.geojson.gz OUT.geojson.gz");
            System.exit(2);
        }
        List<Zone> cells = ZoneGeoJson.read(Path.of(args[0]), ZoneKind.ANCHORAGE, ZoneGeoJson.DEFAULT_POINT_RADIUS_METRES);
        List<Zone> areas = AnchorageAreas.dissolve(cells);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(args[1])));
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "gfw-anchorages");
            g.writeStringField("attribution", "Global Fishing Watch anchorages_pipeline, anchorage_overrides.csv "
                    + "(Apache-2.0); cells of one label merged into areas by Watchkeeper");
            g.writeArrayFieldStart("features");
            for (Zone z : areas) {
                writeFeature(g, z);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        System.err.printf("%d cells -> %d anchorage areas%n", cells.size(), areas.size());
    }

    private static void writeFeature(JsonGenerator g, Zone z) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", z.id());
        g.writeStringField("name", z.name());
        g.writeStringField("kind", "anchorage");
        if (z.isPoint()) {
            g.writeNumberField("radius_m", z.radiusMetres());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("geometry");
        Geometry geom = z.geometry();
        if (z.isPoint()) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(g, geom.getCoordinate());
        } else if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            polygon(g, p);
        } else {
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                polygon(g, (Polygon) geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void polygon(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        ring(g, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(g, p.getInteriorRingN(i).getCoordinates());
        }
        g.writeEndArray();
    }

    private static void ring(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
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
