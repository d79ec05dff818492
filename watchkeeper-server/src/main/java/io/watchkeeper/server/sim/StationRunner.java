package io.watchkeeper.server.sim;

import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@link StationSimulator}'s reports on {@code DATA/<station>} at its rate, on one
 * scheduler thread, through a long-lived {@link Publisher} (QoS 1).
 */
public final class StationRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationRunner.class);

    private final StationSimulator simulator;
    private final Publisher publisher;
    private final Clock clock;
    private final long limit;
    private final String topic;
    private final AtomicLong sent = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ScheduledExecutorService scheduler;
    private Instant lastStamp = Instant.EPOCH; // only touched by the scheduler thread

    /**
     * @param limit stop after this many reports; 0 means run until closed
     */
    public StationRunner(StationSimulator simulator, Publisher publisher, Clock clock, long limit) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        this.topic = Topics.data(simulator.stationId());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wk-station-" + simulator.stationId());
            t.setDaemon(true);
            return t;
        });
    }

    public StationRunner start() {
        long periodNanos = Math.max(1L, Math.round(1e9 / simulator.ratePerSecond()));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
        return this;
    }

    private void tick() {
        if (limit > 0 && sent.get() >= limit) {
            done.countDown();
            scheduler.shutdown();
            return;
        }
        try {
            StationSimulator.Report r = simulator.next();
            publisher.publish(topic, simulator.toJson(r, nextStamp()).getBytes(StandardCharsets.UTF_8));
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            // One failed tick must not cancel the schedule (a thrown exception would, silently).
            LOG.warn("station {}: could not publish a report: {}", simulator.stationId(), e.toString());
        }
    }

    /**
     * The wall clock in microseconds, strictly increasing: two reports never share a time stamp, even
     * when the scheduler catches up after a pause, just as {@code time.time()} never repeats on a station.
     * (The detector reads a repeated time and place as a redelivery.)
     */
    private Instant nextStamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plus(1, ChronoUnit.MICROS);
        }
        lastStamp = now;
        return now;
    }

    /** Waits until {@code limit} reports were sent (only meaningful with a limit). */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
