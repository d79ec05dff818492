package io.watchkeeper.server.config;

import io.watchkeeper.mqtt.client.BrokerAddress;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Which broker to talk to and as whom, decided once: flags beat the environment, the environment
 * beats the config file, and the file beats the default ({@code localhost:1883}).
 *
 * <p>The environment variables are the original system's: {@code BROKER_SERVER_IP},
 * {@code BROKER_SERVER_PORT} and {@code BROKER_CLIENT_ID}.
 *
 * @param address  the broker
 * @param clientId the MQTT client id
 * @param origin   where the address came from ({@code --broker}, {@code environment}, the file, {@code default}),
 *                 so that a connection error can say why that broker was tried
 */
public record BrokerChoice(BrokerAddress address, String clientId, String origin) {

    public static final String ENV_HOST = "BROKER_SERVER_IP";
    public static final String ENV_PORT = "BROKER_SERVER_PORT";
    public static final String ENV_CLIENT_ID = "BROKER_CLIENT_ID";

    public BrokerChoice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * @param flagBroker      {@code --broker}, if given
     * @param flagClientId    {@code --client-id}, if given
     * @param env             the process environment
     * @param file            the config file's settings (defaults if there is no file)
     * @param fileName        the config file's name, for {@code origin}
     * @param defaultClientId the role's client id when nobody names one
     * @throws ConfigException on an unparseable address or port
     */
    public static BrokerChoice resolve(@Nullable String flagBroker, @Nullable String flagClientId,
                                       Map<String, String> env, WatchkeeperConfig file, @Nullable String fileName,
                                       String defaultClientId) {
        BrokerAddress address;
        String origin;
        if (flagBroker != null) {
            address = parse(flagBroker, "--broker");
            origin = "--broker";
        } else if (env.get(ENV_HOST) != null || env.get(ENV_PORT) != null) {
            address = fromEnv(env);
            origin = "environment (" + ENV_HOST + "/" + ENV_PORT + ")";
        } else if (file.broker().url() != null) {
            address = parse(file.broker().url(), fileName + " broker.url");
            origin = fileName;
        } else {
            address = new BrokerAddress("localhost", 1883);
            origin = "default";
        }
        String clientId = firstNonBlank(flagClientId, env.get(ENV_CLIENT_ID), file.broker().clientId(),
                defaultClientId);
        return new BrokerChoice(address, clientId, origin);
    }

    private static BrokerAddress fromEnv(Map<String, String> env) {
        String host = env.getOrDefault(ENV_HOST, "localhost");
        String port = env.getOrDefault(ENV_PORT, "1883");
        try {
            int p = Integer.parseInt(port.trim());
            return parse(host.trim() + ":" + p, ENV_HOST + "/" + ENV_PORT);
        } catch (NumberFormatException e) {
            throw new ConfigException(ENV_PORT + " is not a port number: '" + port + "'");
        }
    }

    private static BrokerAddress parse(String text, String what) {
        try {
            return BrokerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }

    private static String firstNonBlank(@Nullable String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim();
            }
        }
        throw new IllegalArgumentException("no client id");
    }

    /**
     * A role's default client id for a client that logs in as {@code username}: the broker binds client ids
     * to users (the id is the user name or starts with {@code <user>-}, docs/security.md), so a default that
     * is not bound already gets the prefix, e.g. {@code detector-watchkeeper-detect}.
     */
    public static String boundTo(String username, String defaultClientId) {
        return defaultClientId.equals(username) || defaultClientId.startsWith(username + "-") ? defaultClientId
                : username + "-" + defaultClientId;
    }

    public String describe() {
        return address + " (from " + origin + ")";
    }
}
