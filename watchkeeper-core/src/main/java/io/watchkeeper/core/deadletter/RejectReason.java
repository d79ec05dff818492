package io.watchkeeper.core.deadletter;

/**
 * Why an input was refused. An enum, so that metric labels stay bounded.
 */
public enum RejectReason {
    /** Not parseable JSON (or not text at all). */
    MALFORMED_JSON,
    /** Valid JSON, but not a fix in any format we know. */
    UNKNOWN_FORMAT,
    /** A required field is missing. */
    MISSING_FIELD,
    /** A field has the wrong type or an impossible value (NaN, lat 95, ...). */
    INVALID_VALUE,
    /** The payload is larger than the configured limit. */
    TOO_LARGE,
    /** A detector threw while handling this fix; the vessel kept its previous state. */
    DETECTOR_ERROR;

    /** The label used in logs, metrics and dead-letter payloads. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
