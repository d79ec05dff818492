package io.watchkeeper.ais.message;

/**
 * Type 12 (safety-related text addressed to one station) and type 14 (safety-related broadcast text).
 * For type 14, {@code seqno}, {@code destMmsi} and {@code retransmit} are 0/false: the broadcast has none.
 *
 * @param text the six-bit text as transmitted (upper case, at most 156 characters), cut at the first
 *     {@code @} and with trailing spaces removed; may be empty
 */
public record SafetyMessage(int type, int repeat, int mmsi, int seqno, int destMmsi, boolean retransmit, String text)
        implements AisMessage {

    /** Whether the text was addressed to one station (type 12) rather than broadcast (type 14). */
    public boolean addressed() {
        return type == 12;
    }
}
