package io.watchkeeper.ais.message;

/**
 * Any message we do not decode field by field (binary messages, interrogations, type 24 parts 2 and 3,
 * ...): only the common header and the length, so that it can be counted and forwarded.
 */
public record OtherMessage(int type, int repeat, int mmsi, int bitLength) implements AisMessage {
}
