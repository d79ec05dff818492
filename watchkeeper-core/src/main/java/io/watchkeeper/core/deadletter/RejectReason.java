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
    DETECTOR_ERROR,
    /** An NMEA sentence whose {@code *hh} checksum does not match its characters (or has none). */
    NMEA_CHECKSUM,
    /** An NMEA sentence with fields missing, or an AIS payload too short for its message type. */
    NMEA_TRUNCATED,
    /** A line that is not an AIS sentence at all: noise, binary bytes, an unknown sentence. */
    NMEA_GARBAGE,
    /** A fill-bit count outside 0..5, or fill bits on a fragment that is not the last. */
    NMEA_FILL_BITS,
    /** An AIS payload with characters outside the six-bit armour alphabet. */
    AIS_PAYLOAD,
    /** A fragment that arrived out of order, twice, or after one of its group went missing. */
    FRAGMENT_SEQUENCE,
    /** A fragment group that never completed and was evicted after its timeout or for space. */
    FRAGMENT_EXPIRED,
    /**
     * An original-format report whose {@code position.port_id} is not the station of its topic
     * ({@code DATA/<station>}): a station speaks only for its own boats.
     */
    PORT_MISMATCH,
    /** A fix whose event time is further ahead of the engine's clock than it allows ({@code input.maxAhead}). */
    FROM_FUTURE,
    /**
     * A fix of a vessel the engine does not know, from a station that already has its quota of vessels
     * in the engine, or from a new station when the engine keeps as many stations as it may.
     */
    STATION_QUOTA;

    /** The label used in logs, metrics and dead-letter payloads. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
