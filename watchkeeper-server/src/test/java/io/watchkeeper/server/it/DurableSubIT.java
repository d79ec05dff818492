package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.ExternalTools;
import io.watchkeeper.mqtt.testing.MosquittoBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sub -c -i ID -x SECONDS} against a real Mosquitto, as mosquitto_sub users run it: what is published
 * while the subscriber is away arrives when it comes back with the same id.
 */
class DurableSubIT {

    @TempDir
    Path dir;

    @Test
    void messagesPublishedWhileAwayArriveOnTheNextRun() throws Exception {
        ExternalTools.require("mosquitto_pub", "mosquitto-clients");
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            String port = String.valueOf(broker.port());
            // first run: makes the session and takes one message, then exits, leaving the session at the broker
            Process first = sub("first", port, "-C", "1");
            awaitSubscribed("first");
            mosquittoPub(port, "one");
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("first run ended after one message").isTrue();
            assertThat(Files.readString(dir.resolve("first.out"))).isEqualTo("EVENT/desk one\n");

            mosquittoPub(port, "two");   // nobody is connected now
            mosquittoPub(port, "three");

            Process second = sub("second", port, "-C", "2");
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("second run got both messages").isTrue();
            assertThat(second.exitValue()).isZero();
            assertThat(Files.readString(dir.resolve("second.out"))).isEqualTo("EVENT/desk two\nEVENT/desk three\n");
        }
    }

    private Process sub(String name, String port, String... more) throws IOException {
        String[] args = {"sub", "-h", "127.0.0.1", "-p", port, "-c", "-i", "desk-1", "-x", "120", "-v",
                "-t", "EVENT/#", more[0], more[1]};
        return PackagedJar.start(dir.resolve(name + ".out"), dir.resolve(name + ".err"), args);
    }

    private void awaitSubscribed(String name) {
        // sub prints this line once its subscription is acknowledged
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(dir.resolve(name + ".err")).contains("Ctrl-C to stop"));
    }

    private static void mosquittoPub(String port, String message) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-q", "1",
                "-t", "EVENT/desk", "-m", message).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
}
