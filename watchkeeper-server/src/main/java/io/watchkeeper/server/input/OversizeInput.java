package io.watchkeeper.server.input;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.mqtt.source.InputRejects;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A payload too large to enter the input log whole: what goes into the log in its place (its size and
 * first bytes, under {@code oversize/<topic>}) and the dead letter the reader makes of that.
 */
public final class OversizeInput {

    /** The input log's source prefix of an oversized message's summary. */
    public static final String SOURCE_PREFIX = "oversize/";
    /** How much of an oversized payload is kept: one more than a dead letter shows, so it marks the cut. */
    public static final int KEPT_BYTES = DeadLetter.MAX_PAYLOAD_CHARS + 1;

    private OversizeInput() {
    }

    /** The payload's size (4 bytes) and its first {@link #KEPT_BYTES}. */
    static byte[] summary(byte[] payload) {
        byte[] head = Arrays.copyOf(payload, Math.min(KEPT_BYTES, payload.length));
        return ByteBuffer.allocate(4 + head.length).putInt(payload.length).put(head).array();
    }

    /** The dead letter of a summary read back from the log under {@code oversize/<topic>}. */
    public static DeadLetter deadLetter(String topic, byte[] summary, int limit, Instant at) {
        ByteBuffer b = ByteBuffer.wrap(summary);
        int size = b.getInt();
        String station = Topics.stationOfData(topic).or(() -> Topics.stationOfAis(topic))
                .orElse(InputRejects.UNKNOWN_SOURCE);
        String head = new String(summary, 4, summary.length - 4, StandardCharsets.ISO_8859_1);
        return new DeadLetter(station, RejectReason.TOO_LARGE, InputRejects.tooLargeDetail(size, limit), head,
                at);
    }
}
