package io.watchkeeper.mqtt.client;

import org.jetbrains.annotations.Nullable;

/**
 * A {@link Publisher} or {@link Subscriber} could not be set up: the broker was unreachable, refused us,
 * timed out or rejected a subscription. The message is one line an operator can act on, for example
 * {@code cannot connect to MQTT broker at localhost:1883: connection refused}; the cause, if any, keeps
 * the details.
 */
public final class MqttConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MqttConnectException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
