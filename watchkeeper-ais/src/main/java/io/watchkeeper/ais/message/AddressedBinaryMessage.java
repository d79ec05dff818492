package io.watchkeeper.ais.message;

/**
 * Type 6: binary data addressed to one station. {@code seqno} 0..3, {@code retransmit} set when the
 * message was sent again; {@code data} is decoded by {@code dac}/{@code fid} where we know the layout.
 */
public record AddressedBinaryMessage(int type, int repeat, int mmsi, int seqno, int destMmsi, boolean retransmit,
        int dac, int fid, ApplicationData data) implements AisMessage {
}
