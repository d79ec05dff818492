package io.watchkeeper.mqtt.client;

/**
 * Receives the messages of a {@link Subscriber}.
 *
 * <p>It is called on the subscriber's own handler thread, one message at a time, in arrival order, and
 * the message is acknowledged to the broker when it returns. So keep it short: convert and hand off to a
 * bounded queue (blocking there is the intended backpressure, it slows the broker down rather than
 * buffering without bound), but never do detection, database writes or a synchronous round trip to the
 * same broker here. If it throws, the subscriber logs the first failure of each exception type, counts
 * every failure in {@link Subscriber#handlerErrors()} and keeps consuming: one poison message must not
 * stop the stream.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param topic   the topic the message was published on
     * @param payload the payload; the handler owns this array
     */
    void onMessage(String topic, byte[] payload);
}
