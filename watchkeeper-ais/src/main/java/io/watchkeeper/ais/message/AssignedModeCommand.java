package io.watchkeeper.ais.message;

/**
 * Type 16: a base station assigns one or two stations a reporting schedule (slot offset and
 * increment). The second assignment is 0 when the message is too short (under 144 bits) to hold it.
 */
public record AssignedModeCommand(int type, int repeat, int mmsi, int mmsi1, int offset1, int increment1,
        int mmsi2, int offset2, int increment2) implements AisMessage {
}
