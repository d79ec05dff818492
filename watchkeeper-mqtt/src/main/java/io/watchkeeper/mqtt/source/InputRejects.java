package io.watchkeeper.mqtt.source;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * How an input topic tree refuses a message: as a dead letter with a reason, counted. One of these serves
 * the JSON fixes on {@code DATA/} ({@link FixSource}) and the NMEA lines on {@code AIS/} alike, so a wrong
 * topic or an oversized payload reads the same on {@code DEADLETTER/} whichever tree it came on.
 *
 * <p>The payload is kept as text in the charset of its format: JSON is UTF-8 (bytes that are not become
 * U+FFFD), NMEA is ASCII read as ISO-8859-1 (every byte one char, so junk is kept as it came).
 */
public final class InputRejects {

    /** The dead-letter source of a message whose topic names no station. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final Charset charset;
    private final LongAdder rejected = new LongAdder();

    public InputRejects(DeadLetterSink deadLetters, Clock clock, Charset charset) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /**
     * A message on a topic outside the tree.
     *
     * @param expected the tree's shape with its article, as the detail reads: {@code "a DATA/<station>"}
     */
    public void wrongTopic(String topic, String expected, byte[] payload) {
        reject(UNKNOWN_SOURCE, RejectReason.UNKNOWN_FORMAT, "not " + expected + " topic: " + topic, payload);
    }

    /**
     * Refuses {@code payload} whole as {@code too_large} if it is over {@code limit} bytes, before any of it
     * is read. Only the bytes a dead letter shows, and one more so that it marks the cut, become text.
     *
     * @return whether it was refused
     */
    public boolean refusedAsTooLarge(String station, byte[] payload, int limit) {
        if (payload.length <= limit) {
            return false;
        }
        int kept = Math.min(DeadLetter.MAX_PAYLOAD_CHARS + 1, payload.length);
        rejected.increment();
        deadLetters.accept(new DeadLetter(station, RejectReason.TOO_LARGE, tooLargeDetail(payload.length, limit),
                new String(payload, 0, kept, charset), clock.instant()));
        return true;
    }

    /** The detail of a {@code too_large} dead letter, the same for every input. */
    public static String tooLargeDetail(int size, int limit) {
        return "payload is " + size + " bytes, limit " + limit;
    }

    /** Refuses {@code payload} from {@code source} for {@code reason}. */
    public void reject(String source, RejectReason reason, String detail, byte[] payload) {
        rejected.increment();
        deadLetters.accept(new DeadLetter(source, reason, detail, new String(payload, charset), clock.instant()));
    }

    /** Messages refused so far. */
    public long count() {
        return rejected.sum();
    }
}
