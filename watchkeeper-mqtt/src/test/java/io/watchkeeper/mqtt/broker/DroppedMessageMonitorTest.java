package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The monitor's reporting rules, on a hand-driven counter and clock: no broker, no thread, no sleeps. */
class DroppedMessageMonitorTest {

    private final AtomicLong counter = new AtomicLong();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T05:00:00Z"));
    private final Logger logger = (Logger) LoggerFactory.getLogger(DroppedMessageMonitor.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void noDropsNoLine() {
        DroppedMessageMonitor monitor = monitor();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(1));
            monitor.poll();
        }
        monitor.close();
        assertThat(logged.list).isEmpty();
        assertThat(monitor.total()).isZero();
    }

    @Test
    void anIncreaseIsReportedAtOnceWithDeltaAndTotal() {
        counter.set(5); // dropped before the monitor started: part of the total, not of a delta
        DroppedMessageMonitor monitor = monitor();
        counter.addAndGet(2000);
        monitor.poll();
        assertThat(warnings()).containsExactly("MQTT broker 127.0.0.1:1883 dropped 2000 message(s) (2005 since start):"
                + " a subscriber's queue was full or a packet too large for it;"
                + " enable DEBUG on logger 'event.message-dropped' for clients and topics");
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(monitor.total()).isEqualTo(2005);
    }

    @Test
    void increasesWithinTenSecondsAreSummedIntoTheNextLine() {
        DroppedMessageMonitor monitor = monitor();
        counter.addAndGet(1);
        monitor.poll();
        for (int second = 1; second <= 9; second++) {
            clock.advance(Duration.ofSeconds(1));
            counter.addAndGet(10);
            monitor.poll();
        }
        assertThat(warnings()).hasSize(1); // 9 increases, no new line yet
        clock.advance(Duration.ofSeconds(1));
        monitor.poll();
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).startsWith("MQTT broker 127.0.0.1:1883 dropped 90 message(s) in the last 10 s"
                + " (91 since start)");
    }

    @Test
    void closeReportsWhatIsStillPending() {
        DroppedMessageMonitor monitor = monitor();
        counter.addAndGet(3);
        monitor.poll();
        clock.advance(Duration.ofSeconds(2));
        counter.addAndGet(4); // not yet polled, and within the 10 s: only close() can report it
        monitor.close();
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).startsWith("MQTT broker 127.0.0.1:1883 dropped 4 message(s) in the last 2 s"
                + " (7 since start)");
    }

    private DroppedMessageMonitor monitor() {
        return new DroppedMessageMonitor(counter::get, "127.0.0.1:1883", clock, DroppedMessageMonitor.WARN_INTERVAL);
    }

    private List<String> warnings() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
