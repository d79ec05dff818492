package io.watchkeeper.server.input.log;

import java.util.Objects;

/**
 * One input message as the log holds it.
 *
 * @param position       where it starts in the log; the next record starts at {@link #next}
 * @param next           the position just after it: a cursor resumed there reads the record after this
 * @param receivedMillis when it arrived (wall clock), so that a replay dates it as the first read did
 * @param source         where it came from: the MQTT topic ({@code DATA/...}, {@code AIS/...})
 * @param payload        its bytes, as received
 */
public record LogRecord(long position, long next, long receivedMillis, String source, byte[] payload) {

    public LogRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        if (next <= position) {
            throw new IllegalArgumentException("next " + next + " must follow position " + position);
        }
    }
}
