package io.watchkeeper.mqtt.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an MQTT broker listens: a host name or IP literal, a TCP port, and whether it speaks TLS.
 *
 * <p>{@link #parse(String)} accepts the spellings operators already use, so that the original
 * {@code BROKER_SERVER_IP}/{@code BROKER_SERVER_PORT} settings and URL-style settings both work:
 * {@code tcp://host:port}, {@code mqtt://host:port}, {@code host:port}, {@code host} (port 1883) and
 * bracketed IPv6 such as {@code [::1]:1883}. {@code mqtts://}, {@code ssl://} and {@code tls://} mean
 * TLS, on port 8883 unless one is given. WebSocket schemes are rejected with a clear message rather than
 * silently connecting another way.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port 1..65535
 * @param tls  whether the connection is encrypted with TLS (the server's certificate is checked
 *             against {@link ClientSettings#trustStore()} or the JVM's default trust)
 */
public record BrokerAddress(String host, int port, boolean tls) {

    /** The IANA port for plain MQTT. */
    public static final int DEFAULT_PORT = 1883;
    /** The IANA port for MQTT over TLS. */
    public static final int DEFAULT_TLS_PORT = 8883;

    public BrokerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be 1..65535, got " + port);
        }
    }

    /** A plain-text address, as before TLS existed. */
    public BrokerAddress(String host, int port) {
        this(host, port, false);
    }

    /** The plain-text address {@code host:port}; validates like the constructor. */
    public static BrokerAddress of(String host, int port) {
        return new BrokerAddress(host, port, false);
    }

    /** The same host and port, with or without TLS. */
    public BrokerAddress withTls(boolean useTls) {
        return new BrokerAddress(host, port, useTls);
    }

    /**
     * Parses operator-supplied text.
     *
     * @throws IllegalArgumentException with a message that quotes the input and says what is wrong
     */
    public static BrokerAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("broker address must not be empty");
        }
        int schemeEnd = s.indexOf("://");
        boolean tls = false;
        if (schemeEnd >= 0) {
            String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "tcp", "mqtt" -> s = s.substring(schemeEnd + 3);
                case "ssl", "tls", "mqtts" -> {
                    s = s.substring(schemeEnd + 3);
                    tls = true;
                }
                case "ws", "wss" -> throw bad(text, "scheme '" + scheme + "://' is not yet supported");
                default -> throw bad(text, "unknown scheme '" + scheme + "://' (use tcp://, mqtt:// or mqtts://)");
            }
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        if (s.contains("/") || s.contains("@") || s.contains("?")) {
            throw bad(text, "expected host[:port] without path, user or query");
        }
        String host;
        String portText = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw bad(text, "missing ']' after IPv6 address");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text, "unexpected text after ']'");
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                throw bad(text, "an IPv6 address needs brackets, as in [::1]:1883");
            }
            host = colon >= 0 ? s.substring(0, colon) : s;
            portText = colon >= 0 ? s.substring(colon + 1) : null;
        }
        if (host.isBlank()) {
            throw bad(text, "missing host");
        }
        int port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw bad(text, "port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw bad(text, "port " + port + " is outside 1..65535");
            }
        }
        return new BrokerAddress(host, port, tls);
    }

    /**
     * {@code host:port}, or {@code mqtts://host:port} with TLS, with IPv6 hosts in brackets;
     * {@link #parse(String)} reads it back.
     */
    @Override
    public String toString() {
        return (tls ? "mqtts://" : "") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad broker address '" + text + "': " + why);
    }
}
