package io.watchkeeper.ais.message;

/**
 * Type 15: asks stations for messages. Station 1 is asked for message {@code type1_1} (slot offset
 * {@code offset1_1}) and optionally {@code type1_2}; station 2 for {@code type2_1}. Parts the message
 * is too short to hold are 0.
 */
public record Interrogation(int type, int repeat, int mmsi, int mmsi1, int type1_1, int offset1_1, int type1_2,
        int offset1_2, int mmsi2, int type2_1, int offset2_1) implements AisMessage {
}
