package io.watchkeeper.ais.message;

/**
 * Type 25 (binary data in one slot) and type 26 (in up to five slots, with radio status). The
 * destination and application id are 0 when not {@code addressed} / not {@code structured}.
 * {@code radio} is the type 26 communication state (20 bits at the end), 0 for type 25.
 */
public record SlotBinaryMessage(int type, int repeat, int mmsi, boolean addressed, boolean structured,
        int destMmsi, int appId, BinaryData data, int radio) implements AisMessage {
}
