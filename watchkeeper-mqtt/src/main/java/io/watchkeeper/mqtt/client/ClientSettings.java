package io.watchkeeper.mqtt.client;

import io.watchkeeper.mqtt.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * How a {@link Publisher} or {@link Subscriber} connects. Start from {@link #of(BrokerAddress, String)}
 * and adjust with the {@code withX} copies.
 *
 * @param address               the broker
 * @param clientId              the MQTT client identifier; it also names the last will
 *                              ({@code "<clientId> died."}), the {@code STATUS/<clientId>} topic and
 *                              the companion connection {@code <clientId>-status}, so it must be a
 *                              valid topic level (no {@code / + #} or NUL)
 * @param username              for the broker's simple authentication, or null for anonymous
 * @param password              sent with {@code username}; never printed by {@link #toString()}
 * @param maxInFlight           how many QoS&nbsp;1/2 publishes a {@link Publisher} keeps unacknowledged
 *                              before {@code publish} blocks (default 1024): pipelining without an
 *                              unbounded buffer
 * @param receiveMaximum        how many unacknowledged QoS&nbsp;1/2 messages the broker may send us at
 *                              once (MQTT&nbsp;5 Receive Maximum). The default is the protocol maximum,
 *                              65535, on purpose: Mosquitto 2.0.11 (Debian 12) does not keep to a
 *                              smaller client value when its {@code max_inflight_messages} is 0 or
 *                              above 20; it sends more, the client must then drop the connection with a
 *                              protocol error, and every reconnect redelivers duplicates. Only 65535
 *                              packet identifiers exist, so no broker can exceed 65535. Lower it only for
 *                              brokers known to honour it (HiveMQ CE does).
 * @param reconnectInitialDelay first delay of the exponential reconnect backoff (default 100 ms)
 * @param reconnectMaxDelay     cap of the backoff (default 10 s)
 * @param connectTimeout        how long a connect attempt (TCP plus CONNACK) may take (default 10 s)
 * @param sessionExpiry         how long the broker keeps a {@link Subscriber}'s session (its
 *                              subscriptions and the QoS&nbsp;1 messages queued for it) while it is
 *                              disconnected (default 5 min); reconnects resume it, so a network blip loses
 *                              nothing, and a clean close ends it at once (a
 *                              durable one, {@link Subscriber#connectDurable}, keeps it). A {@link Publisher} keeps no
 *                              broker session: it resends its unacknowledged messages itself.
 * @param trustStore            for a TLS address ({@link BrokerAddress#tls()}): the key store (JKS or PKCS12)
 *                              holding the certificates to trust; null trusts what the JVM trusts
 * @param trustStorePassword    the trust store's password, or null for none; never printed
 * @param presence              whether the client announces itself (default true): the {@code notifications}
 *                              will and the {@code STATUS/<clientId>} birth, will and clean-close messages.
 *                              False for monitors that may not publish at all, such as a user with the
 *                              broker's {@code observer} role: no will is registered and nothing is published
 *                              on {@code STATUS/}.
 * @param maximumPacketSize     the largest MQTT packet, in bytes, the client accepts from the broker (MQTT&nbsp;5
 *                              Maximum Packet Size; default 128 KiB, the embedded broker's own limit). The
 *                              broker does not send a larger message to this client (it drops it and counts
 *                              the drop) instead of making it buffer up to 256 MB
 */
public record ClientSettings(
        BrokerAddress address,
        String clientId,
        @Nullable String username,
        @Nullable String password,
        int maxInFlight,
        int receiveMaximum,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        Duration connectTimeout,
        Duration sessionExpiry,
        @Nullable Path trustStore,
        @Nullable String trustStorePassword,
        boolean presence,
        int maximumPacketSize) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    public static final int DEFAULT_RECEIVE_MAXIMUM = 65535;
    public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofMinutes(5);
    /** 128 KiB: a fix is a few hundred bytes, an AIS batch a few kilobytes. */
    public static final int DEFAULT_MAXIMUM_PACKET_SIZE = 128 * 1024;

    /** Suffix of the companion connection that carries the {@code STATUS/} will. */
    static final String STATUS_SUFFIX = "-status";

    public ClientSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clientId, "clientId");
        Topics.status(clientId); // same rules as a topic level: the id is used in STATUS/<clientId>
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a username");
        }
        if (maxInFlight < 1 || maxInFlight > 65535) {
            throw new IllegalArgumentException("maxInFlight must be 1..65535, got " + maxInFlight);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535, got " + receiveMaximum);
        }
        positive(reconnectInitialDelay, "reconnectInitialDelay");
        positive(reconnectMaxDelay, "reconnectMaxDelay");
        positive(connectTimeout, "connectTimeout");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (reconnectInitialDelay.compareTo(reconnectMaxDelay) > 0) {
            throw new IllegalArgumentException("reconnectInitialDelay " + reconnectInitialDelay
                    + " must not exceed reconnectMaxDelay " + reconnectMaxDelay);
        }
        if (sessionExpiry.isNegative() || sessionExpiry.getSeconds() > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("sessionExpiry must be 0 s..4294967294 s, got " + sessionExpiry);
        }
        if (trustStore != null && !address.tls()) {
            throw new IllegalArgumentException("a trust store needs a TLS broker address (mqtts://), got " + address);
        }
        if (trustStorePassword != null && trustStore == null) {
            throw new IllegalArgumentException("a trust store password needs a trust store");
        }
        if (maximumPacketSize < 1024 || maximumPacketSize > 268_435_460) {
            throw new IllegalArgumentException("maximumPacketSize must be 1024..268435460 bytes, got " + maximumPacketSize);
        }
    }

    /** The settings before the packet size limit existed: the default limit. */
    public ClientSettings(BrokerAddress address, String clientId, @Nullable String username, @Nullable String password,
            int maxInFlight, int receiveMaximum, Duration reconnectInitialDelay, Duration reconnectMaxDelay,
            Duration connectTimeout, Duration sessionExpiry, @Nullable Path trustStore,
            @Nullable String trustStorePassword, boolean presence) {
        this(address, clientId, username, password, maxInFlight, receiveMaximum, reconnectInitialDelay,
                reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence,
                DEFAULT_MAXIMUM_PACKET_SIZE);
    }

    /** The settings before TLS and presence existed: JVM trust for TLS, presence on. */
    public ClientSettings(BrokerAddress address, String clientId, @Nullable String username, @Nullable String password,
            int maxInFlight, int receiveMaximum, Duration reconnectInitialDelay, Duration reconnectMaxDelay,
            Duration connectTimeout, Duration sessionExpiry) {
        this(address, clientId, username, password, maxInFlight, receiveMaximum, reconnectInitialDelay,
                reconnectMaxDelay, connectTimeout, sessionExpiry, null, null, true);
    }

    /** Anonymous settings with every default. */
    public static ClientSettings of(BrokerAddress address, String clientId) {
        return new ClientSettings(address, clientId, null, null, DEFAULT_MAX_IN_FLIGHT, DEFAULT_RECEIVE_MAXIMUM,
                DEFAULT_RECONNECT_INITIAL_DELAY, DEFAULT_RECONNECT_MAX_DELAY, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SESSION_EXPIRY);
    }

    public ClientSettings withAddress(BrokerAddress newAddress) {
        return new ClientSettings(newAddress, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    public ClientSettings withClientId(String newClientId) {
        return new ClientSettings(address, newClientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    /** Simple authentication; pass nulls for anonymous. */
    public ClientSettings withCredentials(@Nullable String newUsername, @Nullable String newPassword) {
        return new ClientSettings(address, clientId, newUsername, newPassword, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    public ClientSettings withMaxInFlight(int newMaxInFlight) {
        return new ClientSettings(address, clientId, username, password, newMaxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    public ClientSettings withReceiveMaximum(int newReceiveMaximum) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, newReceiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    public ClientSettings withReconnectBackoff(Duration initialDelay, Duration maxDelay) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                initialDelay, maxDelay, connectTimeout, sessionExpiry, trustStore, trustStorePassword, presence, maximumPacketSize);
    }

    public ClientSettings withConnectTimeout(Duration newConnectTimeout) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, newConnectTimeout, sessionExpiry, trustStore, trustStorePassword,
                presence, maximumPacketSize);
    }

    public ClientSettings withSessionExpiry(Duration newSessionExpiry) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, newSessionExpiry, trustStore, trustStorePassword,
                presence, maximumPacketSize);
    }

    /**
     * TLS trust: the key store with the certificates to trust (null for the JVM's default trust) and its
     * password (null for none). Needs a TLS address.
     */
    public ClientSettings withTrustStore(@Nullable Path newTrustStore, @Nullable String newTrustStorePassword) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, newTrustStore,
                newTrustStorePassword, presence, maximumPacketSize);
    }

    /** Whether to register the wills and publish {@code STATUS/}; false for subscriber-only monitors. */
    public ClientSettings withPresence(boolean announce) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore,
                trustStorePassword, announce, maximumPacketSize);
    }

    /** The largest packet accepted from the broker, in bytes (1024..268435460). */
    public ClientSettings withMaximumPacketSize(int bytes) {
        return new ClientSettings(address, clientId, username, password, maxInFlight, receiveMaximum,
                reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, trustStore,
                trustStorePassword, presence, bytes);
    }

    /** The client id of the companion connection that carries the {@code STATUS/<clientId>} will. */
    public String statusClientId() {
        return clientId + STATUS_SUFFIX;
    }

    /** Everything but the passwords, which show as {@code ***} when set. */
    @Override
    public String toString() {
        return "ClientSettings[address=" + address + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + ", maxInFlight=" + maxInFlight
                + ", receiveMaximum=" + receiveMaximum + ", reconnectInitialDelay=" + reconnectInitialDelay
                + ", reconnectMaxDelay=" + reconnectMaxDelay + ", connectTimeout=" + connectTimeout
                + ", sessionExpiry=" + sessionExpiry + ", trustStore=" + trustStore + ", trustStorePassword="
                + (trustStorePassword == null ? "null" : "***") + ", presence=" + presence
                + ", maximumPacketSize=" + maximumPacketSize + "]";
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
