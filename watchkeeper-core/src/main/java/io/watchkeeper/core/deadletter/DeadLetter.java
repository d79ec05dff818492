package io.watchkeeper.core.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * A refused input, kept with its reason so that nothing is lost silently.
 *
 * @param source   where it came from: the station of {@code DATA/<station>}, or the engine for detector errors
 * @param reason   bounded reason code
 * @param detail   a human-readable explanation, e.g. {@code "field position.x is not a number"}
 * @param payload  the refused input as text (bytes that are not UTF-8 are replaced)
 * @param at       wall-clock time of refusal
 */
public record DeadLetter(String source, RejectReason reason, String detail, String payload, Instant at) {

    public DeadLetter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }
}
