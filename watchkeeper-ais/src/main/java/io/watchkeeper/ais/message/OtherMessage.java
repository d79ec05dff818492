package io.watchkeeper.ais.message;

/**
 * Any message we do not decode field by field: undefined types (0, 28..63), type 24 parts 2 and 3, and
 * messages of the other types whose length is outside the range their type allows (the range gpsdecode
 * accepts). Only the common header and the length, so that it can be counted and forwarded.
 */
public record OtherMessage(int type, int repeat, int mmsi, int bitLength) implements AisMessage {
}
