package io.watchkeeper.server.sim;

import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FrameListener;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.nmea.NmeaFramer;
import io.watchkeeper.ais.source.Pacer;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station that replays an AIS recording on {@code AIS/<station>}, one message per report (the lines
 * from one boundary of its framer to the next: tag block, {@code $PGHP} time and every fragment),
 * paced by the recording's own receive times ({@code $PGHP}, tag blocks, trailing columns) at a speed
 * factor. It reads the times with a framer of its own; the lines go out untouched, refused ones
 * included, so the detector sees exactly what the recording holds (looped, with its times moved:
 * {@link ReplayLines}).
 */
public final class AisReplayStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AisReplayStation.class);

    private final ReplayLines lines;
    private final String station;
    private final Publisher publisher;
    private final Pacer pacer;
    private final AtomicLong sent = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private long lastTimeMillis = AisPayload.NO_TIME;

    /**
     * @param speed recording seconds per wall-clock second; {@code POSITIVE_INFINITY} as fast as possible
     */
    public AisReplayStation(String file, String station, Publisher publisher, double speed) {
        this(ReplayLines.once(file), station, publisher, speed);
    }

    /**
     * @param speed recording seconds per wall-clock second; {@code POSITIVE_INFINITY} as fast as possible
     */
    public AisReplayStation(ReplayLines lines, String station, Publisher publisher, double speed) {
        this.lines = Objects.requireNonNull(lines, "lines");
        this.station = Objects.requireNonNull(station, "station");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.pacer = Pacer.atSpeed(speed);
        this.thread = new Thread(this::run, "ais-replay-" + station);
        this.thread.setDaemon(true);
    }

    public AisReplayStation start() {
        thread.start();
        return this;
    }

    private void run() {
        NmeaFramer times = new NmeaFramer(new TimeListener(), FramerSettings.defaults().withVerifyTagBlockChecksum(false));
        String topic = Topics.ais(station);
        StringBuilder report = new StringBuilder();
        try (ReplayLines input = lines) {
            for (String line = input.next(); line != null && !Thread.currentThread().isInterrupted();
                 line = input.next()) {
                lastTimeMillis = AisPayload.NO_TIME;
                times.accept(line, 0L);
                report.append(line).append('\n');
                sent.incrementAndGet();
                if (times.isAtBoundary()) {
                    // One message per report (tag block, $PGHP, every fragment): a message the broker
                    // resends after a fault is then a whole report, never a time without its sentence.
                    pacer.pace(lastTimeMillis);
                    publisher.publish(topic, report.toString().getBytes(StandardCharsets.ISO_8859_1));
                    report.setLength(0);
                }
            }
            if (report.length() > 0) {
                publisher.publish(topic, report.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            LOG.info("AIS replay of {} on {}: {} lines sent", lines.name(), topic, sent.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("AIS replay of {} stopped: {}", lines.name(), e.toString());
        } finally {
            done.countDown();
        }
    }

    public long sent() {
        return sent.get();
    }

    /** Waits until the whole file was handed to the publisher. */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** Remembers the time of the payload a line completed; nothing else matters here. */
    private final class TimeListener implements FrameListener {
        @Override
        public void onPayload(AisPayload payload) {
            lastTimeMillis = payload.receivedAtMillis();
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            // the detector dead-letters it; the replay only needs times
        }
    }
}
