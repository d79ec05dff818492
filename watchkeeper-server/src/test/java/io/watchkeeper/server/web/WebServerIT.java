package io.watchkeeper.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneIndex;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.server.live.LiveView;
import io.watchkeeper.server.output.store.JdbcEventStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The API against a real server on an ephemeral port, read with java.net.http as any client would. */
class WebServerIT {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final GeometryFactory GEO = new GeometryFactory();

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicBoolean up = new AtomicBoolean(true);
    JdbcEventStore store;
    LiveView live;
    EventHub hub;
    WebServer server;

    static Fix fix(String mmsi, Instant t, double lat, double lon) {
        return Fix.geo(VesselId.of(mmsi), "SOLENT", t, lat, lon, 7.5, 90, Double.NaN, 0, null);
    }

    static Event event(String id, String type, String mmsi, Instant t) {
        Fix cause = fix(mmsi, t, 50.8, -1.1);
        return new Event(id, type, "SOLENT", cause.vessel(), "boat", "moving", "resting", t, t, cause, Map.of());
    }

    @BeforeEach
    void start() {
        VesselRegistry registry = new VesselRegistry();
        registry.merge(new VesselInfo(VesselId.of("235000001"), "<script>alert(1)</script>", "MKZV7", 0, 52, 10, 20,
                4, 4, Double.NaN, "SOUTHAMPTON", null, T0));
        live = new LiveView(registry);
        for (int i = 0; i < 30; i++) {
            live.onFix(fix("235000001", T0.plusSeconds(i * 10L), 50.8 + i * 0.001, -1.1));
        }
        live.onFix(fix("235000002", T0, 50.9, -1.2));
        live.onFix(Fix.planar(VesselId.scoped("PORT1", "3", true), "PORT1", T0, 10, 20, null));
        live.accept(event("live-1", "STATETRANSITION", "235000001", T0.plusSeconds(100)));

        store = JdbcEventStore.openSqlite(dir.resolve("events.db"));
        List<Event> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(event("s" + i, i % 2 == 0 ? "STATETRANSITION" : "ZONE_ENTER", "235000001", T0.plusSeconds(i)));
        }
        stored.add(event("other", "STATETRANSITION", "235000002", T0.plusSeconds(10)));
        store.append(stored);

