package io.watchkeeper.mqtt.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HiveMQ's silent discards into a WARN line: polls the broker's dropped-message counter once a
 * second on a daemon thread and reports each increase with its delta and the total since start.
 *
 * <p>Why: HiveMQ CE discards a message for a subscriber whose queue is full ({@code max-queue-size}),
 * for a QoS&nbsp;0 message over its memory limit, for a packet larger than the client accepts, and so
 * on. Every reason increments the one counter {@code com.hivemq.messages.dropped.count}; HiveMQ keeps
 * no counter per reason. The reason, client and topic go only to HiveMQ's own DEBUG logger
 * {@code event.message-dropped}, which nobody reads in production. So the total is all we can watch,
 * and the WARN line names that logger for the details.
 *
 * <p>A burst of drops must not become a burst of log lines, so at most one WARN per
 * {@code warnInterval} (10&nbsp;s) is written; increases seen meanwhile are summed into the next line.
 * {@link #close()} reports what is still pending, so drops just before a shutdown are not lost either.
 *
 * <p>{@link #poll()} runs on the monitor's one thread (or, in tests, on the caller's thread); it is
 * synchronized so that {@link #close()} may call it too.
 */
final class DroppedMessageMonitor implements AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    /** HiveMQ's DEBUG logger that names client, topic and reason of every drop. */
    static final String HIVEMQ_DROP_LOGGER = "event.message-dropped";

    private static final Logger LOG = LoggerFactory.getLogger(DroppedMessageMonitor.class);

    private final LongSupplier droppedTotal;
    private final String brokerName;
    private final Clock clock;
    private final Duration warnInterval;

    private @Nullable ScheduledExecutorService poller;
    private long lastTotal;
    private long pending;
    private @Nullable Instant lastWarning;
    private volatile long total;
    private boolean pollFailureLogged;

    /**
     * A monitor that polls only when {@link #poll()} is called; {@link #start} adds the thread.
     *
     * @param droppedTotal the broker's dropped-message counter; read once per poll, must be thread-safe
     * @param brokerName   how the WARN line names the broker, e.g. {@code 127.0.0.1:1883}
     */
    DroppedMessageMonitor(LongSupplier droppedTotal, String brokerName, Clock clock, Duration warnInterval) {
        this.droppedTotal = Objects.requireNonNull(droppedTotal, "droppedTotal");
        this.brokerName = Objects.requireNonNull(brokerName, "brokerName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnInterval = Objects.requireNonNull(warnInterval, "warnInterval");
        this.lastTotal = droppedTotal.getAsLong();
        this.total = lastTotal;
    }

    /** A monitor polling every second on its own daemon thread, warning at most every 10 s. */
    static DroppedMessageMonitor start(LongSupplier droppedTotal, String brokerName) {
        DroppedMessageMonitor monitor = new DroppedMessageMonitor(droppedTotal, brokerName, Clock.systemUTC(),
                WARN_INTERVAL);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "watchkeeper-broker-drop-monitor");
            thread.setDaemon(true); // never keeps the JVM alive; close() stops it in an orderly run
            return thread;
        });
        monitor.poller = executor;
        long periodMillis = POLL_INTERVAL.toMillis();
        executor.scheduleWithFixedDelay(monitor::pollSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** Messages dropped since the broker started, as of the last poll. */
    long total() {
        return total;
    }

    /** Reads the counter; writes one WARN line if drops are pending and the last one is old enough. */
    synchronized void poll() {
        long now = droppedTotal.getAsLong();
        if (now > lastTotal) {
            pending += now - lastTotal;
        }
        lastTotal = now; // a smaller value would mean a new counter: start counting from it
        total = now;
        Instant at = clock.instant();
        if (pending > 0 && (lastWarning == null || !at.isBefore(lastWarning.plus(warnInterval)))) {
            warn(at);
        }
    }

    /** Stops polling and reports drops not yet reported, so the last ones before a shutdown show too. */
    @Override
    public void close() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            poll();
            if (pending > 0) {
                warn(clock.instant());
            }
        }
    }

    private void warn(Instant at) {
        LOG.warn("MQTT broker {} dropped {} message(s){} ({} since start): a subscriber's queue was full or a "
                        + "packet too large for it; enable DEBUG on logger '{}' for clients and topics",
                brokerName, pending, lastWarning == null ? "" : " in the last "
                        + Duration.between(lastWarning, at).toSeconds() + " s", total, HIVEMQ_DROP_LOGGER);
        pending = 0;
        lastWarning = at;
    }

    /** The scheduled task: an exception would silently cancel every later poll, so log it instead. */
    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            if (!pollFailureLogged) {
                pollFailureLogged = true;
                LOG.warn("cannot read the dropped-message count of MQTT broker {}: {}", brokerName, e.toString());
            }
        }
    }
}
