package io.watchkeeper.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.mqtt.client.MessageHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects the events a subscriber receives, parsed, in arrival order. Thread-safe. */
public final class EventCollector implements MessageHandler {

    /** One received event: its topic, its JSON, and its payload as received. */
    public record Received(String topic, JsonNode json, String text) {

        public String boatKey() {
            return json.at("/body/position/port_id").asText(json.at("/body/site").asText()) + "/"
                    + json.at("/body/boat_id").asText();
        }

        public String state() {
            return json.at("/body/state").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<Received> received = new ArrayList<>();

    @Override
    public void onMessage(String topic, byte[] payload) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            synchronized (received) {
                received.add(new Received(topic, node, new String(payload, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("event is not JSON on " + topic, e);
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int size() {
        synchronized (received) {
            return received.size();
        }
    }
}
