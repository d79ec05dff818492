package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.watchkeeper.mqtt.testing.PersistentSession;
import io.watchkeeper.mqtt.testing.PersistentSession.Resumed;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No silent drop: when HiveMQ discards messages for a slow or offline subscriber whose queue is full,
 * {@link EmbeddedBroker#droppedMessages()} counts them and the broker's monitor writes one WARN line.
 */
class DroppedMessageMonitorIT {

    @Test
    void anOverflowingOfflineQueueIsCountedAndWarnedAbout() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(DroppedMessageMonitor.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Set<Thread> monitorsBefore = monitorThreads();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).maxQueuedMessages(10).build().start()) {
            PersistentSession.subscribeAndLeave(broker.port(), "slow-offline", "drop/#", true);
            PersistentSession.publishNumbered(broker.port(), "drop/x", "d", 50);

            // The monitor polls once a second; the first increase is reported at once.
            await().atMost(Duration.ofSeconds(5)).until(() -> !warnings(logged).isEmpty());
            assertThat(broker.droppedMessages()).isEqualTo(40);
            assertThat(warnings(logged)).singleElement().asString()
                    .startsWith("MQTT broker 127.0.0.1:" + broker.port() + " dropped 40 message(s) (40 since start)");
            synchronized (logged) {
                assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
            }

            // strategy "discard": the queue keeps the oldest ten, the forty newer ones are what was lost
            Resumed resumed = PersistentSession.resume(broker.port(), "slow-offline", 10, Duration.ofSeconds(10));
            assertThat(resumed.payloads()).containsExactlyElementsOf(PersistentSession.numbered("d", 10));
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(warnings(logged)).as("close() has nothing more to report").hasSize(1);
        assertThat(monitorThreads()).as("close() stops the monitor's thread (other brokers of the run keep theirs)")
                .isSubsetOf(monitorsBefore);
    }

    private static Set<Thread> monitorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("watchkeeper-broker-drop-monitor") && t.isAlive())
                .collect(Collectors.toSet());
    }

    /** A copy taken under the appender's lock: the monitor thread appends while the test reads. */
    private static List<String> warnings(ListAppender<ILoggingEvent> logged) {
        synchronized (logged) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
