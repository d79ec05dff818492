package io.watchkeeper.server.app;

import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.topic.Topics;
import java.util.Objects;

/** Sends {@code AIS/<station>} to the AIS handler and everything else (the {@code DATA/} tree) to the fix handler. */
final class TopicRouter implements MessageHandler {

    private final MessageHandler data;
    private final MessageHandler ais;

    TopicRouter(MessageHandler data, MessageHandler ais) {
        this.data = Objects.requireNonNull(data, "data");
        this.ais = Objects.requireNonNull(ais, "ais");
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (Topics.stationOfAis(topic).isPresent()) {
            ais.onMessage(topic, payload);
        } else {
            data.onMessage(topic, payload);
        }
    }
}
