package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.mqtt.testing.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code detect --http} on a real recording, as an operator uses it: the REST API, the
 * metrics, {@code watchkeeper status}, and a restart on the same data directory that keeps the history.
 */
class WebApiIT {

    private static final String DANISH = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz").toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private static Process start(Path dir, String name, String... args) throws IOException {
        return PackagedJar.start(dir.resolve(name + ".out"), dir.resolve(name + ".err"), args);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(int port, String path) throws Exception {
        HttpResponse<String> r = get(port, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the shutdown hook closes the engine, then writes what the store still queues
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Test
    void restApiMetricsStatusAndHistoryThatSurvivesARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (TestBroker broker = TestBroker.Kind.EMBEDDED.start()) {
            String url = "tcp://127.0.0.1:" + broker.port();
            int port = PackagedJar.freePort();
            Process first = start(dir, "first", "detect", "-q", "--broker", url, "--http", String.valueOf(port),
                    "--data", data.toString(), "--input", "DK=file:" + DANISH);
            long stored;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !first.isAlive() || reachable(port)
                        && getJson(port, "/api/events?limit=1").path("events").size() > 0);
                assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.err"))).isTrue();

                JsonNode vessels = getJson(port, "/api/vessels");
                assertThat(vessels.path("count").asInt()).isGreaterThan(100);
                JsonNode one = vessels.path("vessels").get(0);
                assertThat(one.path("site").asText()).isEqualTo("DK");
                assertThat(getJson(port, "/api/vessels/" + one.path("id").asText()).path("track").isArray()).isTrue();

                JsonNode page = getJson(port, "/api/events?type=STATETRANSITION&limit=5");
                assertThat(page.path("events")).hasSizeBetween(1, 5).allSatisfy(e ->
                        assertThat(e.at("/header/type").asText()).isEqualTo("DK/STATETRANSITION"));

                HttpResponse<String> bad = get(port, "/api/events?limit=banana");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(json.readTree(bad.body()).at("/error/message").asText()).contains("limit");
                assertThat(get(port, "/api/vessels/000000000").statusCode()).isEqualTo(404);

                String metrics = get(port, "/metrics").body();
                assertThat(metrics).contains("watchkeeper_events_total{type=\"STATETRANSITION\"}",
                        "watchkeeper_engine_vessels", "jvm_memory_used_bytes");

                JsonNode health = getJson(port, "/health");
                assertThat(health.path("status").asText()).isEqualTo("UP");
                stored = health.at("/store/events").asLong();
                assertThat(stored).isPositive();

                Process status = start(dir, "status", "status", "--url", "http://127.0.0.1:" + port);
                assertThat(status.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(status.exitValue()).isZero();
                assertThat(Files.readString(dir.resolve("status.out"))).contains(": UP", "vessels", "events");
            } finally {
                stop(first);
            }

            // The same data directory, no input: yesterday's events are still there.
            int port2 = PackagedJar.freePort();
            Process second = start(dir, "second", "detect", "-q", "--broker", url, "--http", String.valueOf(port2),
                    "--data", data.toString());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !second.isAlive() || reachable(port2));
                assertThat(second.isAlive()).as(Files.readString(dir.resolve("second.err"))).isTrue();
                assertThat(getJson(port2, "/health").at("/store/events").asLong()).isGreaterThanOrEqualTo(stored);
                assertThat(getJson(port2, "/api/events?type=STATETRANSITION&limit=3").path("events")).isNotEmpty();
            } finally {
                stop(second);
            }
        }
        Process down = start(dir, "down", "status", "--url", "http://127.0.0.1:" + PackagedJar.freePort());
        assertThat(down.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(down.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("down.err"))).startsWith("status: cannot reach");
    }

    private boolean reachable(int port) {
        try {
            return get(port, "/health").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
