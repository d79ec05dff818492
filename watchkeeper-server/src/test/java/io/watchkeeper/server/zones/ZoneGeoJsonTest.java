package io.watchkeeper.server.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneGeoJsonTest {

    private static final String SQUARE = "[[[-1.12,50.79],[-1.10,50.79],[-1.10,50.81],[-1.12,50.81],[-1.12,50.79]]]";

    @Test
    void readsPolygonsMultiPolygonsAndPointsWithTheirProperties() {
        List<Zone> zones = read(collection(
                feature("{\"id\":\"harbour\",\"name\":\"Portsmouth Harbour\",\"kind\":\"port\",\"colour\":\"red\"}",
                        "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"),
                feature("{\"id\":7,\"kind\":\"speed_limit\",\"speed_limit_kn\":10}",
                        "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "]}"),
                feature("{\"name\":\"Berth 4\",\"kind\":\"berth\",\"radius_m\":150}",
                        "{\"type\":\"Point\",\"coordinates\":[-1.109,50.801]}")));
        assertThat(zones).extracting(Zone::id).containsExactly("harbour", "7", "test.geojson#2");
        Zone harbour = zones.get(0);
        assertThat(harbour.name()).isEqualTo("Portsmouth Harbour");
        assertThat(harbour.kind()).isEqualTo(ZoneKind.PORT);
        assertThat(harbour.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(harbour.radiusMetres()).isZero();
        assertThat(harbour.speedLimitKnots()).isNaN();
        assertThat(harbour.source()).isEqualTo("test.geojson");
        assertThat(zones.get(1).name()).isEqualTo("7");
        assertThat(zones.get(1).speedLimitKnots()).isEqualTo(10.0);
        assertThat(zones.get(1).geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(zones.get(2).kind()).isEqualTo(ZoneKind.BERTH);
        assertThat(zones.get(2).radiusMetres()).isEqualTo(150.0);
        assertThat(zones.get(2).geometry().getCoordinate().y).isEqualTo(50.801);
    }

    @Test
    void fallsBackToTheFeatureIdAndToTheDefaultsPassedIn() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"f1\","
                + "\"properties\":null,\"geometry\":{\"type\":\"Point\",\"coordinates\":[151.2,-33.85]}}]}";
        Zone zone = ZoneGeoJson.read(stream(json), "x.geojson", ZoneKind.ANCHORAGE, 750).get(0);
        assertThat(zone.id()).isEqualTo("f1");
        assertThat(zone.kind()).isEqualTo(ZoneKind.ANCHORAGE);
        assertThat(zone.radiusMetres()).isEqualTo(750.0);
    }

    @Test
    void readsPolygonHoles() {
        String withHole = "[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]]";
        Zone zone = read(collection(feature("{}", "{\"type\":\"Polygon\",\"coordinates\":" + withHole + "}"))).get(0);
        assertThat(zone.geometry().getArea()).isCloseTo(0.96, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void acceptsGzipByItsMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(collection(feature("{\"id\":\"a\"}", "{\"type\":\"Point\",\"coordinates\":[0,0]}"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<Zone> zones = ZoneGeoJson.read(new ByteArrayInputStream(bytes.toByteArray()), "z.geojson.gz",
                ZoneKind.PORT, 100);
        assertThat(zones).extracting(Zone::id).containsExactly("a");
    }

    @Test
    void readsTheExampleFile() {
        List<Zone> zones = ZoneGeoJson.read(examples().resolve("zones/portsmouth.geojson"));
        assertThat(zones).extracting(Zone::kind)
                .contains(ZoneKind.PORT, ZoneKind.BERTH, ZoneKind.SPEED_LIMIT);
        assertThat(zones).filteredOn(z -> z.kind() == ZoneKind.SPEED_LIMIT)
                .allMatch(z -> z.speedLimitKnots() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ring of 3 positions | {"id":"x"} | {"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]} | test.geojson: feature 1 (id 'x'): Polygon ring 0 has 3 positions, needs at least 4
        open ring | {} | {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]} | test.geojson: feature 1: Polygon ring 1 is not closed: its first and last positions differ
        no rings | {} | {"type":"Polygon","coordinates":[]} | test.geojson: feature 1: Polygon needs an array of at least one ring
        bad multipolygon ring | {"id":"m"} | {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[0,0]]]]} | test.geojson: feature 1 (id 'm'): MultiPolygon polygon 1 ring 0 has 3 positions, needs at least 4
        empty multipolygon | {} | {"type":"MultiPolygon","coordinates":[]} | test.geojson: feature 1: MultiPolygon needs an array of at least one polygon
        line | {"id":"l"} | {"type":"LineString","coordinates":[[0,0],[1,1]]} | test.geojson: feature 1 (id 'l'): geometry type 'LineString' is not supported (use Polygon, MultiPolygon or Point)
        no geometry | {"id":"g"} | null | test.geojson: feature 1 (id 'g'): has no geometry
        text position | {} | {"type":"Point","coordinates":["0","0"]} | test.geojson: feature 1: Point must be [longitude, latitude], was ["0","0"]
        longitude | {} | {"type":"Point","coordinates":[181,0]} | test.geojson: feature 1: Point: longitude 181.0 is outside [-180, 180] (split a polygon that crosses the antimeridian in two)
        latitude | {} | {"type":"Point","coordinates":[0,-91]} | test.geojson: feature 1: Point: latitude -91.0 is outside [-90, 90] (positions are [longitude, latitude])
        kind | {"kind":"harbour"} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: unknown zone kind 'harbour'; known: port, berth, anchorage, pilot_boarding, speed_limit, other
        kind not text | {"kind":3} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: kind must be a string, was 3
        radius on polygon | {"radius_m":10} | {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]} | test.geojson: feature 1: radius_m applies to Point features only, not Polygon
        negative radius | {"radius_m":-1} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: radius_m must be >= 0, was -1.0
        radius text | {"radius_m":"big"} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: radius_m must be a number, was "big"
        speed limit missing | {"kind":"speed_limit"} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: kind speed_limit needs speed_limit_kn
        speed limit on port | {"speed_limit_kn":6} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: speed_limit_kn is only allowed on kind speed_limit, not port
        speed limit zero | {"kind":"speed_limit","speed_limit_kn":0} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: speed_limit_kn must be > 0, was 0.0
        id type | {"id":[1]} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1: id must be a string or an integer, was [1]
        duplicate id | {"id":"first"} | {"type":"Point","coordinates":[0,0]} | test.geojson: feature 1 (id 'first'): duplicate id, also used by feature 0
        """)
    void badFeaturesGiveOneClearMessage(String what, String properties, String geometry, String message) {
        String json = collection(feature("{\"id\":\"first\"}", "{\"type\":\"Point\",\"coordinates\":[0,0]}"),
                feature(properties, geometry));
        assertThatThrownBy(() -> read(json)).isInstanceOf(ZoneFileException.class).hasMessage(message);
    }

    @Test
    void badDocumentsGiveOneClearMessage() {
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[}"))
                .hasMessageStartingWith("test.geojson: not valid JSON at line 1, column");
        assertThatThrownBy(() -> read("[]")).hasMessage("test.geojson: expected a GeoJSON FeatureCollection object");
        assertThatThrownBy(() -> read("{\"type\":\"Feature\",\"features\":[]}"))
                .hasMessage("test.geojson: expected a GeoJSON FeatureCollection, found type Feature");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\"}"))
                .hasMessage("test.geojson: FeatureCollection has no \"features\" array");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Point\"}]}"))
                .hasMessage("test.geojson: feature 0: is not a GeoJSON Feature object");
        assertThatThrownBy(() -> ZoneGeoJson.read(Path.of("no/such/zones.geojson")))
                .isInstanceOf(ZoneFileException.class).hasMessage("no/such/zones.geojson: no such zones file");
    }

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (p.resolve("examples/zones").toFile().isDirectory()) {
                return p.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Zone> read(String json) {
        return ZoneGeoJson.read(stream(json), "test.geojson", ZoneKind.PORT, 1000);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }
}
