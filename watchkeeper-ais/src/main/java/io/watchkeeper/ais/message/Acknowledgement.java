package io.watchkeeper.ais.message;

/**
 * Type 7 (binary acknowledge) and type 13 (safety-related acknowledge): up to four acknowledged
 * stations with the sequence number of the message acknowledged; absent slots are 0.
 */
public record Acknowledgement(int type, int repeat, int mmsi, int mmsi1, int seqno1, int mmsi2, int seqno2,
        int mmsi3, int seqno3, int mmsi4, int seqno4) implements AisMessage {
}
