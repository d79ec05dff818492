package io.watchkeeper.mqtt.client;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.reactivex.disposables.Disposable;
import io.reactivex.schedulers.Schedulers;
import io.watchkeeper.mqtt.client.internal.ManagedClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes at QoS 1 over one long-lived MQTT&nbsp;5 connection and hands every message to a
 * {@link MessageHandler}, on the subscriber's own handler thread {@code wk-mqtt-<client-id>-handler}, one
 * at a time, in arrival order. A handler thread of its own (rather than the client's shared pool) means
 * a slow or blocking handler delays only this subscriber, while the network thread keeps answering
 * keep-alives.
 *
 * <p>It registers the same last will, companion status connection and {@code STATUS/<client-id>} as
 * {@link Publisher}; both share one implementation. Its subscriptions survive reconnects: a reconnect resumes the broker
 * session, which still holds them and the messages queued meanwhile; if the broker lost the session
 * (for example an in-memory broker restarted), the subscriptions are renewed automatically. The broker
 * may keep up to {@link ClientSettings#receiveMaximum()} messages unacknowledged towards us, which is
 * what lets one subscriber keep up with a burst instead of waiting a round trip per message; it also
 * bounds how many messages wait for the handler. A message is acknowledged after the handler returns,
 * so a crash mid-handler means redelivery (at least once), never loss.
 */
public final class Subscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    /**
     * How long each step of the disconnect waits (STATUS offline, each DISCONNECT): a broker that answers
     * at all does so in milliseconds, and a stopping process has a budget (docs/reliability.md).
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final DeliveryHandler handler;
    private final String clientId;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final Set<Class<?>> loggedErrorTypes = ConcurrentHashMap.newKeySet();
    private final ExecutorService handlerThread;
    private volatile ManagedClient connection;
    private volatile @Nullable Disposable flow;

    private final boolean inline;

    private Subscriber(DeliveryHandler handler, String clientId, boolean inline) {
        this.handler = handler;
        this.clientId = clientId;
        this.inline = inline;
        this.handlerThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wk-mqtt-" + clientId + "-handler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects, subscribes to every filter at QoS 1 and returns once the broker granted them all.
     *
     * @param topicFilters at least one filter, e.g. {@link io.watchkeeper.mqtt.topic.Topics#dataFilter()}
     * @throws MqttConnectException if the broker is unreachable, refuses us or rejects a subscription
     */
    public static Subscriber connect(ClientSettings settings, List<String> topicFilters, MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return connect(settings, topicFilters, false, (topic, payload, ack) -> {
            handler.onMessage(topic, payload);
            ack.acknowledge();
        });
    }

    /**
     * Like {@link #connect(ClientSettings, List, MessageHandler)}, but durable: the broker session
     * outlives this process (the first connect resumes it, with clean start off, and {@link #close()}
     * leaves it for {@link ClientSettings#sessionExpiry()}), and the handler acknowledges each message
     * when it is ready to. Messages published while we are down, or received but never acknowledged
     * before a crash, are delivered on the next start: at least once, across restarts.
     */
    public static Subscriber connectDurable(ClientSettings settings, List<String> topicFilters,
                                            DeliveryHandler handler) {
        return connect(settings, topicFilters, true, false, handler);
    }

    /**
     * Like {@link #connectDurable} (or a plain session, with {@code durable} off), but the handler runs
     * on the client's network thread, with no hand-over: for a handler that only appends the message
     * somewhere safe and acknowledges it at once. The acknowledgement then goes out within the same turn
     * of the network thread, so the client's queue of unacknowledged messages stays near empty and a
     * broker with a small in-flight allowance keeps sending at full speed. The handler must not block.
     */
    public static Subscriber connectInline(ClientSettings settings, List<String> topicFilters, boolean durable,
                                           DeliveryHandler handler) {
        return connect(settings, topicFilters, durable, true, handler);
    }

    private static Subscriber connect(ClientSettings settings, List<String> topicFilters, boolean durable,
                                      DeliveryHandler handler) {
        return connect(settings, topicFilters, durable, false, handler);
    }

    private static Subscriber connect(ClientSettings settings, List<String> topicFilters, boolean durable,
                                      boolean inline, DeliveryHandler handler) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(topicFilters, "topicFilters");
        Objects.requireNonNull(handler, "handler");
        if (topicFilters.isEmpty()) {
            throw new IllegalArgumentException("topicFilters must not be empty");
        }
        List<Mqtt5Subscription> subscriptions = new ArrayList<>();
        for (String filter : topicFilters) {
            subscriptions.add(Mqtt5Subscription.builder()
                    .topicFilter(Objects.requireNonNull(filter, "topic filter"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .build());
        }
        Subscriber subscriber = new Subscriber(handler, settings.clientId(), inline);
        try {
            // Register before connecting: messages of a resumed session may arrive at once.
            subscriber.connection = ManagedClient.connect(settings, true, durable, subscriber::listen);
            subscriber.subscribe(subscriptions, topicFilters);
        } catch (RuntimeException e) {
            subscriber.stopListening();
            throw e;
        }
        return subscriber;
    }

    /**
     * Takes every incoming message with manual acknowledgement and hands it to the handler thread. The
     * flow is disposable (unlike the callback variants of the async API), so closing releases the
     * client's network thread even if the connection was never established.
     */
    private void listen(Mqtt5AsyncClient client) {
        var publishes = client.toRx().publishes(MqttGlobalPublishFilter.ALL, true);
        flow = (inline ? publishes : publishes.observeOn(Schedulers.from(handlerThread)))
                .subscribe(this::dispatch,
                        error -> LOG.debug("{}: incoming flow ended: {}", clientId, error.toString()));
    }

    private void stopListening() {
        Disposable current = flow;
        if (current != null) {
            current.dispose();
        }
        handlerThread.shutdown();
    }

    private void subscribe(List<Mqtt5Subscription> subscriptions, List<String> filters) {
        ClientSettings settings = connection.settings();
        try {
            Mqtt5SubAck subAck = connection.client().subscribeWith()
                    .addSubscriptions(subscriptions)
                    .send()
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<Mqtt5SubAckReasonCode> codes = subAck.getReasonCodes();
            for (int i = 0; i < codes.size(); i++) {
                if (codes.get(i).isError()) {
                    throw new MqttConnectException("MQTT broker at " + settings.address() + " rejected subscription '"
                            + filters.get(i) + "': " + codes.get(i), null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close(CLOSE_TIMEOUT);
            throw new MqttConnectException("interrupted while subscribing to " + filters, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            connection.close(CLOSE_TIMEOUT);
            if (e instanceof MqttConnectException mce) {
                throw mce;
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new MqttConnectException("cannot subscribe to " + filters + " at MQTT broker "
                    + settings.address() + ": " + (cause == null ? e : cause).getMessage(), e);
        }
    }

    /**
     * Runs on the handler thread (on the network thread when inline). The handler acknowledges (a plain handler: when it returns); if it
     * throws, the message is acknowledged here, since a poison message must not be redelivered forever.
     */
    private void dispatch(Mqtt5Publish publish) {
        received.incrementAndGet();
        String topic = publish.getTopic().toString();
        OnceAck ack = new OnceAck(publish);
        try {
            handler.onMessage(topic, publish.getPayloadAsBytes(), ack);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            handlerErrors.incrementAndGet();
            if (loggedErrorTypes.add(e.getClass())) {
                LOG.warn("{}: message handler failed on topic {} (further {} are counted, not logged)",
                        clientId, topic, e.getClass().getSimpleName(), e);
            }
            ack.acknowledge();
        }
    }

    /** Acknowledges at most once, whoever calls first. */
    private static final class OnceAck extends java.util.concurrent.atomic.AtomicBoolean
            implements DeliveryHandler.Acknowledgement {

        private final transient Mqtt5Publish publish;

        OnceAck(Mqtt5Publish publish) {
            this.publish = publish;
        }

        @Override
        public void acknowledge() {
            if (compareAndSet(false, true)) {
                publish.acknowledge();
            }
        }
    }

    /** Messages handed to the handler, including those it failed on. */
    /** Whether the broker connection is up now (false while reconnecting, and after close). */
    public boolean isConnected() {
        ManagedClient c = connection;
        return c != null && c.isConnected();
    }

    public long received() {
        return received.get();
    }

    /** Messages on which the handler threw. */
    public long handlerErrors() {
        return handlerErrors.get();
    }

    /** How often the connection was lost and re-established. */
    public long reconnects() {
        return connection.reconnects();
    }

    public String clientId() {
        return clientId;
    }

    /**
     * For a process that is stopping: no reconnect from now on (see {@link ManagedClient#stopReconnecting}),
     * so that no broker that came up meanwhile on the address gets a session, or sends input, after the stop
     * was asked for.
     */
    public void stopReconnecting() {
        ManagedClient c = connection;
        if (c != null) {
            c.stopReconnecting();
        }
    }

    /**
     * Publishes {@code STATUS/<client-id>} = {@code offline} (retained) and disconnects cleanly (no
     * will). A plain subscriber ends its broker session, so the broker stops queueing for it; a durable
     * one leaves it, so the next start misses nothing. Idempotent.
     */
    @Override
    public void close() {
        connection.close(CLOSE_TIMEOUT);
        stopListening();
    }

    /** Test hook: disconnect as if crashed, so the broker publishes both wills. */
    void abortWithWill() {
        connection.abortWithWill();
        stopListening();
    }
}
