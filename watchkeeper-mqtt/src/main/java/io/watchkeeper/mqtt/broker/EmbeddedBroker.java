package io.watchkeeper.mqtt.broker;

import com.codahale.metrics.Counter;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import io.watchkeeper.mqtt.client.BrokerAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MQTT&nbsp;5 broker (HiveMQ CE embedded) with defaults that are safe for Watchkeeper, so a
 * single jar can run the whole system and tests need no external broker.
 *
 * <p>HiveMQ CE's own defaults are wrong for us (DESIGN.md §4): it binds every interface and, with no
 * extension installed, lets anyone in; it reports usage statistics; it allows a publisher only 10
 * unacknowledged messages; it queues only 1,000 messages per client and then discards. This class
 * writes a {@code config.xml} that binds {@code 127.0.0.1} by default, turns statistics off, keeps
 * everything in memory unless a data folder is given, allows 65,535 in-flight messages per client and
 * 1,000,000 queued ones (see {@link HiveMqConfig}). It also keeps HiveMQ from reconfiguring logging
 * ({@code withoutLoggingBootstrap()}), so our Logback configuration stays in charge.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start()) {
 *     ClientSettings settings = ClientSettings.of(broker.address(), "detector");
 *     ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe for concurrent start/close; start it once, close it once.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long LISTENER_TIMEOUT_MILLIS = 10_000;
    /**
     * How long {@link #close()} waits for HiveMQ to stop (about 5 s when healthy): within the {@code broker}
     * command's 15 s stop budget, so that a client stuck mid-flow cannot hold the process.
     */
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final String DROPPED_METRIC = "com.hivemq.messages.dropped.count";
    /**
     * Unacknowledged messages the broker may have out towards one client. Not the protocol's 65,535:
     * with that, HiveMQ stopped delivering to DetectorPipelineIT's subscribers part-way (it polls a whole
     * window of queued messages, and packet identifiers at once); 16,384 delivers everything.
     */
    static final int INFLIGHT_WINDOW = 16_384;
    /** The largest MQTT packet a client may send by default: 128 KiB (see {@link HiveMqConfig}). */
    public static final int DEFAULT_MAX_PACKET_BYTES = 128 * 1024;
    /** With logins, how long the broker keeps a disconnected station's or observer's session at most. */
    public static final Duration DEFAULT_MAX_SESSION_EXPIRY = Duration.ofHours(1);

    private final String host;
    private final int requestedPort;
    private final @Nullable Path dataFolder;
    private final @Nullable Path workFolder;
    private final long maxQueuedMessages;
    private final int serverReceiveMaximum;
    private final @Nullable Credentials credentials;
    private final @Nullable TlsListener tls;
    private final int maxPacketBytes;
    private final Duration maxSessionExpiry;
    private final int concurrentLogins;

    private int port;
    private int tlsPort = -1;
    private @Nullable Path createdWorkFolder;
    private @Nullable EmbeddedHiveMQ hiveMq;
    private @Nullable DroppedMessageMonitor dropMonitor;

    private EmbeddedBroker(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.dataFolder = b.dataFolder;
        this.workFolder = b.workFolder;
        this.maxQueuedMessages = b.maxQueuedMessages;
        this.serverReceiveMaximum = b.serverReceiveMaximum;
        this.credentials = b.credentials;
        this.tls = b.tls;
        this.maxPacketBytes = b.maxPacketBytes;
        this.maxSessionExpiry = b.maxSessionExpiry;
        this.concurrentLogins = b.concurrentLogins;
        this.port = b.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and blocks until its listener accepts TCP connections.
     *
     * @return this, for {@code builder()...build().start()}
     * @throws BrokerStartException with a one-line message, such as
     *                              {@code port 1883 on 127.0.0.1 is already in use}
     * @throws IllegalStateException if already started
     */
    public synchronized EmbeddedBroker start() {
        if (hiveMq != null) {
            throw new IllegalStateException("broker already started on " + host + ":" + port);
        }
        InetAddress bindAddress = resolve(host);
        if (tls != null) {
            checkKeyStore(tls);
        }
        port = requestedPort == 0 ? freePort(bindAddress) : checkFree(bindAddress, requestedPort);
        tlsPort = tls == null ? -1 : tls.port() == 0 ? freePortOtherThan(bindAddress, port) : checkFree(bindAddress, tls.port());
        long started = System.nanoTime();
        try {
            Path base = workFolder != null ? Files.createDirectories(workFolder)
                    : (createdWorkFolder = Files.createTempDirectory("watchkeeper-hivemq-"));
            Path conf = Files.createDirectories(base.resolve("conf"));
            Path extensions = Files.createDirectories(base.resolve("extensions"));
            Path data = Files.createDirectories(dataFolder != null ? dataFolder : base.resolve("data"));
            writeConfig(conf.resolve("config.xml"));
            raiseInflightWindow();
            EmbeddedHiveMQBuilder hiveMqBuilder = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap();
            if (credentials != null) {
                hiveMqBuilder = hiveMqBuilder.withEmbeddedExtension(AuthExtension.of(credentials, maxSessionExpiry,
                        new LoginThrottle(concurrentLogins, LoginThrottle.DEFAULT_PATIENCE)));
            }
            EmbeddedHiveMQ broker = hiveMqBuilder.build();
            hiveMq = broker;
            broker.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitListener(port);
            if (tls != null) {
                awaitListener(tlsPort);
            }
            dropMonitor = DroppedMessageMonitor.start(droppedCounter(broker)::getCount, host + ":" + port);
        } catch (IOException e) {
            abortStart();
            throw new BrokerStartException("cannot prepare HiveMQ folders: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortStart();
            throw new BrokerStartException("interrupted while starting the MQTT broker on " + host + ":" + port, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            abortStart();
            throw new BrokerStartException(describeStartFailure(e), e);
        }
        LOG.info("embedded MQTT broker listening on {}:{}{} ({} persistence, {}) after {} ms", host, port,
                tls == null ? "" : " and TLS " + tlsPort, dataFolder != null ? "file" : "in-memory",
                credentials == null ? "anonymous access" : "login required, " + credentials.users().size() + " user(s)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return this;
    }

    /**
     * HiveMQ CE sends a client at most 50 unacknowledged QoS&nbsp;1 messages, whatever Receive Maximum
     * the client asked for: a hard-coded window with no config.xml element. A detector that acknowledges
     * its input only after a checkpoint (every couple of seconds, or 32,768 messages) would get 50
     * messages per checkpoint, about 1.7k messages/s (measured: the demo stalled at 50). The window is a
     * static field of HiveMQ's {@code InternalConfigurations}, read per connection, so we set it before
     * start; the client's own Receive Maximum still bounds it ({@code min} of the two).
     */
    private static void raiseInflightWindow() {
        com.hivemq.configuration.service.InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = INFLIGHT_WINDOW;
    }

    /** The port the listener is bound to; with {@code port(0)}, the one picked at {@link #start()}. */
    public synchronized int port() {
        return port;
    }

    /** The TLS listener's port, if one is configured; with port 0, the one picked at {@link #start()}. */
    public synchronized OptionalInt tlsPort() {
        return tls == null || tlsPort < 0 ? OptionalInt.empty() : OptionalInt.of(tlsPort);
    }

    /** Where a local client connects over TLS ({@code mqtts://}), if a TLS listener is configured. */
    public synchronized Optional<BrokerAddress> tlsAddress() {
        return tlsPort().stream().mapToObj(p -> BrokerAddress.of(connectHost(), p).withTls(true)).findFirst();
    }

    /** Whether clients must log in (a credentials file was given). */
    public boolean requiresLogin() {
        return credentials != null;
    }

    /** The bind address as configured, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}. */
    public String host() {
        return host;
    }

    /** Where a local client connects: the bind address, or loopback when bound to all interfaces. */
    public synchronized BrokerAddress address() {
        return BrokerAddress.of(connectHost(), port);
    }

    public synchronized boolean isRunning() {
        return hiveMq != null;
    }

    /**
     * Messages HiveMQ dropped (full client queue, oversized packet, and so on) since start, from its
     * {@code com.hivemq.messages.dropped.count} metric; 0 when not running. Watch it: a non-zero value means a consumer
     * lost messages.
     */
    public synchronized long droppedMessages() {
        if (hiveMq == null) {
            return 0;
        }
        Counter counter = hiveMq.getMetricRegistry().getCounters().get(DROPPED_METRIC);
        return counter == null ? 0 : counter.getCount();
    }

    /** Stops the broker and deletes the temporary folders it created (never a given data folder). */
    @Override
    public synchronized void close() {
        stopDropMonitor(); // first, so that its last WARN line still reports drops up to now
        EmbeddedHiveMQ broker = hiveMq;
        hiveMq = null;
        if (broker != null) {
            try {
                broker.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.warn("embedded MQTT broker on {}:{} did not stop cleanly: {}", host, port, e.toString());
            }
        }
        deleteCreatedFolder();
    }

    private void abortStart() {
        stopDropMonitor();
        EmbeddedHiveMQ broker = hiveMq;
        hiveMq = null;
        if (broker != null) {
            try {
                broker.stop().get(10, TimeUnit.SECONDS);
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("cleanup after failed start: {}", e.toString());
            }
        }
        deleteCreatedFolder();
    }

    /** HiveMQ's one counter of discarded messages (every reason); absent only if a HiveMQ upgrade renamed it. */
    private static Counter droppedCounter(EmbeddedHiveMQ broker) {
        Counter counter = broker.getMetricRegistry().getCounters().get(DROPPED_METRIC);
        if (counter == null) {
            throw new IllegalStateException("HiveMQ has no metric " + DROPPED_METRIC + "; drops would go unnoticed");
        }
        return counter;
    }

    private void stopDropMonitor() {
        DroppedMessageMonitor monitor = dropMonitor;
        dropMonitor = null;
        if (monitor != null) {
            monitor.close();
        }
    }

    private void deleteCreatedFolder() {
        Path folder = createdWorkFolder;
        createdWorkFolder = null;
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", folder, e.getMessage());
        }
    }

    private String describeStartFailure(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return inUse(port);
            }
            if (t instanceof BrokerStartException) {
                return t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof TimeoutException) {
            return "MQTT broker on " + host + ":" + port + " did not start within " + START_TIMEOUT_SECONDS + " s";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "MQTT broker on " + host + ":" + port + " failed to start: " + root;
    }

    /**
     * HiveMQ reports an unusable key store only in its log and then runs without the TLS listener; checking
     * first turns that into one line for the operator. The message never contains the password.
     */
    private static void checkKeyStore(TlsListener listener) {
        Path file = listener.keyStore();
        if (!Files.isRegularFile(file)) {
            throw new BrokerStartException("TLS key store " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, listener.keyStorePassword().toCharArray());
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                if (store.isKeyEntry(aliases.nextElement())) {
                    return;
                }
            }
            throw new BrokerStartException("TLS key store " + file + " holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new BrokerStartException("cannot use TLS key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code config.xml}, readable by its owner only: with TLS it holds the key store password.
     */
    private void writeConfig(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, HiveMqConfig.xml(host, port, tls == null ? null : new TlsListener(tlsPort,
                tls.keyStore(), tls.keyStorePassword()), dataFolder != null, maxQueuedMessages, serverReceiveMaximum,
                maxPacketBytes),
                StandardCharsets.UTF_8);
    }

    private void awaitListener(int listenerPort) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LISTENER_TIMEOUT_MILLIS);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(connectHost(), listenerPort), 500);
                return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BrokerStartException("MQTT broker started but nothing accepts connections on "
                + connectHost() + ":" + listenerPort + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private String connectHost() {
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "::1" : host;
    }

    private String inUse(int p) {
        return "port " + p + " on " + host + " is already in use";
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrokerStartException("cannot bind MQTT broker to unknown host '" + host + "'", e);
        }
    }

    private int checkFree(InetAddress address, int p) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, p));
            return p;
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("in use")) {
                throw new BrokerStartException(inUse(p), e);
            }
            throw new BrokerStartException("cannot bind port " + p + " on " + host + ": " + why, e);
        } catch (IOException e) {
            throw new BrokerStartException("cannot bind port " + p + " on " + host + ": " + e.getMessage(), e);
        }
    }

    /** A free port for the TLS listener, never the one just picked for plain MQTT. */
    private int freePortOtherThan(InetAddress address, int taken) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int candidate = freePort(address);
            if (candidate != taken) {
                return candidate;
            }
        }
        throw new BrokerStartException("cannot find a second free port on " + host);
    }

    private int freePort(InetAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new BrokerStartException("cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Configures an {@link EmbeddedBroker}; every setting has a safe default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = BrokerAddress.DEFAULT_PORT;
        private @Nullable Path dataFolder;
        private @Nullable Path workFolder;
        private long maxQueuedMessages = 1_000_000;
        private int serverReceiveMaximum = 65_535;
        private @Nullable Credentials credentials;
        private @Nullable TlsListener tls;
        private int maxPacketBytes = DEFAULT_MAX_PACKET_BYTES;
        private Duration maxSessionExpiry = DEFAULT_MAX_SESSION_EXPIRY;
        private int concurrentLogins = LoginThrottle.DEFAULT_CONCURRENT_LOGINS;

        private Builder() {
        }

        /**
         * The largest MQTT packet (CONNECT, PUBLISH, ...) a client may send, in bytes; default 128 KiB
         * (HiveMQ's own: 268,435,460). A larger one ends that client's connection; the broker goes on.
         */
        public Builder maxPacketBytes(int limit) {
            if (limit < 1024 || limit > 268_435_460) {
                throw new IllegalArgumentException("maxPacketBytes must be 1024..268435460, got " + limit);
            }
            this.maxPacketBytes = limit;
            return this;
        }

        /**
         * With {@link #credentials}: the longest session expiry a station or observer may ask for; default
         * 1 h. Engines keep what they ask for: their durable session holds the input while they are down.
         */
        public Builder maxSessionExpiry(Duration limit) {
            Objects.requireNonNull(limit, "maxSessionExpiry");
            if (limit.isNegative() || limit.getSeconds() > 0xFFFF_FFFEL) {
                throw new IllegalArgumentException("maxSessionExpiry must be 0 s..4294967294 s, got " + limit);
            }
            this.maxSessionExpiry = limit;
            return this;
        }

        /**
         * With {@link #credentials}: how many password checks may run at once (default 2); further logins
         * wait up to 5 s and are then refused with {@code SERVER_BUSY} (docs/security.md).
         */
        public Builder concurrentLogins(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("concurrentLogins must be positive, got " + limit);
            }
            this.concurrentLogins = limit;
            return this;
        }

        /**
         * Requires every client to log in as one of these users, with topic permissions by role
         * ({@link Role}, docs/security.md); anonymous clients are refused. Null (default) keeps HiveMQ's
         * open access, for a broker on loopback.
         */
        public Builder credentials(@Nullable Credentials users) {
            this.credentials = users;
            return this;
        }

        /** Adds a TLS listener beside the plain one; null (default) for none. */
        public Builder tls(@Nullable TlsListener listener) {
            this.tls = listener;
            return this;
        }

        /** The address to bind; default {@code 127.0.0.1}. {@code 0.0.0.0} exposes the broker to the network. */
        public Builder host(String bindHost) {
            Objects.requireNonNull(bindHost, "host");
            if (bindHost.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = bindHost;
            return this;
        }

        /** The TCP port; default 1883. {@code 0} picks a free ephemeral port at start, see {@link #port()}. */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** Where to persist sessions, queues and retained messages; null (default) keeps them in memory. */
        public Builder dataFolder(@Nullable Path folder) {
            this.dataFolder = folder;
            return this;
        }

        /**
         * Where to write the generated configuration and the (empty) extensions folder; null (default)
         * uses a temporary folder that {@link EmbeddedBroker#close()} deletes.
         */
        public Builder workFolder(@Nullable Path folder) {
            this.workFolder = folder;
            return this;
        }

        /** Per-client queue limit before HiveMQ discards; default 1,000,000 (HiveMQ's own: 1,000). */
        public Builder maxQueuedMessages(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxQueuedMessages must be positive, got " + limit);
            }
            this.maxQueuedMessages = limit;
            return this;
        }

        /** Unacknowledged publishes one client may send; default 65535 (HiveMQ's own: 10). */
        public Builder serverReceiveMaximum(int limit) {
            if (limit < 1 || limit > 65535) {
                throw new IllegalArgumentException("serverReceiveMaximum must be 1..65535, got " + limit);
            }
            this.serverReceiveMaximum = limit;
            return this;
        }

        public EmbeddedBroker build() {
            return new EmbeddedBroker(this);
        }
    }
}
