package io.watchkeeper.server.input;

import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.topic.Topics;
import java.util.Objects;

/**
 * Sends {@code AIS/<station>} to the AIS handler, the lines of the TCP and UDP inputs
 * ({@code input/<name>}, as the input log names them) to theirs, and everything else (the {@code DATA/}
 * tree) to the fix handler.
 */
final class TopicRouter implements MessageHandler {

    /** The input log's source prefix for lines of the TCP and UDP inputs. */
    static final String INPUT_PREFIX = "input/";

    private final MessageHandler data;
    private final MessageHandler ais;
    private final AisTopicSource inputs;
    private final MessageHandler oversize;

    /** @param oversize takes {@code oversize/<topic>} summaries of payloads too large for the log */
    TopicRouter(MessageHandler data, MessageHandler ais, AisTopicSource inputs, MessageHandler oversize) {
        this.data = Objects.requireNonNull(data, "data");
        this.ais = Objects.requireNonNull(ais, "ais");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.oversize = Objects.requireNonNull(oversize, "oversize");
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(OversizeInput.SOURCE_PREFIX)) {
            oversize.onMessage(topic.substring(OversizeInput.SOURCE_PREFIX.length()),
                    payload);
        } else if (topic.startsWith(INPUT_PREFIX)) {
            inputs.acceptLines(topic.substring(INPUT_PREFIX.length()), payload);
        } else if (Topics.stationOfAis(topic).isPresent()) {
            ais.onMessage(topic, payload);
        } else {
            data.onMessage(topic, payload);
        }
    }
}
