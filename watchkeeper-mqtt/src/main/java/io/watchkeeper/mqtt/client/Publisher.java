package io.watchkeeper.mqtt.client;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.watchkeeper.mqtt.client.internal.ManagedClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes over one long-lived MQTT&nbsp;5 connection, pipelined with a bound.
 *
 * <p>The system Watchkeeper replaces opened a TCP connection per event and lost about two thirds of a
 * burst (DESIGN.md §1). This class keeps one connection for its whole life, reconnects by itself with
 * exponential backoff, and keeps up to {@link ClientSettings#maxInFlight()} publishes unacknowledged at
 * once. When that many are in flight, {@link #publish} <em>blocks its caller</em> until an
 * acknowledgement frees a slot: backpressure instead of dropping or buffering without bound. Messages
 * published while the connection is down wait in that same bounded window and go out after the
 * reconnect; unacknowledged ones are resent (at least once), so a consumer may see duplicates but never
 * a gap.
 *
 * <p>It registers the original last will ({@code notifications} = {@code "<client-id> died."}, QoS 1,
 * retained) and keeps {@code STATUS/<client-id>} retained {@code online} while alive. A connection has
 * only one will, so a tiny companion connection {@code <client-id>-status} carries the second one
 * ({@code STATUS/<client-id>} = {@code offline}, retained) and says {@code online} on every (re)connect;
 * a clean {@link #close()} publishes {@code offline} itself.
 *
 * <p>Thread-safe: any number of threads may publish. A failed publish completes its future
 * exceptionally and counts in {@link #failed()}; it is never silent.
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** How long {@link #close()} waits for the acknowledgements of what is in flight. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long each step of the disconnect waits (STATUS offline, each DISCONNECT): a broker that answers
     * at all does so in milliseconds, and a stopping process has a budget (docs/reliability.md).
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final ManagedClient connection;
    private final int maxInFlight;
    private final Semaphore slots;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Set<CompletableFuture<Void>> unacknowledged = ConcurrentHashMap.newKeySet();

    private Publisher(ManagedClient connection) {
        this.connection = connection;
        this.maxInFlight = connection.settings().maxInFlight();
        this.slots = new Semaphore(maxInFlight);
    }

    /**
     * Connects and blocks until the broker has accepted both connections.
     *
     * @throws MqttConnectException with a one-line reason, e.g.
     *                              {@code cannot connect to MQTT broker at localhost:1883: connection refused}
     */
    public static Publisher connect(ClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new Publisher(ManagedClient.connect(settings, false, client -> { }));
    }

    /** Publishes at QoS 1 without retain, the original stations' and detector's setting. */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return publish(topic, payload, 1, false);
    }

    /**
     * Publishes one message. Blocks while {@link ClientSettings#maxInFlight()} publishes are
     * unacknowledged. The future completes when the broker acknowledged it (QoS 1 and 2) or when it was
     * written (QoS 0), and exceptionally if it failed.
     *
     * @param topic a topic name from {@link io.watchkeeper.mqtt.topic.Topics}
     * @param qos   0, 1 or 2
     * @throws IllegalArgumentException for a bad QoS or a topic with wildcards
     * @throws IllegalStateException    after {@link #close()}
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        MqttQos mqttQos = MqttQos.fromCode(qos);
        if (mqttQos == null) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + qos);
        }
        if (connection.isClosed()) {
            throw new IllegalStateException("publisher " + connection.settings().clientId() + " is closed");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        unacknowledged.add(done);
        try {
            connection.client().publishWith()
                    .topic(topic)
                    .payload(payload)
                    .qos(mqttQos)
                    .retain(retain)
                    .send()
                    .whenComplete((result, error) -> {
                        slots.release();
                        Throwable failure = error != null ? error : result.getError().orElse(null);
                        settle(done, failure);
                    });
        } catch (RuntimeException e) {
            slots.release();
            unacknowledged.remove(done);
            throw e;
        }
        return done;
    }

    /** Completes {@code done} once, counting the outcome only for whoever got there first. */
    private void settle(CompletableFuture<Void> done, @Nullable Throwable failure) {
        unacknowledged.remove(done);
        if (failure == null) {
            if (done.complete(null)) {
                published.incrementAndGet();
            }
        } else if (done.completeExceptionally(failure)) {
            failed.incrementAndGet();
        }
    }

    /**
     * Completes once every publish made before this call has settled: acknowledged by the broker, or
     * failed (and counted in {@link #failed()}). Never completes exceptionally. It is how a caller learns
     * that the messages it handed over are safe at the broker before it acknowledges its own input.
     */
    public CompletableFuture<Void> whenSettled() {
        CompletableFuture<?>[] pending = unacknowledged.stream()
                .map(f -> f.handle((ok, error) -> null))
                .toArray(CompletableFuture<?>[]::new);
        return CompletableFuture.allOf(pending);
    }

    /** Publishes acknowledged by the broker (or written, for QoS 0). */
    public long published() {
        return published.get();
    }

    /** Publishes whose future completed exceptionally. */
    public long failed() {
        return failed.get();
    }

    /** Publishes sent but not yet acknowledged, at most {@link ClientSettings#maxInFlight()}. */
    public int inFlight() {
        return maxInFlight - slots.availablePermits();
    }

    /** How often the connection was lost and re-established. */
    public long reconnects() {
        return connection.reconnects();
    }

    /** Whether the connection is up now (false while reconnecting, and after close). */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /**
     * For a process that is stopping: no reconnect from now on (see {@link ManagedClient#stopReconnecting}).
     * A live connection stays up, so the acknowledgements still due can arrive before {@link #close()}.
     */
    public void stopReconnecting() {
        connection.stopReconnecting();
    }

    public String clientId() {
        return connection.settings().clientId();
    }

    /**
     * Waits up to 5 s for in-flight publishes (not at all when disconnected after {@link #stopReconnecting()}), publishes {@code STATUS/<client-id>} = {@code offline}
     * (retained) and disconnects cleanly, so no will is sent. Publishes still unacknowledged after the
     * wait fail and are counted. Idempotent.
     *
     * <p>Closing while the broker is unreachable cannot end the MQTT session: the HiveMQ client 1.4.2
     * then keeps its copy of the unacknowledged messages, and with them the daemon network thread
     * {@code wk-mqtt-<client-id>}, for the rest of the process. Our futures fail regardless.
     */
    @Override
    public void close() {
        if (connection.isClosed()) {
            return;
        }
        boolean drained = false;
        try {
            // Without a connection, and none to come, no acknowledgement can arrive: waiting would only
            // spend the process's stop budget.
            boolean acknowledgementsPossible = connection.isConnected() || !connection.reconnectsStopped();
            drained = slots.tryAcquire(maxInFlight, acknowledgementsPossible ? DRAIN_TIMEOUT.toMillis() : 0,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drained) {
            slots.release(maxInFlight);
        } else {
            LOG.warn("{}: closing with {} publishes unacknowledged; they fail", clientId(), inFlight());
        }
        connection.close(CLOSE_TIMEOUT);
        IllegalStateException closedFirst = new IllegalStateException(
                "publisher " + clientId() + " closed before the broker acknowledged");
        for (CompletableFuture<Void> done : List.copyOf(unacknowledged)) {
            settle(done, closedFirst);
        }
    }

    /** Test hook: disconnect as if crashed, so the broker publishes both wills. */
    void abortWithWill() {
        connection.abortWithWill();
    }
}
