package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;

/**
 * Receives what the framer makes of its input, on the framer's thread. Every line ends in exactly one
 * of: part of a payload (handed on when complete), a rejection, or an ignore (blank line, comment, a
 * well-formed NMEA sentence that is not AIS).
 */
public interface FrameListener {

    /** A complete payload; the view is valid only during this call. */
    void onPayload(AisPayload payload);

    /** Input refused with a bounded reason, a human-readable detail, and the raw text. */
    void onRejected(RejectReason reason, String detail, String raw);

    /** Input deliberately skipped; counted, not dead-lettered. */
    default void onIgnored(String raw) {
    }
}
