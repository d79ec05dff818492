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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        Process demo = start(dir, "demo", "--port", String.valueOf(port), "--seed", "7", "--rate", "20",
                "--http", "0", "--data", dir.resolve("data").toString());
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
