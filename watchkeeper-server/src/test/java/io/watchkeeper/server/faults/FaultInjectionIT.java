package io.watchkeeper.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.ExternalTools;
import io.watchkeeper.mqtt.testing.MosquittoBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue D §7, with the packaged engine on the Danish recording (80,246 NMEA lines as about 26,000
 * QoS 1 messages on {@code AIS/DK}, one per report; every detector; the WPI ports). Each fault is compared with one
 * uninterrupted run: the exact set of events, none lost, none spurious, repeats only with the same
 * {@code eventId} and the same content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final Duration AT_MOST = Duration.ofMinutes(4);

    private List<String> recording;
    private EventLedger reference;

    @BeforeAll
    void uninterruptedRun(@TempDir Path dir) throws Exception {
        recording = FaultRig.recording();
        reference = new EventLedger();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber consumer = FaultRig.consumer(broker.address(), "reference-consumer", reference)) {
            Process engine = FaultRig.startEngine(dir, broker.address(), "reference");
            try (Publisher station = FaultRig.station(broker.address())) {
                FaultRig.feed(station, recording);
                FaultRig.awaitQuiet(reference, QUIET, AT_MOST);
            } finally {
                FaultRig.stop(engine);
            }
        }
        System.out.printf("fault reference: %,d input messages, %,d distinct events, %,d repeats%n",
                recording.size(), reference.size(), reference.repeats());
        assertThat(reference.size()).as("the recording gives plenty of events").isGreaterThan(1_500);
        assertThat(reference.conflicts()).isEmpty();
    }

    @Test
    void killNineMidStreamThenRestartLosesNothingAndInventsNothing(@TempDir Path dir) throws Exception {
        EventLedger ledger = new EventLedger();
        int seenAtKill;
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber consumer = FaultRig.consumer(broker.address(), "consumer", ledger);
             Publisher station = FaultRig.station(broker.address())) {
            Process first = FaultRig.startEngine(dir, broker.address(), "first");
            Thread feeding = new Thread(() -> FaultRig.feed(station, recording), "feed");
            feeding.start();
            int killAt = reference.size() * 2 / 5;
            Path checkpoint = dir.resolve("data").resolve("state").resolve("engine.ckpt");
            // Mid-stream, and after a first checkpoint, so that the restart resumes from it and replays the log.
            await().atMost(AT_MOST).until(() -> ledger.size() >= killAt && Files.exists(checkpoint)
                    || !first.isAlive());
            FaultRig.kill9(first);
            seenAtKill = ledger.size();
            assertThat(checkpoint).as("a checkpoint was on disk when the engine died").exists();

            Process second = FaultRig.startEngine(dir, broker.address(), "second");
            try {
                feeding.join(AT_MOST.toMillis());
                FaultRig.awaitAll(ledger, reference.ids(), QUIET, AT_MOST);
            } finally {
                FaultRig.stop(second);
            }
            assertThat(Files.readString(dir.resolve("second.err"))).contains("resumed");
        }
        System.out.printf("engine SIGKILL: killed after %,d of %,d events; %,d distinct events at the end, %,d repeats%n",
                seenAtKill, reference.size(), ledger.size(), ledger.repeats());
        assertThat(seenAtKill).as("killed mid-stream").isLessThan(reference.size());
        assertSameEvents(ledger);
    }

    /**
     * On a Mosquitto with no config file, the engine acknowledges every message as soon as its input log
     * holds it, so the broker holds nothing for it; SIGKILL then leaves the unread tail in the log, and the
     * restart replays it. The feed pauses while the engine is down: an unconfigured Mosquitto keeps only
     * 1,000 messages for any offline session and drops the rest, whoever the subscriber is. It is paced
     * at 1,000 reports a second (see {@link FaultRig#feedPaced}).
     */
    @Test
    void killNineOnAnUnconfiguredMosquittoReplaysTheInputLogAndLosesNothing(@TempDir Path dir) throws Exception {
        EventLedger ledger = new EventLedger();
        int seenAtKill;
        String second;
        try (MosquittoBroker broker = MosquittoBroker.startUnconfigured();
             Subscriber consumer = FaultRig.consumer(broker.address(), "consumer", ledger);
             Publisher station = FaultRig.station(broker.address())) {
            Process first = FaultRig.startEngine(dir, broker.address(), "first");
            int half = recording.size() / 2;
            FaultRig.feedPaced(station, recording.subList(0, half), 1_000);
            FaultRig.kill9(first); // the broker acknowledged the first half; the engine may not have read it all
            seenAtKill = ledger.size();
            Process restarted = FaultRig.startEngine(dir, broker.address(), "second");
            try {
                FaultRig.feedPaced(station, recording.subList(half, recording.size()), 1_000);
                FaultRig.awaitAll(ledger, reference.ids(), QUIET, AT_MOST);
            } finally {
                FaultRig.stop(restarted);
            }
            second = Files.readString(dir.resolve("second.err"));
            assertThat(broker.log()).as("Mosquitto dropped nothing").doesNotContain("dropped");
        }
        System.out.printf("engine SIGKILL on an unconfigured Mosquitto: killed after %,d of %,d events; %,d distinct "
                + "events at the end, %,d repeats; %s%n", seenAtKill, reference.size(), ledger.size(), ledger.repeats(),
                second.lines().filter(l -> l.contains("replaying the input log")).findFirst()
                        .orElse("the log was read to its end before the kill"));
        assertThat(seenAtKill).as("killed mid-stream").isLessThan(reference.size());
        assertSameEvents(ledger);
    }

    @Test
    void restartingTheBrokerMidStreamLosesNothingAndInventsNothing(@TempDir Path dir) throws Exception {
        EventLedger ledger = new EventLedger();
        Path brokerData = dir.resolve("broker");
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).dataFolder(brokerData).build().start();
        int port = broker.port();
        int seenAtStop;
        Process engine = FaultRig.startEngine(dir, broker.address(), "engine");
        try (Subscriber consumer = FaultRig.consumer(broker.address(), "consumer", ledger);
             Publisher station = FaultRig.station(broker.address())) {
            Thread feeding = new Thread(() -> FaultRig.feed(station, recording), "feed");
            feeding.start();
            int stopAt = reference.size() * 2 / 5;
            await().atMost(AT_MOST).until(() -> ledger.size() >= stopAt);
            broker.close();
            seenAtStop = ledger.size();
            Thread.sleep(2_000); // every client is now reconnecting; the station's publishes wait
            broker = EmbeddedBroker.builder().port(port).dataFolder(brokerData).build().start();
            feeding.join(AT_MOST.toMillis());
            assertThat(feeding.isAlive()).as("the station got every acknowledgement").isFalse();
            // Reconnects back off up to 10 s: a quiet stream means nothing until the engine and the
            // consumer are both back.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Files.readString(dir.resolve("engine.err")).contains("wk-fault-engine: reconnected")
                            && consumer.isConnected());
            assertThat(Files.readString(dir.resolve("engine.err")))
                    .as("the broker kept the engine's session, and what was queued for it")
                    .contains("wk-fault-engine: reconnected to " + broker.address() + " (session resumed)");
            FaultRig.awaitAll(ledger, reference.ids(), QUIET, AT_MOST);
            assertThat(engine.isAlive()).as("the engine rode the outage out").isTrue();
        } finally {
            FaultRig.stop(engine);
            broker.close();
        }
        System.out.println("  " + Files.readAllLines(dir.resolve("engine.err")).stream()
                .filter(l -> l.contains("fixes from")).findFirst().orElse("(no summary)"));
        System.out.printf("broker restart: stopped after %,d of %,d events; %,d distinct events at the end, %,d repeats%n",
                seenAtStop, reference.size(), ledger.size(), ledger.repeats());
        assertThat(seenAtStop).as("stopped mid-stream").isLessThan(reference.size());
        assertSameEvents(ledger);
    }

    @Test
    void aConsumerAwayForAWhileGetsEveryEventWhenItComesBack(@TempDir Path dir) throws Exception {
        ExternalTools.require("mosquitto_sub", "mosquitto-clients");
        EventLedger always = new EventLedger();
        EventLedger away = new EventLedger();
        int seenWhenLeft;
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber consumer = FaultRig.consumer(broker.address(), "always-there", always);
             Publisher station = FaultRig.station(broker.address())) {
            Process engine = FaultRig.startEngine(dir, broker.address(), "engine");
            try {
                Process first = mosquittoSub(broker.port(), dir.resolve("sub-1.txt"));
                Thread feeding = new Thread(() -> FaultRig.feed(station, recording), "feed");
                feeding.start();
                int leaveAt = reference.size() / 4;
                await().atMost(AT_MOST).until(() -> always.size() >= leaveAt);
                first.destroy(); // SIGTERM: it disconnects; its session stays for 3,600 s
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                seenWhenLeft = ledgerOf(dir.resolve("sub-1.txt"), away);
                await().atMost(AT_MOST).until(() -> always.size() >= reference.size() * 3 / 4);
                Process second = mosquittoSub(broker.port(), dir.resolve("sub-2.txt"));
                feeding.join(AT_MOST.toMillis());
                FaultRig.awaitAll(always, reference.ids(), QUIET, AT_MOST);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> lines(dir.resolve("sub-2.txt")) + seenWhenLeft >= always.received());
                Thread.sleep(1_000);
                second.destroy();
                assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
                ledgerOf(dir.resolve("sub-2.txt"), away);
            } finally {
                FaultRig.stop(engine);
            }
        }
        System.out.printf("consumer away: left after %,d events, came back after %,d more; it ends with %,d distinct "
                + "events, %,d repeats%n", seenWhenLeft, always.size() / 2, away.size(), away.repeats());
        assertThat(seenWhenLeft).as("it left mid-stream").isPositive().isLessThan(always.size() / 2);
        assertThat(away.ids()).as("what the consumer that stayed saw").isEqualTo(always.ids());
        assertThat(away.conflicts()).isEmpty();
        assertSameEvents(always);
    }

    /** {@code mosquitto_sub} with a session that outlives its connection, one payload per line. */
    private static Process mosquittoSub(int port, Path out) throws IOException {
        return new ProcessBuilder("stdbuf", "-oL", "mosquitto_sub", "-V", "mqttv5", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-i", "away-consumer", "-c", "-x", "3600", "-q", "1", "-t", "EVENT/#")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long lines(Path file) throws IOException {
        try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.count();
        }
    }

    private static int ledgerOf(Path file, EventLedger ledger) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            ledger.record(line.getBytes(StandardCharsets.UTF_8));
        }
        return lines.size();
    }

    private void assertSameEvents(EventLedger ledger) {
        Set<String> lost = new TreeSet<>(reference.ids());
        lost.removeAll(ledger.ids());
        Set<String> spurious = new TreeSet<>(ledger.ids());
        spurious.removeAll(reference.ids());
        System.out.printf("  %,d lost, %,d spurious%n", lost.size(), spurious.size());
        assertThat(lost).as("events lost").isEmpty();
        assertThat(spurious).as("events the uninterrupted run never had").isEmpty();
        assertThat(ledger.conflicts()).as("a repeated eventId with different content").isEmpty();
        assertThat(ledger.events()).isEqualTo(reference.events());
    }
}
