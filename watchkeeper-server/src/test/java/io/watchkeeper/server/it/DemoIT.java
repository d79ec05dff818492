package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as a user runs it: {@code java -jar watchkeeper.jar demo}, watched with the
 * real {@code mosquitto_sub} exactly as the original README says.
 */
class DemoIT {

    private static Process start(Path dir, String... args) throws IOException {
        return PackagedJar.start(dir.resolve("out.txt"), dir.resolve("err.txt"), args);
    }

    @Test
    void demoPublishesEventsThatMosquittoSubSees(@TempDir Path dir) throws Exception {
        int port = PackagedJar.freePort();
        Process demo = start(dir, "demo", "--stations-only", "--port", String.valueOf(port), "--seed", "7", "--rate",
                "20", "--http", "0", "--data", dir.resolve("data").toString());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Files.readString(dir.resolve("err.txt")).contains("Ctrl-C to stop") || !demo.isAlive());
            assertThat(demo.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();

            try (MosquittoSub events = MosquittoSub.start(port, "EVENT/#");
                 MosquittoSub data = MosquittoSub.start(port, "DATA/#")) {
                // Both subscribers are separate processes: on a busy machine one may connect seconds later.
                await().atMost(Duration.ofSeconds(30)).until(() -> events.messages().size() >= 5
                        && !data.messages().isEmpty());
                ObjectMapper mapper = new ObjectMapper();
                for (MosquittoSub.Message m : events.messages()) {
                    JsonNode n = mapper.readTree(m.payload());
                    assertThat(m.topic()).matches("EVENT/PORT[12]/STATETRANSITION/[0-3]");
                    assertThat(n.at("/body/state").asText()).isIn("moving", "resting");
                }
                assertThat(data.messages()).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.topic()).matches("DATA/PORT[12]"));
            }
            // The console log shows the same events, readably.
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("-> resting");
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops everything in order
            assertThat(demo.waitFor(20, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("stopped").doesNotContain("Exception");
        // What a restart would resume from: the broker's sessions and queues, and the engine's last checkpoint.
        assertThat(dir.resolve("data").resolve("broker")).isDirectoryContaining(p -> true);
        assertThat(dir.resolve("data").resolve("state").resolve("engine.ckpt")).isNotEmptyFile();
    }

    /**
     * The default demo: the bundled Danish recording replayed on the clock beside the stations. Real ships
     * (nine-digit MMSIs, positions in Danish waters) reach the map API
     * with a state from the engine, and their events reach the store, the event feed and MQTT, stamped
     * with today's time rather than 2013's.
     */
    @Test
    void theDefaultDemoShowsRealShipsFromTheBundledRecording(@TempDir Path dir) throws Exception {
        int port = PackagedJar.freePort();
        int http = PackagedJar.freePort();
        Process demo = start(dir, "demo", "-q", "--port", String.valueOf(port), "--http", String.valueOf(http),
                "--data", dir.resolve("data").toString());
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Files.readString(dir.resolve("err.txt")).contains("Ctrl-C to stop") || !demo.isAlive());
            assertThat(demo.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
            assertThat(Files.readString(dir.resolve("err.txt"))).contains("AIS/AIS1", "looped on the clock");
            Instant started = Instant.now().minusSeconds(60);

            try (MosquittoSub events = MosquittoSub.start(port, "EVENT/#")) {
                await().atMost(Duration.ofSeconds(90)).until(() -> realShips(get(client, http, "/api/vessels", mapper))
                        .size() >= 100);
                List<JsonNode> ships = realShips(get(client, http, "/api/vessels", mapper));
                assertThat(ships).allSatisfy(v -> {
                    assertThat(v.get("lat").asDouble()).isBetween(53.0, 60.0);
                    assertThat(v.get("lon").asDouble()).isBetween(3.0, 17.0);
                    assertThat(v.at("/states/boat").asText()).isIn("moving", "resting");
                });
                assertThat(Instant.parse(ships.get(0).get("time").asText())).isAfter(started);

                await().atMost(Duration.ofSeconds(90)).until(() -> !realShips(
                        get(client, http, "/api/events?limit=200", mapper).get("events")).isEmpty());
                JsonNode event = realShips(get(client, http, "/api/events?limit=200", mapper).get("events")).get(0);
                assertThat(Instant.parse(event.at("/body/time").asText())).isAfter(started);
                await().atMost(Duration.ofSeconds(30)).until(() -> events.messages().stream()
                        .anyMatch(m -> m.topic().startsWith("EVENT/AIS1/")));
                await().atMost(Duration.ofSeconds(30)).until(() -> events.messages().stream()
                        .anyMatch(m -> m.topic().matches("EVENT/PORT[12]/STATETRANSITION/[0-3]")));
            }
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(20, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception");
    }

    /** Vessels (or events) of the recording: site AIS1 and a nine-digit MMSI. */
    private static List<JsonNode> realShips(JsonNode list) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode n : list.has("vessels") ? list.get("vessels") : list) {
            String id = n.has("id") ? n.get("id").asText() : n.at("/body/boat_id").asText();
            String site = n.has("site") ? n.get("site").asText() : n.at("/body/site").asText();
            if ("AIS1".equals(site) && id.matches("\\d{9}")) {
                out.add(n);
            }
        }
        return out;
    }

    private static JsonNode get(HttpClient client, int port, String path, ObjectMapper mapper) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    @Test
    void stationsOnlyAndAnAisFileExcludeEachOther(@TempDir Path dir) throws Exception {
        Process demo = start(dir, "demo", "--stations-only", "--ais", "recording.nmea", "--http", "0");
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("err.txt"))).containsExactly(
                "demo: --stations-only and --ais exclude each other");
    }

    @Test
    void aTakenPortIsOneClearLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process demo = start(dir, "demo", "--port", String.valueOf(taken.getLocalPort()), "--http", "0",
                    "--data", dir.resolve("data").toString());
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(demo.exitValue()).isEqualTo(1);
            List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
            assertThat(err).hasSize(1);
            assertThat(err.get(0)).contains(String.valueOf(taken.getLocalPort())).contains("already in use");
        }
    }

    @Test
    void aTakenHttpPortIsOneClearLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process demo = start(dir, "demo", "--port", String.valueOf(PackagedJar.freePort()), "--http",
                    String.valueOf(taken.getLocalPort()), "--data", dir.resolve("data").toString());
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(demo.exitValue()).isEqualTo(1);
            List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.contains(" INFO ")).toList(); // the embedded broker's start line
            assertThat(err).singleElement().asString().startsWith("demo: cannot serve HTTP on 127.0.0.1:"
                    + taken.getLocalPort()).contains("already in use");
        }
    }

    @Test
    void anUnreachableBrokerIsOneClearLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        int port = PackagedJar.freePort();
        Process detect = start(dir, "detect", "--broker", "tcp://127.0.0.1:" + port);
        assertThat(detect.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(detect.exitValue()).isEqualTo(1);
        List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("detect: ").contains("127.0.0.1:" + port);
        assertThat(new File(dir.toFile(), "out.txt")).isEmpty();
    }
}
