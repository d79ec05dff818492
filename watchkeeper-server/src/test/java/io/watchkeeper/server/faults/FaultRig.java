package io.watchkeeper.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.testing.TestData;
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

    /** The Danish Maritime Authority's recording: 80,246 lines, 24,688 positions of 1,438 vessels, 5 minutes. */
    static final Path RECORDING = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz");
    static final String STATION = "DK";

    private FaultRig() {
    }

    /**
     * The recording as a receiver would publish it: one message per report, holding its tag block, its
     * {@code $PGHP} time and its sentence(s), so that a message redelivered or repeated after a fault is a
     * whole report. (One line per message would let a repeated {@code $PGHP} date the wrong sentence.)
     */
    static List<String> recording() throws IOException {
        Path file = RECORDING.toAbsolutePath().normalize();
        assertThat(file).as("shared data").exists();
        List<String> messages = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                report.append(line).append('\n');
                if (endsReport(line)) {
                    messages.add(report.toString());
                    report.setLength(0);
                }
            }
        }
        if (report.length() > 0) {
            messages.add(report.toString());
        }
        return messages;
    }

    /** An AIS sentence that is the last fragment of its message: {@code !xxVDM,n,n,...}. */
    private static boolean endsReport(String line) {
        int bang = line.indexOf('!');
        if (bang < 0) {
            return false;
        }
        String[] fields = line.substring(bang).split(",", 4);
        return fields.length == 4 && fields[1].equals(fields[2]);
    }

    /** Publishes each report on {@code AIS/DK} at QoS 1, as a receiver does, and waits for the broker's acks. */
    static void feed(Publisher station, List<String> reports) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(reports.size());
        for (String report : reports) {
            sent.add(station.publish("AIS/" + STATION, report.getBytes(StandardCharsets.ISO_8859_1)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
    }

    /**
     * Publishes each report as a receiver does, waiting for the broker's acknowledgement before the next,
     * and at most {@code perSecond} a second (still far faster than the recording's own pace, about 90 a
     * second). On an unconfigured Mosquitto, which keeps 1,000 messages for a subscriber that falls
     * behind, this leaves a freshly started engine JVM, still compiling its hot paths, a second of slack;
     * how fast a warm engine takes a flat-out burst is {@code UnconfiguredMosquittoIT}'s question.
     */
    static void feedPaced(Publisher station, List<String> reports, int perSecond) {
        long start = System.nanoTime();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < reports.size(); i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            station.publish("AIS/" + STATION, reports.get(i).getBytes(StandardCharsets.ISO_8859_1))
                    .orTimeout(30, TimeUnit.SECONDS).join();
        }
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
                dir.resolve("data").toString(), "--store", "none", "--zones", "builtin:wpi",
                // Checkpoints often, so that a fault mid-stream finds one on disk and the restart both
                // resumes from it and replays the input log behind it.
                "--checkpoint-every", "500ms");
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

    /**
     * Waits until the ledger holds every event of {@code expected} (a fault run must reach the
     * reference), or {@code atMost} has passed, and then until it has been quiet for {@code quiet}, so
     * that anything spurious has come too. Reconnects back off up to 10 s, so quiet alone could end a
     * run while events still wait at the broker. A shortfall is left for the caller's assertions to name.
     */
    static void awaitAll(EventLedger ledger, java.util.Set<String> expected, Duration quiet, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.ids().containsAll(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return; // the caller lists what is missing
        }
        awaitQuiet(ledger, quiet, atMost);
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
