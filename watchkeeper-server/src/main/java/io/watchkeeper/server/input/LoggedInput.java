package io.watchkeeper.server.input;

import io.watchkeeper.mqtt.client.DeliveryHandler;
import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogFullException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes MQTT messages on the subscriber's network thread, appends each to the input log and
 * acknowledges it as soon as the log holds it safely: the PUBACK goes out within microseconds, so even
 * a broker that allows only 20 unacknowledged messages (Mosquitto's default) keeps sending at full
 * speed, and nothing waits in its queue long enough to be dropped.
 *
 * <p>When the log is full (its size limit, or the disk), messages are held in arrival order, not
 * acknowledged, and appended by a retry thread once room is back; the broker stops sending when its
 * in-flight allowance is used up. That is backpressure: input waits, nothing is dropped here. The
 * held messages are bounded by the receive maximum the subscriber announces.
 *
 * <p>A payload over {@code maxPayloadBytes} does not enter the log whole: its size and first bytes go in
 * under {@code oversize/<topic>}, in its place in the order, and the reader turns that into a dead letter.
 * So the network thread never waits for a publisher, and acknowledgements stay in arrival order.
 */
public final class LoggedInput implements DeliveryHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedInput.class);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final InputLog log;
    private final Clock clock;
    private final int maxPayloadBytes;
    private final ReentrantLock holdLock = new ReentrantLock();
    /** Guarded by {@link #holdLock}. */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong heldTotal = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final Thread retry;
    private volatile boolean holding;
    private volatile int heldNow;
    private volatile boolean running = true;
    private final AtomicBoolean loggedFailure = new AtomicBoolean();

    private record Held(String topic, byte[] payload, long receivedMillis, Acknowledgement ack) {
    }

    public LoggedInput(InputLog log, Clock clock, int maxPayloadBytes) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPayloadBytes = maxPayloadBytes;
        this.retry = new Thread(this::retryLoop, "wk-input-held");
        this.retry.setDaemon(true);
        this.retry.start();
    }

    /** On the subscriber's network thread: must not block. */
    @Override
    public void onMessage(String topic, byte[] payload, Acknowledgement ack) {
        if (!running) {
            return; // stopping: unacknowledged, a durable session delivers it again on the next start
        }
        Held message;
        if (payload.length > maxPayloadBytes) {
            oversized.incrementAndGet();
            message = new Held(OversizeInput.SOURCE_PREFIX + topic, OversizeInput.summary(payload), clock.millis(),
                    ack);
        } else {
            message = new Held(topic, payload, clock.millis(), ack);
        }
        if (holding || !tryAppend(message)) {
            hold(message);
        }
    }

    private boolean tryAppend(Held m) {
        try {
            log.append(m.topic(), m.payload(), m.receivedMillis(), m.ack()::acknowledge);
            appended.incrementAndGet();
            return true;
        } catch (LogFullException e) {
            if (!holding) {
                LOG.warn("{}; input is held unacknowledged until there is room (the broker stops sending meanwhile)",
                        e.getMessage());
            }
            return false;
        } catch (IllegalStateException e) {
            // The log closed: we are stopping. Unacknowledged, the message is sent again on the next start.
            return true;
        } catch (RuntimeException e) {
            // A bug or an I/O failure in the log: hold the message unacknowledged rather than let the
            // subscriber acknowledge a message that was never logged.
            if (loggedFailure.compareAndSet(false, true)) {
                LOG.error("input log append failed; input is held unacknowledged: {}", e.toString(), e);
            }
            return false;
        }
    }

    private void hold(Held message) {
        holdLock.lock();
        try {
            if (!holding && tryAppend(message)) {
                return;
            }
            holding = true;
            held.add(message);
            heldNow = held.size();
            heldTotal.incrementAndGet();
        } finally {
            holdLock.unlock();
        }
    }

    private void retryLoop() {
        while (running) {
            LockSupport.parkNanos(this, RETRY_NANOS);
            try {
                if (holding) {
                    appendHeld();
                }
            } catch (RuntimeException e) {
                LOG.error("retrying held input failed; trying again: {}", e.toString(), e);
            }
        }
    }

    private void appendHeld() {
        holdLock.lock();
        try {
            while (!held.isEmpty() && tryAppend(held.peek())) {
                held.poll();
            }
            heldNow = held.size();
            if (held.isEmpty()) {
                holding = false;
                LOG.info("input log has room again; held input is appended and acknowledged");
            }
        } finally {
            holdLock.unlock();
        }
    }

    /** Messages appended to the log (and so acknowledged, or about to be after a disk sync). */
    public long appended() {
        return appended.get();
    }

    /** Messages held now because the log was full. */
    public int held() {
        return heldNow;
    }

    /** Messages that ever had to be held. */
    public long heldTotal() {
        return heldTotal.get();
    }

    /** Payloads over the size limit: only their size and first bytes entered the log, for a dead letter. */
    public long oversized() {
        return oversized.get();
    }

    /** True while input is held for want of room in the log. */
    public boolean isHolding() {
        return holding;
    }

    /**
     * Takes no more input (what arrives now stays unacknowledged, for the next start of a durable
     * session) and stops the retry thread; held messages stay unacknowledged likewise.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(retry);
        try {
            retry.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
