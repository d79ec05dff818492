package io.watchkeeper.ais.message;

/**
 * Type 24 part B: ship type, vendor, call sign, and either dimensions or, for an auxiliary craft
 * (MMSI 98xxxxxxx), the mothership's MMSI. Both readings of bits 132..161 are kept; {@link #auxiliaryCraft()}
 * says which one applies.
 *
 * <p>{@code vendorId} is the 7-character reading of bits 48..89 that gpsd prints (the 1371-1 layout);
 * {@code model} and {@code serial} are the 1371-4 reading of the same bits 66..89.
 */
public record StaticDataReportB(int type, int repeat, int mmsi, int shipType, String vendorId, int model,
        int serial, String callsign, int toBow, int toStern, int toPort, int toStarboard, int mothershipMmsi)
        implements AisMessage {

    /** True for MMSI 98xxxxxxx: the dimension bits carry {@link #mothershipMmsi()} instead. */
    public boolean auxiliaryCraft() {
        return isAuxiliary(mmsi);
    }

    static boolean isAuxiliary(int mmsi) {
        return mmsi / 10_000_000 == 98;
    }
}
