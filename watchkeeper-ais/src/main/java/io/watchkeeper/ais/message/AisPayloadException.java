package io.watchkeeper.ais.message;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.Objects;

/**
 * A payload that cannot be decoded: bad armour characters or too few bits for its type. Bad input is
 * data, not a bug, so this exception carries a bounded {@link RejectReason} and builds no stack trace
 * (it is thrown per bad message on a hot path).
 */
public final class AisPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String detail;

    public AisPayloadException(RejectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").label() + ": " + Objects.requireNonNull(detail, "detail"),
                null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    /** {@link RejectReason#AIS_PAYLOAD}, {@link RejectReason#NMEA_TRUNCATED} or {@link RejectReason#NMEA_FILL_BITS}. */
    public RejectReason reason() {
        return reason;
    }

    /** Human-readable detail, e.g. {@code "type 5 needs 420 bits, got 312"}. */
    public String detail() {
        return detail;
    }
}
