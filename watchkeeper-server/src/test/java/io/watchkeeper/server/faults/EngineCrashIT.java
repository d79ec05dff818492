package io.watchkeeper.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue D §7: kill the engine mid-stream with SIGKILL, start it again, and compare every event a
 * consumer saw with an uninterrupted run of the same recording: none lost, none spurious, repeats only
 * with the same {@code eventId}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineCrashIT {

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
        assertThat(reference.size()).as("the recording gives plenty of events").isGreaterThan(1_000);
        assertThat(reference.conflicts()).isEmpty();
    }

    @Test
    void killNineMidStreamThenRestartLosesNothingAndInventsNothing(@TempDir Path dir) throws Exception {
        EventLedger ledger = new EventLedger();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber consumer = FaultRig.consumer(broker.address(), "consumer", ledger);
             Publisher station = FaultRig.station(broker.address())) {
            Process first = FaultRig.startEngine(dir, broker.address(), "first");
            Thread feeding = new Thread(() -> FaultRig.feed(station, recording), "feed");
            feeding.start();
            int killAt = reference.size() * 2 / 5;
            await().atMost(AT_MOST).until(() -> ledger.size() >= killAt || !first.isAlive());
            FaultRig.kill9(first);
            int seenAtKill = ledger.size();
            assertThat(Files.list(dir.resolve("data").resolve("state")).map(p -> p.getFileName().toString()))
                    .as("a checkpoint was on disk when the engine died").contains("engine.ckpt");

            Process second = FaultRig.startEngine(dir, broker.address(), "second");
            try {
                feeding.join(AT_MOST.toMillis());
                FaultRig.awaitQuiet(ledger, QUIET, AT_MOST);
            } finally {
                FaultRig.stop(second);
            }
            assertThat(seenAtKill).as("killed mid-stream").isLessThan(reference.size());
            assertThat(Files.readString(dir.resolve("second.err"))).contains("resumed");
        }
        Set<String> lost = new TreeSet<>(reference.ids());
        lost.removeAll(ledger.ids());
        Set<String> spurious = new TreeSet<>(ledger.ids());
        spurious.removeAll(reference.ids());
        assertThat(lost).as("events lost").isEmpty();
        assertThat(spurious).as("events the uninterrupted run never had")
                .isEmpty();
        assertThat(ledger.conflicts()).as("a repeated eventId with different content").isEmpty();
        assertThat(ledger.events()).isEqualTo(reference.events());
    }
}
