package io.watchkeeper.mqtt.broker;

/**
 * The embedded broker could not start. The message is one line an operator can act on, for example
 * {@code port 1883 on 127.0.0.1 is already in use}; the cause, if any, keeps HiveMQ's details.
 */
public final class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerStartException(String message) {
        super(message);
    }
}
