package io.watchkeeper.core.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * A refused input, kept with its reason so that nothing is lost silently.
 *
 * @param source   where it came from: the station of {@code DATA/<station>}, or the engine for detector errors
 * @param reason   bounded reason code
 * @param detail   a human-readable explanation, e.g. {@code "field position.x is not a number"}
 * @param payload  the refused input as text (bytes that are not UTF-8 are replaced); cut to
 *                 {@link #MAX_PAYLOAD_CHARS} by {@link #excerpt}
 * @param at       wall-clock time of refusal
 */
public record DeadLetter(String source, RejectReason reason, String detail, String payload, Instant at) {

    /**
     * The longest payload a dead letter keeps: 1 KiB holds any real fix or AIS sentence whole, for an
     * operator to read and replay, while an oversized input (up to the broker's packet limit) does not
     * become an equally large {@code DEADLETTER/} message, log line or buffer.
     */
    public static final int MAX_PAYLOAD_CHARS = 1024;
    /** Ends a cut payload, so that nobody mistakes it for the whole input. */
    public static final String CUT_MARK = "...[truncated]";

    public DeadLetter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
        payload = excerpt(payload);
    }

    /**
     * {@code text} if it has at most {@link #MAX_PAYLOAD_CHARS} characters, else its first ones and
     * {@link #CUT_MARK}. Every dead letter goes through here, whichever input refused it.
     */
    public static String excerpt(String text) {
        return text.length() <= MAX_PAYLOAD_CHARS ? text : text.substring(0, MAX_PAYLOAD_CHARS) + CUT_MARK;
    }
}