        List<Zone> zones = List.of(
                new Zone("harbour", "Portsmouth Harbour", ZoneKind.PORT, GEO.createPolygon(new Coordinate[] {
                        new Coordinate(-1.12, 50.79), new Coordinate(-1.08, 50.79), new Coordinate(-1.08, 50.83),
                        new Coordinate(-1.12, 50.79)}), 0, Double.NaN, "test"),
                new Zone("slow", "Speed limit", ZoneKind.SPEED_LIMIT, GEO.createPolygon(new Coordinate[] {
                        new Coordinate(10, 10), new Coordinate(11, 10), new Coordinate(11, 11),
                        new Coordinate(10, 10)}), 0, 6, "test"),
                new Zone("anch", "Anchorage", ZoneKind.ANCHORAGE, GEO.createPoint(new Coordinate(-1.0, 50.7)), 500,
                        Double.NaN, "test"));
        RuleMachine rule = RuleMachine.of("slow-in-port", List.of("fast", "slow"), "fast", List.of(
                new RuleTransition(List.of("*"), "slow", List.of(new Condition.SpeedBelow(3)), List.of(), null),
                new RuleTransition(List.of("slow"), "fast", List.of(), List.of(new Condition.SpeedBelow(5)), "FAST")));
        List<MachineView> machines = List.of(MachineView.of(new BoatDetector()), MachineView.of(rule),
                MachineView.detector("pairs"));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.counter("watchkeeper.test.events").increment(3);
        hub = new EventHub();
        WebServices services = new WebServices(live, store, ZoneIndex.of(zones, 0), machines,
                () -> new Health(up.get(), 42, new Health.Engine(10, 9, 1, 3, 0, 0), "localhost:1883",
                        new Health.Store("jdbc:sqlite:events.db", store.count(), 0, 0)), metrics, hub);
        server = WebServer.start("127.0.0.1", 0, services);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        // Jetty writes it without the space: application/json;charset=utf-8
        assertThat(r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase())
                .isEqualTo("application/json;charset=utf-8");
        return MAPPER.readTree(r.body());
    }

    void assertError(String path, int status, String messagePart) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        JsonNode e = json(r).get("error");
        assertThat(e.get("status").asInt()).isEqualTo(status);
        assertThat(e.get("message").asText()).as(path).contains(messagePart);
    }

    @Test
    void vesselsAreListedSortedWithStatesAndStaticDataAsText() throws Exception {
        HttpResponse<String> r = get("/api/vessels");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("count").asInt()).isEqualTo(3);
        JsonNode v = body.get("vessels").get(0);
        assertThat(body.get("vessels").findValuesAsText("id")).containsExactly("235000001", "235000002", "PORT1/3");
        assertThat(v.get("time").asText()).isEqualTo(T0.plusSeconds(290).toString());
        assertThat(v.get("lat").asDouble()).isEqualTo(50.829);
        assertThat(v.get("sogKnots").asDouble()).isEqualTo(7.5);
        assertThat(v.get("headingDegrees").isNull()).isTrue();
        assertThat(v.get("navStatus").asInt()).isZero();
        assertThat(v.get("states").get("boat").asText()).isEqualTo("resting");
        assertThat(v.get("name").asText()).isEqualTo("<script>alert(1)</script>"); // JSON, not HTML: as sent
        assertThat(v.get("callSign").asText()).isEqualTo("MKZV7");
        assertThat(v.get("shipType").asInt()).isEqualTo(52);
        assertThat(v.get("shipTypeText").asText()).isNotEmpty();
        assertThat(v.get("destination").asText()).isEqualTo("SOUTHAMPTON");
        JsonNode second = body.get("vessels").get(1);
        assertThat(second.get("name").isNull()).isTrue();
        assertThat(second.get("shipType").isNull()).isTrue();
        assertThat(json(get("/api/vessels?site=PORT1")).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aVesselComesWithItsTrackAndEvents() throws Exception {
        JsonNode v = json(get("/api/vessels/235000001"));
        assertThat(v.get("id").asText()).isEqualTo("235000001");
        JsonNode track = v.get("track");
        assertThat(track).hasSize(30);
        assertThat(track.get(0).get("time").asText()).isEqualTo(T0.toString());
        assertThat(track.get(1).get("lat").asDouble()).isEqualTo(50.801);
        assertThat(v.get("events")).hasSize(1);
        assertThat(v.get("events").get(0).at("/body/eventId").asText()).isEqualTo("live-1");
        assertThat(v.get("events").get(0).at("/header/type").asText()).isEqualTo("SOLENT/STATETRANSITION");

        JsonNode boat = json(get("/api/vessels/PORT1/3"));
        assertThat(boat.get("x").asDouble()).isEqualTo(10);
        assertThat(boat.get("lat").isNull()).isTrue();
        assertError("/api/vessels/999", 404, "no vessel '999'");
    }

    @Test
    void eventsComeFromTheStoreNewestFirstPageByPage() throws Exception {
        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/api/events?vessel=235000001&limit=2" + (next == null ? "" : "&cursor=" + next)));
            page.get("events").forEach(e -> ids.add(e.at("/body/eventId").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 10);
        assertThat(ids).containsExactly("s4", "s3", "s2", "s1", "s0");

        assertThat(json(get("/api/events?type=ZONE_ENTER")).get("events").findValuesAsText("eventId"))
                .containsExactly("s3", "s1");
        JsonNode window = json(get("/api/events?since=2026-03-01T12:00:01Z&until=2026-03-01T13:00:02%2B01:00"));
        assertThat(window.get("events").findValuesAsText("eventId")).containsExactly("s1");
        assertThat(json(get("/api/events")).get("events")).hasSize(6);
    }

    @Test
    void badParametersAreNamedIn400s() throws Exception {
        assertError("/api/events?limit=0", 400, "limit");
        assertError("/api/events?limit=1001", 400, "limit");
        assertError("/api/events?limit=ten", 400, "limit");
        assertError("/api/events?since=yesterday", 400, "since");
        assertError("/api/events?until=2026-13-01T00:00:00Z", 400, "until");
        assertError("/api/events?since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z", 400, "until");
        assertError("/api/events?cursor=bm90LWEtY3Vyc29y", 400, "cursor");
        assertError("/api/zones?bbox=1,2,3", 400, "bbox");
        // Each once a 500 with an ERROR stack trace, or a 503 blaming the store: checked before the store now.
        assertError("/api/events?since=%2B1000000000-01-01T00:00:00Z", 400, "since");
        assertError("/api/events?until=-999999999-01-01T00:00:00Z", 400, "until");
        assertError("/api/events?since=%2B10000-01-01T00:00:00Z", 400, "since");
        assertError("/api/events?until=%2B294248-01-01T00:00:00%2B01:00", 400, "until");
        assertError("/api/events?vessel=A%00", 400, "vessel must not contain the control character U+0000");
        assertError("/api/events?type=%1B%5B31m", 400, "type");
        assertError("/api/events?site=P%7F", 400, "site");
        assertError("/api/events?cursor=%00", 400, "cursor");
        assertError("/api/vessels?site=%C2%85", 400, "site");
        assertError("/api/events?limit=1e-700000000", 400, "limit");
        assertError("/api/events?limit=99999999999999999999", 400, "limit");
        assertError("/api/zones?bbox=1e-700000000,0,1,1e999", 400, "bbox");
        assertError("/api/zones?bbox=NaN,0,1,1", 400, "bbox");
        assertThat(get("/api/events?since=0000-01-01T00:00:00Z&until=9999-12-31T23:59:59Z").statusCode()).isEqualTo(200);
        assertError("/api/nothing-here", 404, "/api/nothing-here");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/api/vessels"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(json(post).at("/error/status").asInt()).isEqualTo(405);
    }

    @Test
    void zonesAreGeoJson() throws Exception {
        JsonNode fc = json(get("/api/zones"));
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = fc.get("features");
        assertThat(features).hasSize(3);
        JsonNode harbour = features.get(0);
        assertThat(harbour.at("/geometry/type").asText()).isEqualTo("Polygon");
        assertThat(harbour.at("/geometry/coordinates/0/0/0").asDouble()).isEqualTo(-1.12); // longitude first
        assertThat(harbour.at("/properties/kind").asText()).isEqualTo("port");
        assertThat(harbour.at("/properties/name").asText()).isEqualTo("Portsmouth Harbour");
        assertThat(features.get(1).at("/properties/speed_limit_kn").asDouble()).isEqualTo(6);
        JsonNode anchorage = features.get(2);
        assertThat(anchorage.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(anchorage.at("/properties/radius_m").asDouble()).isEqualTo(500);
        assertThat(harbour.at("/properties/radius_m").isMissingNode()).isTrue();

        JsonNode solent = json(get("/api/zones?bbox=-2,50,0,51"));
        assertThat(solent.get("features").findValuesAsText("id")).containsExactly("harbour", "harbour", "anch", "anch");
    }

    @Test
    void machinesListStatesTransitionsAndMermaid() throws Exception {
        JsonNode machines = json(get("/api/machines")).get("machines");
        assertThat(machines).hasSize(3);
        JsonNode boat = machines.get(0);
        assertThat(boat.get("kind").asText()).isEqualTo("fsm");
        assertThat(boat.get("name").asText()).isEqualTo(new BoatDetector().name());
        assertThat(boat.get("initial").asText()).isEqualTo(new BoatDetector().initialState());
        assertThat(boat.get("transitions").size()).isEqualTo(new BoatDetector().transitions().size());
        assertThat(boat.get("mermaid").asText()).startsWith("stateDiagram-v2");
        JsonNode rule = machines.get(1);
        assertThat(rule.get("kind").asText()).isEqualTo("rule");
        JsonNode t0 = rule.get("transitions").get(0);
        assertThat(t0.get("from").asText()).isEqualTo("fast");
        assertThat(t0.get("to").asText()).isEqualTo("slow");
        assertThat(t0.get("trigger").asText()).isEqualTo("SLOW_IN_PORT");
        assertThat(t0.get("when").get(0).asText()).isEqualTo("speedBelow 3kn");
        assertThat(rule.get("transitions").get(1).get("unless").get(0).asText()).isEqualTo("speedBelow 5kn");
        JsonNode plain = machines.get(2);
        assertThat(plain.get("kind").asText()).isEqualTo("detector");
        assertThat(plain.get("initial").isNull()).isTrue();
        assertThat(plain.get("mermaid").isNull()).isTrue();
    }

    @Test
    void healthSaysUpOrDownAndMetricsArePrometheusText() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = json(r);
        assertThat(h.get("status").asText()).isEqualTo("UP");
        assertThat(h.get("uptimeSeconds").asLong()).isEqualTo(42);
        assertThat(h.at("/engine/processed").asLong()).isEqualTo(9);
        assertThat(h.at("/engine/queueDepth").asLong()).isEqualTo(1);
        assertThat(h.get("broker").asText()).isEqualTo("localhost:1883");
        assertThat(h.at("/store/events").asLong()).isEqualTo(6);
        up.set(false);
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("status").asText()).isEqualTo("DOWN");

        HttpResponse<String> m = get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(m.body()).contains("watchkeeper_test_events_total 3.0");
    }

    @Test
    void withoutStoreOrMetricsThoseEndpointsSaySo() throws Exception {
        WebServices bare = new WebServices(live, null, io.watchkeeper.core.zone.ZoneLookup.NONE, List.of(),
                () -> new Health(true, 1, new Health.Engine(0, 0, 0, 0, 0, 0), null, null), null, new EventHub());
        try (WebServer other = WebServer.start("127.0.0.1", 0, bare)) {
            HttpResponse<String> events = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/api/events")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(503);
            assertThat(MAPPER.readTree(events.body()).at("/error/message").asText()).contains("no event store");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(404);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode h = MAPPER.readTree(health.body());
            assertThat(h.get("store").isNull()).isTrue();
            assertThat(h.get("broker").isNull()).isTrue();
        }
    }

    @Test
    void staticFilesAndWebjarsAreServed() throws Exception {
        HttpResponse<String> leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertThat(leaflet.statusCode()).isEqualTo(200);
        assertThat(leaflet.body()).contains("Leaflet");
        HttpResponse<String> index = get("/");
        if (WebServer.class.getResource("/web/index.html") != null) {
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        } else {
            assertThat(index.statusCode()).isEqualTo(404);
            assertThat(json(index).at("/error/status").asInt()).isEqualTo(404);
        }
    }
}
