package io.watchkeeper.ais.message;

import org.jetbrains.annotations.Nullable;

/**
 * Decodes the messages that carry binary data: types 6 and 8 (application data by DAC/FI, see
 * {@link ApplicationDecoder}), 17 (DGNSS corrections), 25 and 26 (slot binary messages). The length
 * ranges are gpsdecode's (gpsd 3.22); outside them the result is null and the caller keeps the message
 * as an {@link OtherMessage}. The ranges end at 1008 bits at most (five slots, ITU-R M.1371-5), so no
 * payload copy is ever larger than 126 bytes, whatever length a sender claims. Stateless.
 */
final class BinaryMessageDecoder {

    private static final int MAX_BITS = 1008;

    private BinaryMessageDecoder() {
    }

    static @Nullable AddressedBinaryMessage addressed(PayloadBits bits) {
        if (!within(bits, 88, MAX_BITS)) {
            return null;
        }
        int dac = bits.u(72, 10);
        int fid = bits.u(82, 6);
        return new AddressedBinaryMessage(6, bits.u(6, 2), bits.u(8, 30), bits.u(38, 2), bits.u(40, 30), bits.bit(70),
                dac, fid, ApplicationDecoder.addressed(bits, dac, fid));
    }

    static @Nullable BroadcastBinaryMessage broadcast(PayloadBits bits) {
        if (!within(bits, 56, MAX_BITS)) {
            return null;
        }
        int dac = bits.u(40, 10);
        int fid = bits.u(50, 6);
        return new BroadcastBinaryMessage(8, bits.u(6, 2), bits.u(8, 30), dac, fid,
                ApplicationDecoder.broadcast(bits, dac, fid));
    }

    /** Type 17: reference station position (1/10 minute) and the correction data from bit 80. */
    static @Nullable DgnssBroadcast dgnss(PayloadBits bits) {
        if (!within(bits, 80, 816)) {
            return null;
        }
        int count = bits.bitLength() - 80;
        return new DgnssBroadcast(17, bits.u(6, 2), bits.u(8, 30), bits.s(40, 18), bits.s(58, 17),
                new BinaryData(count, bits.bytes(80, count, false)));
    }

    /**
     * Types 25 and 26: flags at 38 (addressed) and 39 (structured), then the destination (30 bits) if
     * addressed, the application id (16 bits) if structured, the data, and for type 26 a 20-bit radio
     * status at the end.
     */
    static @Nullable SlotBinaryMessage slot(PayloadBits bits, int type) {
        boolean multiSlot = type == 26;
        if (!within(bits, multiSlot ? 60 : 40, multiSlot ? 1004 : 168)) {
            return null;
        }
        boolean addressed = bits.bit(38);
        boolean structured = bits.bit(39);
        int start = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
        int count = bits.bitLength() - start - (multiSlot ? 20 : 0);
        if (count < 0) {
            return null;
        }
        int radio = multiSlot ? bits.u(bits.bitLength() - 20, 20) : 0;
        return new SlotBinaryMessage(type, bits.u(6, 2), bits.u(8, 30), addressed, structured,
                addressed ? bits.u(40, 30) : 0, structured ? bits.u(addressed ? 70 : 40, 16) : 0,
                new BinaryData(count, bits.bytes(start, count, false)), radio);
    }

    private static boolean within(PayloadBits bits, int min, int max) {
        return bits.bitLength() >= min && bits.bitLength() <= max;
    }
}
