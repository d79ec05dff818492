package io.watchkeeper.ais.message;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Decodes one reassembled six-bit AIS payload into an {@link AisMessage}. Stateless and thread-safe;
 * reads bits straight from the armoured characters, so decoding a position report allocates little
 * more than its result record.
 *
 * <p>Minimum lengths follow gpsdecode (gpsd 3.22), which also decodes a few real-world short forms:
 * type 1-3 from 163 bits (the radio field is then the bits present), type 5 from 420 bits, type 24
 * part A from 160 bits. Longer payloads than the standard are accepted and their extra bits ignored,
 * except type 27, which must be 96 or 168 bits ({@link RejectReason#AIS_PAYLOAD} otherwise).
 * The types without a position (binary, safety text, link management) are decoded by
 * {@link BinaryMessageDecoder} and {@link ManagementMessageDecoder} within gpsdecode's length ranges and
 * are an {@link OtherMessage} outside them, as are type 24 parts 2 and 3 and the undefined types.
 */
public final class AisMessageDecoder {

    private static final int HEADER_BITS = 38;

    /**
     * Decodes {@code armored.subSequence(start, end)} with {@code fillBits} unused bits at the end.
     *
     * @throws AisPayloadException {@link RejectReason#AIS_PAYLOAD} for a character outside the armour
     *     alphabet, {@link RejectReason#NMEA_TRUNCATED} for a payload too short for its type,
     *     {@link RejectReason#NMEA_FILL_BITS} for a fill-bit count outside 0..5
     */
    public AisMessage decode(CharSequence armored, int start, int end, int fillBits) throws AisPayloadException {
        Objects.requireNonNull(armored, "armored");
        Objects.checkFromToIndex(start, end, armored.length());
        if (fillBits < 0 || fillBits > 5) {
            throw new AisPayloadException(RejectReason.NMEA_FILL_BITS, "fill bits " + fillBits + " outside 0..5");
        }
        // Checks every character (AIS_PAYLOAD) while packing the first bits.
        PayloadBits bits = new PayloadBits(armored, start, end, fillBits);
        if (bits.bitLength() < HEADER_BITS) {
            throw truncated("message", HEADER_BITS, bits.bitLength());
        }
        int type = bits.u(0, 6);
        switch (type) {
            case 1, 2, 3:
                return positionReportClassA(bits, type);
            case 4, 11:
                return baseStationReport(bits, type);
            case 5:
                return staticAndVoyageData(bits);
            case 9:
                return sarAircraftReport(bits);
            case 18:
                return classBPositionReport(bits);
            case 19:
                return classBExtendedReport(bits);
            case 21:
                return aidToNavigationReport(bits);
            case 24:
                return staticDataReport(bits);
            case 27:
                return longRangeReport(bits);
            default:
                return otherType(bits, type);
        }
    }

    /**
     * The types without a position: decoded field by field when their length is one gpsdecode accepts,
     * otherwise kept as an {@link OtherMessage} (still counted, as before these types were decoded).
     */
    private static AisMessage otherType(PayloadBits bits, int type) {
        @Nullable AisMessage decoded = switch (type) {
            case 6 -> BinaryMessageDecoder.addressed(bits);
            case 7, 13 -> ManagementMessageDecoder.acknowledgement(bits, type);
            case 8 -> BinaryMessageDecoder.broadcast(bits);
            case 10 -> ManagementMessageDecoder.utcEnquiry(bits);
            case 12, 14 -> safetyMessage(bits, type);
            case 15 -> ManagementMessageDecoder.interrogation(bits);
            case 16 -> ManagementMessageDecoder.assignedMode(bits);
            case 17 -> BinaryMessageDecoder.dgnss(bits);
            case 20 -> ManagementMessageDecoder.dataLinkManagement(bits);
            case 22 -> ManagementMessageDecoder.channelManagement(bits);
            case 23 -> ManagementMessageDecoder.groupAssignment(bits);
            case 25, 26 -> BinaryMessageDecoder.slot(bits, type);
            default -> null;
        };
        return decoded != null ? decoded : other(bits, type);
    }

    /** Types 12 (72..1008 bits, text from 72) and 14 (40..1008 bits, text from 40). */
    private static @Nullable SafetyMessage safetyMessage(PayloadBits bits, int type) {
        boolean addressed = type == 12;
        int textStart = addressed ? 72 : 40;
        if (bits.bitLength() < textStart || bits.bitLength() > 1008) {
            return null;
        }
        return new SafetyMessage(type, bits.u(6, 2), bits.u(8, 30), addressed ? bits.u(38, 2) : 0,
                addressed ? bits.u(40, 30) : 0, addressed && bits.bit(70), bits.textToEnd(textStart));
    }

    /** Convenience for a whole payload string. */
    public AisMessage decode(CharSequence armored, int fillBits) throws AisPayloadException {
        Objects.requireNonNull(armored, "armored");
        return decode(armored, 0, armored.length(), fillBits);
    }

    private static OtherMessage other(PayloadBits bits, int type) {
        return new OtherMessage(type, bits.u(6, 2), bits.u(8, 30), bits.bitLength());
    }

    private static PositionReportClassA positionReportClassA(PayloadBits bits, int type) throws AisPayloadException {
        // gpsd decodes 163..167-bit type 1-3 reports seen on air; all navigation fields end at bit 148.
        require(bits, type, 163);
        // The radio field is the 19 bits at 149, or, in such a short message, just the bits present.
        int radioBits = Math.min(19, bits.bitLength() - 149);
        return new PositionReportClassA(type, bits.u(6, 2), bits.u(8, 30), bits.u(38, 4), bits.s(42, 8),
                bits.u(50, 10), bits.bit(60), bits.s(61, 28), bits.s(89, 27), bits.u(116, 12), bits.u(128, 9),
                bits.u(137, 6), bits.u(143, 2), bits.bit(148), bits.u(149, radioBits));
    }

    private static BaseStationReport baseStationReport(PayloadBits bits, int type) throws AisPayloadException {
        require(bits, type, 168);
        return new BaseStationReport(type, bits.u(6, 2), bits.u(8, 30), bits.u(38, 14), bits.u(52, 4),
                bits.u(56, 5), bits.u(61, 5), bits.u(66, 6), bits.u(72, 6), bits.bit(78), bits.s(79, 28),
                bits.s(107, 27), bits.u(134, 4), bits.bit(148), bits.u(149, 19));
    }

    private static StaticAndVoyageData staticAndVoyageData(PayloadBits bits) throws AisPayloadException {
        // 424 bits by the standard; real transmitters send 420 or 422 (the destination's last character
        // is then partly fill). The DTE flag at bit 422 only counts if it was transmitted.
        require(bits, 5, 420);
        boolean dte = bits.bitLength() > 422 && bits.bit(422);
        return new StaticAndVoyageData(5, bits.u(6, 2), bits.u(8, 30), bits.u(38, 2), bits.u(40, 30),
                bits.text(70, 7), bits.text(112, 20), bits.u(232, 8), bits.u(240, 9), bits.u(249, 9),
                bits.u(258, 6), bits.u(264, 6), bits.u(270, 4), bits.u(274, 4), bits.u(278, 5), bits.u(283, 5),
                bits.u(288, 6), bits.u(294, 8), bits.text(302, 20), dte);
    }

    private static SarAircraftReport sarAircraftReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 9, 168);
        return new SarAircraftReport(9, bits.u(6, 2), bits.u(8, 30), bits.u(38, 12), bits.u(50, 10), bits.bit(60),
                bits.s(61, 28), bits.s(89, 27), bits.u(116, 12), bits.u(128, 6), bits.u(134, 8), bits.bit(142),
                bits.bit(146), bits.bit(147), bits.u(148, 20));
    }

    private static ClassBPositionReport classBPositionReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 18, 168);
        return new ClassBPositionReport(18, bits.u(6, 2), bits.u(8, 30), bits.u(38, 8), bits.u(46, 10),
                bits.bit(56), bits.s(57, 28), bits.s(85, 27), bits.u(112, 12), bits.u(124, 9), bits.u(133, 6),
                bits.u(139, 2), bits.bit(141), bits.bit(142), bits.bit(143), bits.bit(144), bits.bit(145),
                bits.bit(146), bits.bit(147), bits.u(148, 20));
    }

    private static ClassBExtendedReport classBExtendedReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 19, 312);
        return new ClassBExtendedReport(19, bits.u(6, 2), bits.u(8, 30), bits.u(38, 8), bits.u(46, 10),
                bits.bit(56), bits.s(57, 28), bits.s(85, 27), bits.u(112, 12), bits.u(124, 9), bits.u(133, 6),
                bits.u(139, 4), bits.text(143, 20), bits.u(263, 8), bits.u(271, 9), bits.u(280, 9),
                bits.u(289, 6), bits.u(295, 6), bits.u(301, 4), bits.bit(305), bits.bit(306), bits.bit(307));
    }

    private static AidToNavigationReport aidToNavigationReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 21, 272);
        return new AidToNavigationReport(21, bits.u(6, 2), bits.u(8, 30), bits.u(38, 5), aidName(bits),
                bits.bit(163), bits.s(164, 28), bits.s(192, 27), bits.u(219, 9), bits.u(228, 9), bits.u(237, 6),
                bits.u(243, 6), bits.u(249, 4), bits.u(253, 6), bits.bit(259), bits.u(260, 8), bits.bit(268),
                bits.bit(269), bits.bit(270));
    }

    /**
     * The 20-character name, then as many whole extension characters as the bits after 272 hold (at most
     * 16, the most gpsd reads), as one text: the first {@code @} ends it, wherever it is.
     */
    private static String aidName(PayloadBits bits) {
        StringBuilder name = new StringBuilder(36);
        if (bits.appendText(name, 43, 20)) {
            int extension = Math.min(16, (bits.bitLength() - 272) / 6);
            bits.appendText(name, 272, extension);
        }
        return PayloadBits.trimRight(name);
    }

    private static AisMessage staticDataReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 24, 40);
        int part = bits.u(38, 2);
        if (part == 0) {
            require(bits, 24, 160);
            return new StaticDataReportA(24, bits.u(6, 2), bits.u(8, 30), bits.text(40, 20));
        }
        if (part == 1) {
            require(bits, 24, 168);
            return new StaticDataReportB(24, bits.u(6, 2), bits.u(8, 30), bits.u(40, 8), bits.text(48, 7),
                    bits.u(66, 4), bits.u(70, 20), bits.text(90, 7), bits.u(132, 9), bits.u(141, 9),
                    bits.u(150, 6), bits.u(156, 6), bits.u(132, 30));
        }
        // Parts 2 and 3 are undefined; not an error, just nothing we can read.
        return other(bits, 24);
    }

    private static LongRangeReport longRangeReport(PayloadBits bits) throws AisPayloadException {
        require(bits, 27, 96);
        // 96 bits by the standard; gpsd also takes 168 (a full slot). Any other length is, on real feeds,
        // noise that happens to start with type 27, and would plant ghost positions.
        if (bits.bitLength() != 96 && bits.bitLength() != 168) {
            throw new AisPayloadException(RejectReason.AIS_PAYLOAD, "type 27 must be 96 or 168 bits, got " + bits.bitLength());
        }
        return new LongRangeReport(27, bits.u(6, 2), bits.u(8, 30), bits.bit(38), bits.bit(39), bits.u(40, 4),
                bits.s(44, 18), bits.s(62, 17), bits.u(79, 6), bits.u(85, 9), bits.bit(94));
    }

    private static void require(PayloadBits bits, int type, int minimumBits) throws AisPayloadException {
        if (bits.bitLength() < minimumBits) {
            throw truncated("type " + type, minimumBits, bits.bitLength());
        }
    }

    private static AisPayloadException truncated(String what, int needed, int got) {
        return new AisPayloadException(RejectReason.NMEA_TRUNCATED, what + " needs " + needed + " bits, got " + got);
    }
}
