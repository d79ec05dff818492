package io.watchkeeper.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.server.it.PackagedJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/** What the fault-injection tests share: the recording, the feed, the packaged engine, the consumer. */
final class FaultRig {

    /** The Danish Maritime Authority's recording: 80,246 lines, 1,900 vessels, 4.5 minutes. */
    static final Path RECORDING = Path.of("..", "..", "shared", "data", "dma-aisabnormal",
            "ais-sample-20131112T1200Z.txt.gz");
    static final String STATION = "DK";

    private FaultRig() {
    }

    static List<String> recording() throws IOException {
        Path file = RECORDING.toAbsolutePath().normalize();
        assertThat(file).as("shared data").exists();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** Publishes each line on {@code AIS/DK} at QoS 1, as a receiver does, and waits for the broker's acks. */
    static void feed(Publisher station, List<String> lines) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(lines.size());
        for (String line : lines) {
            sent.add(station.publish("AIS/" + STATION, line.getBytes(StandardCharsets.ISO_8859_1)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
    }

    /** A consumer with a durable session on {@code EVENT/#}: it misses nothing while connected or away. */
    static Subscriber consumer(BrokerAddress broker, String clientId, EventLedger ledger) {
        return Subscriber.connectDurable(ClientSettings.of(broker, clientId).withSessionExpiry(Duration.ofHours(1)),
                List.of("EVENT/#"), (topic, payload, ack) -> {
                    ledger.record(payload);
                    ack.acknowledge();
                });
    }

    /** The packaged {@code detect}, as an operator runs it, with every detector and the WPI ports. */
    static Process startEngine(Path dir, BrokerAddress broker, String name) throws IOException {
        Process engine = PackagedJar.start(dir.resolve(name + ".out"), dir.resolve(name + ".err"), "detect", "-q",
                "--broker", "tcp://" + broker, "--client-id", "wk-fault-engine", "--data",
                dir.resolve("data").toString(), "--store", "none", "--zones", "builtin:wpi");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                Files.exists(dir.resolve(name + ".err"))
                        && Files.readString(dir.resolve(name + ".err")).contains("Ctrl-C to stop")
                        || !engine.isAlive());
        assertThat(engine.isAlive()).as(Files.readString(dir.resolve(name + ".err"))).isTrue();
        return engine;
    }

    /** SIGKILL: no shutdown hook, no last checkpoint, no clean disconnect. */
    static void kill9(Process engine) throws InterruptedException {
        engine.destroyForcibly();
        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.exitValue()).as("killed by signal 9").isEqualTo(137);
    }

    static void stop(Process engine) throws InterruptedException {
        engine.destroy();
        if (!engine.waitFor(60, TimeUnit.SECONDS)) {
            engine.destroyForcibly();
        }
    }

    /** Waits until no event has arrived for {@code quiet}: the engine has drained its input. */
    static void awaitQuiet(EventLedger ledger, Duration quiet, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.size() > 0 && ledger.quietNanos() >= quiet.toNanos());
    }

    static Publisher station(BrokerAddress broker) {
        return Publisher.connect(ClientSettings.of(broker, STATION).withMaxInFlight(4096));
    }
}
