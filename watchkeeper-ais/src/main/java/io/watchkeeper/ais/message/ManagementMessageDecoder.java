package io.watchkeeper.ais.message;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * Decodes the messages stations exchange about the radio link rather than about a ship: acknowledgements
 * (7, 13), UTC enquiry (10), interrogation (15), assigned mode (16), data link management (20), channel
 * management (22) and group assignment (23). Layouts from ITU-R M.1371-5 Annex 8; the accepted lengths
 * are gpsdecode's (gpsd 3.22), and outside them the result is null so that the caller keeps the message
 * as an {@link OtherMessage}. Stateless.
 */
final class ManagementMessageDecoder {

    private ManagementMessageDecoder() {
    }

    /** Types 7 and 13: 72..168 bits; each 32-bit slot after bit 40 that the message reaches counts. */
    static @Nullable Acknowledgement acknowledgement(PayloadBits bits, int type) {
        if (!within(bits, 72, 168)) {
            return null;
        }
        int[] acknowledged = new int[8];
        for (int slot = 0; slot < 4; slot++) {
            if (bits.bitLength() > 40 + 32 * slot) {
                acknowledged[2 * slot] = bits.u(40 + 32 * slot, 30);
                acknowledged[2 * slot + 1] = bits.u(70 + 32 * slot, 2);
            }
        }
        return new Acknowledgement(type, bits.u(6, 2), bits.u(8, 30), acknowledged[0], acknowledged[1],
                acknowledged[2], acknowledged[3], acknowledged[4], acknowledged[5], acknowledged[6], acknowledged[7]);
    }

    static @Nullable UtcEnquiry utcEnquiry(PayloadBits bits) {
        if (bits.bitLength() < 72) {
            return null;
        }
        return new UtcEnquiry(10, bits.u(6, 2), bits.u(8, 30), bits.u(40, 30));
    }

    /** Type 15: 88..168 bits; the second request of station 1 needs more than 90, station 2 more than 110. */
    static @Nullable Interrogation interrogation(PayloadBits bits) {
        if (!within(bits, 88, 168)) {
            return null;
        }
        boolean second = bits.bitLength() > 90;
        boolean station2 = bits.bitLength() > 110;
        return new Interrogation(15, bits.u(6, 2), bits.u(8, 30), bits.u(40, 30), bits.u(70, 6), bits.u(76, 12),
                second ? bits.u(90, 6) : 0, second ? bits.u(96, 12) : 0, station2 ? bits.u(110, 30) : 0,
                station2 ? bits.u(140, 6) : 0, station2 ? bits.u(146, 12) : 0);
    }

    /** Type 16: 96..168 bits; the second assignment from 144 bits. */
    static @Nullable AssignedModeCommand assignedMode(PayloadBits bits) {
        if (!within(bits, 96, 168)) {
            return null;
        }
        boolean second = bits.bitLength() >= 144;
        return new AssignedModeCommand(16, bits.u(6, 2), bits.u(8, 30), bits.u(40, 30), bits.u(70, 12),
                bits.u(82, 10), second ? bits.u(92, 30) : 0, second ? bits.u(122, 12) : 0,
                second ? bits.u(134, 10) : 0);
    }

    /** Type 20: 72..186 bits, four 30-bit reservations from bit 40 (bits past the end read as 0). */
    static @Nullable DataLinkManagement dataLinkManagement(PayloadBits bits) {
        if (!within(bits, 72, 186)) {
            return null;
        }
        List<DataLinkManagement.Reservation> reservations = new ArrayList<>(4);
        for (int at = 40; at < 160; at += 30) {
            reservations.add(new DataLinkManagement.Reservation(bits.u(at, 12), bits.u(at + 12, 4),
                    bits.u(at + 16, 3), bits.u(at + 19, 11)));
        }
        return new DataLinkManagement(20, bits.u(6, 2), bits.u(8, 30), reservations);
    }

    /** Type 22: from 168 bits; bit 139 chooses between a region (corners) and two addressed stations. */
    static @Nullable ChannelManagement channelManagement(PayloadBits bits) {
        if (bits.bitLength() < 168) {
            return null;
        }
        boolean addressed = bits.bit(139);
        return new ChannelManagement(22, bits.u(6, 2), bits.u(8, 30), bits.u(40, 12), bits.u(52, 12), bits.u(64, 4),
                bits.bit(68), addressed ? 0 : bits.s(69, 18), addressed ? 0 : bits.s(87, 17),
                addressed ? 0 : bits.s(104, 18), addressed ? 0 : bits.s(122, 17), addressed ? bits.u(69, 30) : 0,
                addressed ? bits.u(104, 30) : 0, addressed, bits.bit(140), bits.bit(141), bits.u(142, 3));
    }

    /** Type 23: from 160 bits. */
    static @Nullable GroupAssignmentCommand groupAssignment(PayloadBits bits) {
        if (bits.bitLength() < 160) {
            return null;
        }
        return new GroupAssignmentCommand(23, bits.u(6, 2), bits.u(8, 30), bits.s(40, 18), bits.s(58, 17),
                bits.s(75, 18), bits.s(93, 17), bits.u(110, 4), bits.u(114, 8), bits.u(144, 2), bits.u(146, 4),
                bits.u(150, 4));
    }

    private static boolean within(PayloadBits bits, int min, int max) {
        return bits.bitLength() >= min && bits.bitLength() <= max;
    }
}
