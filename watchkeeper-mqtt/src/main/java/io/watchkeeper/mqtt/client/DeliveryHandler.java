package io.watchkeeper.mqtt.client;

/**
 * Receives the messages of a durable {@link Subscriber} and decides when each is acknowledged.
 *
 * <p>Called like a {@link MessageHandler}: on the subscriber's handler thread, one message at a time,
 * in arrival order. The broker keeps a message until its {@link Acknowledgement} is given, and
 * resends it after a reconnect or a restart if it never was; so acknowledge only once whatever the
 * message caused is safe (its events published, its effect on state checkpointed). Acknowledge in
 * arrival order: MQTT requires it, and brokers that honour it would otherwise hold the later ones.
 * If the handler throws, the subscriber acknowledges the message itself, so a poison message is not
 * redelivered forever.
 */
@FunctionalInterface
public interface DeliveryHandler {

    /**
     * @param topic   the topic the message was published on
     * @param payload the payload; the handler owns this array
     * @param ack     gives the acknowledgement; any thread may call it, at most once counts
     */
    void onMessage(String topic, byte[] payload, Acknowledgement ack);

    /** A message's acknowledgement, to be given later. Idempotent. */
    @FunctionalInterface
    interface Acknowledgement {
        void acknowledge();
    }
}
