package io.watchkeeper.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a stranger uses it: unpacked into an empty folder, started with a PATH that
 * holds bash and nothing else (no java, no JAVA_HOME), so that only the bundled runtime can run it.
 */
class ReleaseArchiveIT {

    private static final Pattern BROKER = Pattern.compile("broker on [^:\\s]+:(\\d+)");
    private static final Pattern DASHBOARD = Pattern.compile("dashboard: +http://[^:\\s]+:(\\d+)");

    @TempDir
    static Path unpacked;

    private static Path home;

    /** PATH for the launcher: a folder holding bash and nothing else. */
    private static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("watchkeeper.archive"));
        assertThat(archive).as("made by the package phase").isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        home = unpacked.resolve("watchkeeper-" + System.getProperty("watchkeeper.version"));
        assertThat(home.resolve("bin/watchkeeper")).isExecutable();
        assertThat(home.resolve("lib/watchkeeper.jar")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(home.resolve("examples/systemd/watchkeeper-detect.service")).isRegularFile();
        // bash for the launcher's #!/usr/bin/env bash; nothing else.
        tools = Files.createDirectories(unpacked.resolve("path"));
        Files.createSymbolicLink(tools.resolve("bash"), Path.of("/bin/bash"));
    }

    /** Removed here, so that JUnit's clean-up has no link out of its folder to warn about. */
    @AfterAll
    static void removeLink() throws IOException {
        Files.deleteIfExists(tools.resolve("bash"));
    }

    @Test
    void versionIsTheBuiltOne(@TempDir Path dir) throws Exception {
        Process p = launch(dir, "--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("out.txt")).strip())
                .isEqualTo("watchkeeper " + System.getProperty("watchkeeper.version"));
    }

    /**
     * The default demo from the archive: the embedded broker, the stations and the bundled Danish recording
     * (read from inside watchkeeper.jar) produce real ships on the map API, their events in the store and on
     * MQTT, and the whole stops in order on SIGTERM.
     */
    @Test
    void demoRunsOnTheBundledRuntime(@TempDir Path dir) throws Exception {
        Process demo = launch(dir, "demo", "-q", "--port", "0", "--http", "0", "--data", dir.resolve("data").toString(),
                "--duration", "300");
        Path err = dir.resolve("err.txt");
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    Files.readString(err).contains("Ctrl-C to stop") || !demo.isAlive());
            assertThat(demo.isAlive()).as(Files.readString(err)).isTrue();
            String banner = Files.readString(err);
            assertThat(banner).contains("AIS/AIS1", "looped on the clock");
            int broker = port(BROKER, banner);
            int http = port(DASHBOARD, banner);

            HttpResponse<String> health = client.send(request(http, "/health"), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(mapper.readTree(health.body()).get("status").asText()).isEqualTo("UP");

            try (MosquittoSub events = MosquittoSub.start(broker, "EVENT/#")) {
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        realShips(get(client, http, "/api/vessels", mapper).get("vessels")).size() >= 100);
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        !realShips(get(client, http, "/api/events?limit=200", mapper).get("events")).isEmpty());
                await().atMost(Duration.ofSeconds(30)).until(() -> events.messages().stream()
                        .anyMatch(m -> m.topic().startsWith("EVENT/AIS1/")));
            }
        } finally {
            demo.destroy(); // SIGTERM: the launcher exec'd java, so it is the JVM that gets it
            assertThat(demo.waitFor(40, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(err)).contains("stopped").doesNotContain("Exception");
    }

    /** Runs bin/watchkeeper in {@code dir} with an environment that has no Java anywhere. */
    private static Process launch(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/watchkeeper").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        for (String entry : env.get("PATH").split(File.pathSeparator)) {
            assertThat(Path.of(entry, "java")).as("no java on the PATH").doesNotExist();
        }
        return pb.start();
    }

    private static int port(Pattern pattern, String banner) {
        Matcher m = pattern.matcher(banner);
        assertThat(m.find()).as(pattern + " in\n" + banner).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build();
    }

    private static JsonNode get(HttpClient client, int port, String path, ObjectMapper mapper) throws Exception {
        HttpResponse<String> r = client.send(request(port, path), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    /** Vessels or events of the Danish recording: station AIS1 and a nine-digit MMSI. */
    private static List<JsonNode> realShips(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : list) {
            String id = n.has("id") ? n.get("id").asText() : n.at("/body/boat_id").asText();
            String site = n.has("site") ? n.get("site").asText() : n.at("/body/site").asText();
            if ("AIS1".equals(site) && id.matches("\\d{9}")) {
                out.add(n);
            }
        }
        return out;
    }
}
