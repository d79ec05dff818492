package io.watchkeeper.server.metrics;

/**
 * The first level of an MQTT topic, as a bounded metric label: {@code topic="DATA"}, {@code "AIS"}, ...
 * Anything else is {@link #OTHER}, so a stray topic can never add a time series.
 */
public enum TopicRoot {
    /** {@code DATA/<station>[/<vessel>]}: fixes as JSON, in. */
    DATA,
    /** {@code AIS/<station>}: raw NMEA, in. */
    AIS,
    /** {@code EVENT/<site>/<TYPE>/<vessel>}: detected events, out. */
    EVENT,
    /** {@code DEADLETTER/<source>}: refused input, out. */
    DEADLETTER,
    /** Any other topic. */
    OTHER;

    /** The label value: the topic level as written on the wire, {@code other} for {@link #OTHER}. */
    public String label() {
        return this == OTHER ? "other" : name();
    }
}
