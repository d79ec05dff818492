package io.watchkeeper.mqtt.client.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.MqttConnectException;
import io.watchkeeper.mqtt.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection logic that {@code Publisher} and {@code Subscriber} share: one long-lived MQTT&nbsp;5
 * connection with the original last will, its companion status connection, exponential-backoff
 * reconnects and an orderly close. Not for use outside {@code io.watchkeeper.mqtt.client}.
 *
 * <h2>Two connections, two wills</h2>
 * An MQTT connection has exactly one will. The main connection's will is the original system's,
 * unchanged for wire compatibility: {@code notifications} = {@code "<client-id> died."}, QoS&nbsp;1,
 * retained. {@code STATUS/<client-id>} needs a will of its own ({@code offline}, retained), so a tiny
 * companion connection {@code <client-id>-status} carries it. The companion publishes a retained
 * {@code online} each time it (re)connects, and {@link #close} publishes a retained {@code offline}
 * before disconnecting both normally, which discards both wills. When the process dies or the network
 * goes, both TCP connections drop and the broker publishes both wills. If only one of them is lost, the
 * broker publishes only that one's will, and the reconnect of the companion says {@code online} again.
 *
 * <h2>Sessions and reconnects</h2>
 * The first connect uses clean start, so a new process never inherits stale subscriptions or queues
 * from an earlier one with the same id; except a durable client (the detector's input), which resumes
 * its session on purpose so that messages queued while it was down, or never acknowledged before a
 * crash, reach it now. A subscriber's main connection asks for a session expiry of
 * {@link ClientSettings#sessionExpiry()}, and every reconnect asks to resume that session
 * ({@code cleanStart=false}): after a network blip the broker still holds our subscriptions and the
 * QoS&nbsp;1 messages queued meanwhile, so nothing is lost. If the session is gone (the broker
 * restarted in memory, or the expiry passed), the client renews the subscriptions itself
 * ({@code resubscribeIfSessionExpired}). Publishers and the companion connections keep no session: the
 * client republishes whatever was unacknowledged when the connection dropped
 * ({@code republishIfSessionExpired}), which is the same at-least-once guarantee without broker state.
 * A clean close sets the expiry to zero, ending the session at once. (Closing while the broker is
 * unreachable cannot tell the broker anything; the HiveMQ client then keeps a subscriber's session
 * state, and its network thread, until the expiry has passed.) Reconnect delays grow as
 * {@code min(initial * 2^attempt, max)} plus up to 25&nbsp;% jitter, so a fleet of stations does not
 * hammer a recovering broker in lockstep. A failed first connect is not retried: it throws, so a
 * misconfigured address fails fast at startup instead of retrying forever in the background. A
 * stopping process calls {@link #stopReconnecting()} first: the backoff under way ends at once and no
 * new connection is attempted, so a broker that comes up on the address meanwhile is left alone.
 *
 * <h2>Threads</h2>
 * Each instance gets its own single network thread, {@code wk-mqtt-<client-id>}, shared by its two
 * connections, instead of the HiveMQ client's process-wide pool: one client's traffic (a burst of
 * acknowledgements, a reconnect storm) cannot delay another's keep-alives, and thread dumps name the
 * client. Nothing user-supplied runs on it: {@code Subscriber} hands messages to a thread of its own.
 */
public final class ManagedClient {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedClient.class);

    /** The {@code STATUS/} payload published on every (re)connect of the companion connection. */
    public static final String ONLINE = "online";
    /** The {@code STATUS/} payload of a clean close and of the companion's will. */
    public static final String OFFLINE = "offline";

    private static final int KEEP_ALIVE_SECONDS = 30;
    /** How long {@link #close} waits for each DISCONNECT once the broker has left a message unanswered. */
    static final Duration UNANSWERED_DISCONNECT_WAIT = Duration.ofMillis(500);

    private final ClientSettings settings;
    private final long sessionExpirySeconds;
    private final boolean durable;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set once the process is stopping: no new connection attempt starts after this. */
    private volatile boolean reconnectsStopped;
    private final CompletableFuture<Void> firstOnline = new CompletableFuture<>();
    private final Link main;
    private final Link status;

    private ManagedClient(ClientSettings settings, boolean keepSession, boolean durable) {
        this.settings = settings;
        this.durable = durable;
        this.sessionExpirySeconds = keepSession ? settings.sessionExpiry().getSeconds() : 0;
        Executor networkThread = runnable -> {
            Thread thread = new Thread(runnable, "wk-mqtt-" + settings.clientId());
            thread.setDaemon(true);
            thread.start();
        };
        this.main = new Link(settings.clientId(), Topics.NOTIFICATIONS,
                settings.clientId() + " died.", sessionExpirySeconds, networkThread, null);
        this.status = new Link(settings.statusClientId(), Topics.status(settings.clientId()),
                OFFLINE, 0, networkThread, this::publishOnline);
    }

    /**
     * Opens the companion and then the main connection, and blocks until both are connected.
     *
     * @param keepSession   whether the main connection asks the broker to keep its session for
     *                      {@link ClientSettings#sessionExpiry()} while disconnected. A subscriber needs
     *                      that (the broker queues for it); a publisher does not (the client resends its
     *                      unacknowledged messages itself), and without a session the client can drop
     *                      its state at once when closed while the broker is unreachable.
     * @param beforeConnect runs on the main client before it connects, for example to register a
     *                      global publish callback so that no message of a resumed session is missed
     * @throws MqttConnectException with a one-line message if either connection fails
     */
    public static ManagedClient connect(
            ClientSettings settings, boolean keepSession, Consumer<Mqtt5AsyncClient> beforeConnect) {
        return connect(settings, keepSession, false, beforeConnect);
    }

    /**
     * @param durable with {@code keepSession}: the session outlives the process. The first connect
     *                resumes whatever session the broker still holds for this client id (clean start
     *                off), and {@link #close} leaves it for {@link ClientSettings#sessionExpiry()}
     *                instead of ending it.
     */
    public static ManagedClient connect(ClientSettings settings, boolean keepSession, boolean durable,
                                        Consumer<Mqtt5AsyncClient> beforeConnect) {
        ManagedClient managed = new ManagedClient(settings, keepSession, keepSession && durable);
        try {
            beforeConnect.accept(managed.main.client);
            managed.status.connectOrThrow();
            managed.main.connectOrThrow();
            managed.awaitFirstOnline();
            return managed;
        } catch (RuntimeException e) {
            managed.close(Duration.ofSeconds(2)); // STATUS must not stay "online" after a failed start
            throw e;
        }
    }

    /** The main connection; publish and subscribe on it. */
    public Mqtt5AsyncClient client() {
        return main.client;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Whether the main connection is up right now (it may be between reconnect attempts). */
    public boolean isConnected() {
        return main.client.getState() == MqttClientState.CONNECTED;
    }

    /** How many times the main connection has reconnected after a loss. */
    public long reconnects() {
        return main.reconnects.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * No reconnect from now on: a reconnect waiting out its backoff is cancelled at once, and one whose
     * TCP connect is already under way is disconnected as soon as it completes. A live connection stays up,
     * so acknowledgements still under way can arrive before {@link #close}. For a process that is
     * stopping: it must not connect to whatever broker comes up on the address meanwhile.
     */
    public void stopReconnecting() {
        reconnectsStopped = true;
        main.cancelPendingReconnect();
        status.cancelPendingReconnect();
    }

    /** Whether {@link #stopReconnecting} (or {@link #close}) was called. */
    public boolean reconnectsStopped() {
        return reconnectsStopped;
    }

    /**
     * Clean close: publishes a retained {@code STATUS/<id>} = {@code offline}, then disconnects both
     * connections normally (so neither will is sent) and ends their sessions. Each step waits at most
     * {@code timeout}; if the broker did not acknowledge {@code offline} in time, the disconnects wait
     * {@link #UNANSWERED_DISCONNECT_WAIT} only. Idempotent.
     */
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopReconnecting();
        boolean answered = true;
        if (status.client.getState() == MqttClientState.CONNECTED) {
            try {
                publishStatus(OFFLINE).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                answered = false;
                LOG.warn("{}: could not publish STATUS offline on close: the broker did not answer within {}",
                        settings.clientId(), timeout);
            } catch (ExecutionException e) {
                LOG.warn("{}: could not publish STATUS offline on close: {}", settings.clientId(), describe(e));
            }
        }
        // A broker that left the offline message unanswered (a frozen host) holds a DISCONNECT for the whole
        // timeout as well (measured: 5 s per connection); a process stopping within its budget cannot wait for it.
        Duration wait = answered ? timeout : UNANSWERED_DISCONNECT_WAIT;
        main.disconnectQuietly(false, wait);
        status.disconnectQuietly(false, wait);
    }

    /**
     * Simulates a crash: both connections disconnect with reason {@code DISCONNECT_WITH_WILL_MESSAGE}, so
     * the broker publishes both wills ({@code notifications} and {@code STATUS/<id>} = {@code offline})
     * exactly as if the process had died. No reconnect follows. For tests and drills.
     */
    public void abortWithWill() {
        closed.set(true);
        stopReconnecting();
        main.disconnectQuietly(true, Duration.ofSeconds(5));
        status.disconnectQuietly(true, Duration.ofSeconds(5));
    }

    private void publishOnline() {
        publishStatus(ONLINE).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warn("{}: could not publish STATUS online: {}", settings.clientId(), describe(error));
            }
            firstOnline.complete(null);
        });
    }

    /** So that {@code connect} returns only once {@code STATUS/<id>} = {@code online} is retained at the broker. */
    private void awaitFirstOnline() {
        try {
            firstOnline.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: STATUS online not acknowledged within {}", settings.clientId(), settings.connectTimeout());
        }
    }

    private CompletableFuture<?> publishStatus(String payload) {
        if (!settings.presence()) {
            return CompletableFuture.completedFuture(null); // a monitor announces nothing (ClientSettings.presence)
        }
        return status.client.publishWith()
                .topic(Topics.status(settings.clientId()))
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .send()
                .thenApply(result -> {
                    result.getError().ifPresent(e -> {
                        throw new CompletionException(e);
                    });
                    return result;
                });
    }

    /**
     * One operator-readable reason for a connect failure, such as {@code connection refused} or
     * {@code rejected by the broker: NOT_AUTHORIZED}; walks the cause chain past the wrappers.
     */
    static String describe(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof Mqtt5ConnAckException connAck) {
                return "rejected by the broker: " + connAck.getMqttMessage().getReasonCode();
            }
            if (t instanceof UnknownHostException) {
                return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage());
            }
            if (t instanceof TimeoutException) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("timed out")) {
                    return "timed out";
                }
                if (message.contains("refused")) {
                    return "connection refused";
                }
                if (message.contains("unreachable")) {
                    return "network unreachable";
                }
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
        }
        Throwable root = t == null ? failure : t;
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** One MQTT connection with its will, its reconnect policy and its counters. */
    private final class Link {

        final String clientId;
        final Mqtt5AsyncClient client;
        final AtomicBoolean everConnected = new AtomicBoolean();
        final AtomicLong reconnects = new AtomicLong();
        /** Completed when the backoff is over (or cancelled); the client waits for it before reconnecting. */
        final AtomicReference<CompletableFuture<Void>> backoff = new AtomicReference<>();
        final @Nullable Runnable onConnected;
        final long sessionExpiry;

        Link(String clientId, String willTopic, String willPayload, long sessionExpirySeconds,
                Executor networkThread, @Nullable Runnable onConnected) {
            this.clientId = clientId;
            this.onConnected = onConnected;
            this.sessionExpiry = sessionExpirySeconds;
            var transport = MqttClientTransportConfig.builder()
                    .serverHost(settings.address().host())
                    .serverPort(settings.address().port())
                    .socketConnectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .mqttConnectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (settings.address().tls()) {
                transport = transport.sslConfig(sslConfig(settings));
            }
            Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                    .identifier(clientId)
                    .transportConfig(transport.build())
                    .executorConfig()
                        .nettyExecutor(networkThread)
                        .nettyThreads(1)
                        .applyExecutorConfig()
                    .addConnectedListener(context -> onConnected((Mqtt5ClientConnectedContext) context))
                    .addDisconnectedListener(context -> onDisconnected((Mqtt5ClientDisconnectedContext) context));
            if (settings.presence()) {
                // a subscriber-only monitor (observer role) may not publish, and HiveMQ refuses a CONNECT
                // whose will it would not let the client publish: such clients register none
                builder = builder.willPublish()
                        .topic(willTopic)
                        .payload(willPayload.getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true)
                        .applyWillPublish();
            }
            if (settings.username() != null) {
                var auth = builder.simpleAuth().username(settings.username());
                if (settings.password() != null) {
                    auth = auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
                }
                builder = auth.applySimpleAuth();
            }
            this.client = builder.buildAsync();
        }

        /**
         * TLS with the configured trust store, or the JVM's default trust. The client checks that the
         * certificate names the host it connects to.
         *
         * @throws MqttConnectException when the trust store cannot be read; the message names the file and
         *                              the reason, never the password
         */
        private static MqttClientSslConfig sslConfig(ClientSettings settings) {
            var ssl = MqttClientSslConfig.builder().handshakeTimeout(settings.connectTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            Path path = settings.trustStore();
            if (path == null) {
                return ssl.build();
            }
            String password = settings.trustStorePassword();
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(in, password == null ? null : password.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                return ssl.trustManagerFactory(trust).build();
            } catch (NoSuchFileException e) {
                throw new MqttConnectException("trust store " + path + ": no such file", e);
            } catch (IOException | GeneralSecurityException e) {
                throw new MqttConnectException("cannot read trust store " + path + ": " + describe(e), e);
            }
        }

        void connectOrThrow() {
            Duration timeout = settings.connectTimeout().plusSeconds(2);
            CompletableFuture<?> connecting = client.connectWith()
                    .cleanStart(!(durable && sessionExpiry > 0))
                    .sessionExpiryInterval(sessionExpiry)
                    .keepAlive(KEEP_ALIVE_SECONDS)
                    .restrictions()
                        .receiveMaximum(settings.receiveMaximum())
                        .maximumPacketSize(settings.maximumPacketSize())
                        .applyRestrictions()
                    .send();
            try {
                connecting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(e);
            } catch (ExecutionException | TimeoutException e) {
                throw failed(e);
            }
        }

        private MqttConnectException failed(Exception cause) {
            return new MqttConnectException(
                    "cannot connect to MQTT broker at " + settings.address() + ": " + describe(cause), cause);
        }

        /** Runs on the network thread after every successful CONNACK. */
        private void onConnected(Mqtt5ClientConnectedContext context) {
            if (closed.get() || reconnectsStopped) {
                // a reconnect that raced with close() or stopReconnecting(): do not stay connected behind
                // the caller's back
                client.disconnect();
                return;
            }
            if (everConnected.getAndSet(true)) {
                reconnects.incrementAndGet();
                LOG.info("{}: reconnected to {} (session {})", clientId, settings.address(),
                        context.getConnAck().isSessionPresent() ? "resumed" : "new, subscriptions renewed");
            }
            if (onConnected != null) {
                onConnected.run();
            }
        }

        /** Runs on the network thread after every loss of the connection or failed attempt. */
        private void onDisconnected(Mqtt5ClientDisconnectedContext context) {
            Mqtt5ClientReconnector reconnector = context.getReconnector();
            if (context.getSource() == MqttDisconnectSource.USER || closed.get() || reconnectsStopped
                    || !everConnected.get()) {
                reconnector.reconnect(false);
                return;
            }
            int attempt = reconnector.getAttempts();
            long initial = settings.reconnectInitialDelay().toMillis();
            long max = settings.reconnectMaxDelay().toMillis();
            long delay = (long) Math.min(initial * Math.pow(2, Math.min(attempt, 30)), max);
            delay += (long) (delay * 0.25 * ThreadLocalRandom.current().nextDouble());
            if (attempt == 0) {
                LOG.warn("{}: connection to {} lost ({}), reconnecting", clientId, settings.address(),
                        describe(context.getCause()));
            } else {
                LOG.debug("{}: reconnect attempt {} failed ({}), next in {} ms", clientId, attempt,
                        describe(context.getCause()), delay);
            }
            // The backoff is a future of ours rather than the client's own delay, so that stopReconnecting()
            // can end it at once; the client checks reconnect() again, on its thread, once it completes.
            CompletableFuture<Void> wait = new CompletableFuture<>();
            backoff.set(wait);
            reconnector.reconnect(true)
                    .delay(0, TimeUnit.MILLISECONDS)
                    .reconnectWhen(wait, (ignored, error) -> {
                        if (closed.get() || reconnectsStopped) {
                            reconnector.reconnect(false);
                        }
                    })
                    .resubscribeIfSessionExpired(true)
                    .republishIfSessionExpired(true);
            reconnector.connectWith().cleanStart(false).applyConnect();
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> wait.complete(null));
            if (reconnectsStopped) {
                wait.complete(null); // stopReconnecting() ran between the check above and backoff.set
            }
        }

        /** Ends the backoff under way, if any; its callback then sees the stop and gives the reconnect up. */
        void cancelPendingReconnect() {
            CompletableFuture<Void> wait = backoff.get();
            if (wait != null) {
                wait.complete(null);
            }
        }

        void disconnectQuietly(boolean withWill, Duration timeout) {
            MqttClientState state = client.getState();
            if (state == MqttClientState.DISCONNECTED) {
                return;
            }
            try {
                var disconnect = client.disconnectWith();
                if (!(durable && sessionExpiry > 0)) {
                    disconnect = disconnect.sessionExpiryInterval(0);
                }
                if (withWill) {
                    disconnect = disconnect.reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE);
                }
                disconnect.send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debug("{}: disconnect: {}", clientId, describe(e));
            }
        }
    }
}
