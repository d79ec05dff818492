package io.watchkeeper.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.weather.WeatherReport;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneIndex;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.server.live.LiveView;
import io.watchkeeper.server.output.store.JdbcEventStore;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The OpenAPI document served at {@code /openapi.json} against the real server: every documented route is called
 * on a server with a store, vessels, events, zones and machines, and each answer's status, media type and body
 * must be what the document says for it; the routes the server registers and the document's paths must be the
 * same set.
 */
class OpenApiIT {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory GEO = new GeometryFactory();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private JdbcEventStore store;
    private WebServer server;
    private WebServer storeless;
    private JsonNode document;
    private SchemaCheck schemas;
    private final List<String> checked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        VesselRegistry registry = new VesselRegistry();
        registry.merge(new VesselInfo(VesselId.of("235000001"), "SOLENT TRADER", "MKZV7", 0, 52, 10, 20,
                4, 4, Double.NaN, "SOUTHAMPTON", null, T0));
        LiveView live = new LiveView(registry);
        for (int i = 0; i < 5; i++) {
            live.onFix(Fix.geo(VesselId.of("235000001"), "SOLENT", T0.plusSeconds(i * 20L), 50.8 + i * 0.001, -1.1,
                    7.5, 90, Double.NaN, 0, null));
        }
        live.onFix(Fix.planar(VesselId.scoped("PORT1", "3", true), "PORT1", T0, 10, 20, null));
        live.accept(event("live-1", "235000001", T0.plusSeconds(100)));
        store = JdbcEventStore.openSqlite(dir.resolve("events.db"));
        List<Event> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(event("s" + i, "235000001", T0.plusSeconds(i)));
        }
        store.append(stored);
        List<Zone> zones = List.of(
                new Zone("harbour", "Portsmouth Harbour", ZoneKind.PORT, GEO.createPolygon(new Coordinate[] {
                        new Coordinate(-1.12, 50.79), new Coordinate(-1.08, 50.79), new Coordinate(-1.08, 50.83),
                        new Coordinate(-1.12, 50.79)}), 0, 6, "test"),
                new Zone("anch", "Anchorage", ZoneKind.ANCHORAGE, GEO.createPoint(new Coordinate(-1.0, 50.7)), 500,
                        Double.NaN, "test"));
        // one station with every value, one whose report has none (nulls the schema must allow)
        live.weather().update(new WeatherReport("2190047", "DK", T0, 55.7, 12.6, 12, 17, 250, 8.5, 1013, 6.2, 0.3,
                1.1, 9.0));
        live.weather().update(new WeatherReport("2190048", "DK", T0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.counter("watchkeeper.test.events").increment(3);
        List<MachineView> machines = List.of(MachineView.of(new BoatDetector()), MachineView.detector("pairs"));
        server = WebServer.start("127.0.0.1", 0, new WebServices(live, store, ZoneIndex.of(zones, 0), machines,
                () -> new Health(up.get(), 42, new Health.Engine(10, 9, 1, 3, 0, 0), "localhost:1883",
                        new Health.Store("jdbc:sqlite:events.db", store.count(), 0, 0)), metrics, new EventHub()));
        storeless = WebServer.start("127.0.0.1", 0, new WebServices(live, null, ZoneIndex.of(List.of(), 0), List.of(),
                () -> new Health(true, 1, new Health.Engine(0, 0, 0, 0, 0, 0), null, null), null, new EventHub()));
        document = MAPPER.readTree(get(server, WebServer.OPENAPI_PATH).body());
        schemas = new SchemaCheck(document);
    }

    @AfterEach
    void stop() {
        server.close();
        storeless.close();
        store.close();
    }

    private static Event event(String id, String mmsi, Instant t) {
        Fix cause = Fix.geo(VesselId.of(mmsi), "SOLENT", t, 50.8, -1.1, 7.5, 90, Double.NaN, 0, null);
        return new Event(id, "STATETRANSITION", "SOLENT", cause.vessel(), "boat", "moving", "resting", t, t, cause,
                Map.of("sogKnots", 0.1));
    }

    @Test
    void everyDocumentedRouteAnswersAsDocumented() throws Exception {
        conforms(server, "/api/vessels", "/api/vessels", 200);
        conforms(server, "/api/vessels", "/api/vessels?site=SOLENT", 200);
        conforms(server, "/api/vessels/{id}", "/api/vessels/235000001", 200);
        conforms(server, "/api/vessels/{id}", "/api/vessels/999", 404);
        conforms(server, "/api/events", "/api/events", 200);
        conforms(server, "/api/events", "/api/events?limit=2&type=STATETRANSITION&vessel=235000001", 200);
        conforms(server, "/api/events", "/api/events?limit=0", 400);
        conforms(storeless, "/api/events", "/api/events", 503);
        conforms(server, "/api/zones", "/api/zones", 200);
        conforms(server, "/api/zones", "/api/zones?bbox=-1.2,50.7,-1.0,50.9", 200);
        conforms(server, "/api/zones", "/api/zones?bbox=nowhere", 400);
        conforms(server, "/api/machines", "/api/machines", 200);
        conforms(server, "/api/weather", "/api/weather", 200);
        conforms(server, "/health", "/health", 200);
        up.set(false);
        conforms(server, "/health", "/health", 503);
        conforms(storeless, "/health", "/health", 200); // no store, no broker: the nulls the schema allows
        conforms(server, "/metrics", "/metrics", 200);
        conforms(storeless, "/metrics", "/metrics", 404);
        conforms(server, "/openapi.json", "/openapi.json", 200);
        streamConforms("/api/events/stream?type=STATETRANSITION");

        Set<String> documented = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(checked).as("every documented path was called").containsAll(documented);
    }

    @Test
    void theDocumentAndTheServersRoutesAreTheSameSet() {
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(new TreeSet<>(server.routes())).isEqualTo(documented);
    }

    @Test
    void theCheckCatchesABodyThatBreaksItsSchema() {
        JsonNode vesselList = document.at("/components/schemas/VesselList");
        assertThat(schemas.problems(MAPPER.createObjectNode().put("count", "two").set("vessels", MAPPER.createArrayNode()),
                vesselList)).containsExactly("/count: expected [integer], got STRING");
        assertThat(schemas.problems(MAPPER.createObjectNode().put("count", 0).put("extra", 1), vesselList))
                .containsExactlyInAnyOrder(": missing required 'vessels'", "/extra: not in the schema");
    }

    /** Calls {@code url} and holds status, media type and body to what the document says for {@code path}. */
    private void conforms(WebServer on, String path, String url, int status) throws Exception {
        HttpResponse<String> r = get(on, url);
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(status);
        JsonNode content = documentedContent(path, status);
        String mediaType = content.fieldNames().next();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(url).startsWith(mediaType);
        if (mediaType.equals("application/json")) {
            assertThat(schemas.problems(MAPPER.readTree(r.body()), content.get(mediaType).get("schema")))
                    .as(url + " against its schema; body " + r.body()).isEmpty();
        } else {
            assertThat(r.body()).as(url).isNotEmpty();
        }
        checked.add(path);
    }

    /** The stream never ends: its status, media type and first frame are checked, then it is let go. */
    private void streamConforms(String url) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri(server, url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            assertThat(r.statusCode()).isEqualTo(200);
            String mediaType = documentedContent("/api/events/stream", 200).fieldNames().next();
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
            byte[] first = body.readNBytes(2);
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(": "); // the hello comment of an SSE stream
        }
        checked.add("/api/events/stream");
    }

    private JsonNode documentedContent(String path, int status) {
        JsonNode operation = document.path("paths").path(path).path("get");
        assertThat(operation.isMissingNode()).as("GET " + path + " is documented").isFalse();
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        assertThat(response.isMissingNode()).as("GET " + path + " documents status " + status).isFalse();
        return schemas.resolve(response).get("content");
    }

    private HttpResponse<String> get(WebServer on, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(on, path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(WebServer on, String path) {
        return URI.create("http://127.0.0.1:" + on.port() + path);
    }
}
