package io.watchkeeper.server.input;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The dead letter of a payload too large to enter the input log: its size, the limit and its first bytes. */
public final class OversizeInput {

    /** How much of an oversized payload a dead letter keeps. */
    public static final int KEPT_BYTES = 256;

    private OversizeInput() {
    }

    public static DeadLetter deadLetter(String topic, byte[] payload, int limit, Instant at) {
        String station = Topics.stationOfData(topic).or(() -> Topics.stationOfAis(topic)).orElse("unknown");
        String head = new String(payload, 0, Math.min(KEPT_BYTES, payload.length), StandardCharsets.ISO_8859_1);
        return new DeadLetter(station, RejectReason.TOO_LARGE, "payload is " + payload.length + " bytes, limit "
                + limit, head + "...", at);
    }
}
