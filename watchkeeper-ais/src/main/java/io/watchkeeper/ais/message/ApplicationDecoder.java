package io.watchkeeper.ais.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the application data of binary messages (type 6 from bit 88, type 8 from bit 56) by DAC and
 * FI, for the kinds gpsd 3.22 decodes that occur in real feeds; the bit layouts are those of the IMO
 * circulars and the Inland AIS standard, the length rules those gpsdecode applies (a kind whose length
 * does not fit stays {@link BinaryData}). Stateless.
 */
final class ApplicationDecoder {

    /** gpsd keeps at most three tidal windows (a fourth would not fit a type 6 anyway). */
    private static final int MAX_TIDAL_WINDOWS = 3;
    /** The Inland AIS hazard code runs 0..5; gpsd takes a larger one for a message of another layout. */
    private static final int MAX_INLAND_HAZARD = 5;

    private ApplicationDecoder() {
    }

    /** Type 6 application data: {@code bits} is the whole message. */
    static ApplicationData addressed(PayloadBits bits, int dac, int fid) {
        int length = bits.bitLength();
        if (dac == 1) {
            switch (fid) {
                case 12:
                    return dangerousCargo(bits);
                case 14:
                    return tidalWindow(bits, 14, 93);
                case 16:
                    // The count follows the FI. gpsd reads it there only at 136 data bits and otherwise
                    // from bit 55, inside the header; we keep to the circular (DIFFERENCES-vs-gpsdecode.md).
                    return new PersonsOnBoard(bits.u(88, 13));
                case 18:
                    return new ClearanceTime(bits.u(88, 10), bits.u(98, 4), bits.u(102, 5), bits.u(107, 5),
                            bits.u(112, 6), bits.text(118, 20), bits.text(238, 5), bits.s(268, 25), bits.s(293, 24));
                case 30:
                    return new TextDescription(bits.u(88, 10), bits.textToEnd(98));
                case 32:
                    return tidalWindow(bits, 32, 88);
                default:
                    break;
            }
        } else if (dac == 200 && fid == 55 && length == 168) {
            return new InlandPersonsOnBoard(bits.u(88, 8), bits.u(96, 13), bits.u(109, 8));
        } else if ((dac == 235 || dac == 250) && fid == 10 && length == 136) {
            return new AtonMonitoring(bits.u(88, 10), bits.u(98, 10), bits.u(108, 10), bits.u(118, 2),
                    bits.u(120, 2), bits.bit(122), bits.u(123, 8), bits.bit(131));
        }
        // gpsd copies the bytes as they are: the low bits of the last byte are whatever follows.
        return new BinaryData(length - 88, bits.bytes(88, length - 88, false));
    }

    /** Type 8 application data: {@code bits} is the whole message. */
    static ApplicationData broadcast(PayloadBits bits, int dac, int fid) {
        int length = bits.bitLength();
        if (dac == 1) {
            switch (fid) {
                case 11:
                    return metHydro236(bits);
                case 16:
                    // The lengths at which gpsd takes the message for persons on board; the count follows the FI.
                    if (length - 56 == 136 || length - 56 == 72) {
                        return new PersonsOnBoard(bits.u(56, 13));
                    }
                    break;
                case 29:
                    return new TextDescription(bits.u(56, 10), bits.textToEnd(66));
                case 31:
                    return metHydro289(bits);
                default:
                    break;
            }
        } else if (dac == 200 && fid == 10 && length == 168 && bits.u(141, 3) <= MAX_INLAND_HAZARD) {
            return new InlandStaticVoyageData(bits.text(56, 8), bits.u(104, 13), bits.u(117, 10), bits.u(127, 14),
                    bits.u(141, 3), bits.u(144, 11), bits.u(155, 2), bits.bit(157), bits.bit(158), bits.bit(159));
        } else if (dac == 200 && fid == 24 && length == 168) {
            List<InlandWaterLevels.Gauge> gauges = new ArrayList<>(4);
            for (int at = 68; at < length; at += 25) {
                gauges.add(new InlandWaterLevels.Gauge(bits.u(at, 11), bits.s(at + 11, 14)));
            }
            return new InlandWaterLevels(bits.text(56, 2), gauges);
        }
        // gpsd clears the unused low bits of the last byte of a type 8 payload.
        return new BinaryData(length - 56, bits.bytes(56, length - 56, true));
    }

    private static DangerousCargoIndication dangerousCargo(PayloadBits bits) {
        return new DangerousCargoIndication(bits.text(88, 5), bits.u(118, 4), bits.u(122, 5), bits.u(127, 5),
                bits.u(132, 6), bits.text(138, 5), bits.u(168, 4), bits.u(172, 5), bits.u(177, 5), bits.u(182, 6),
                bits.text(188, 20), bits.text(308, 4), bits.u(332, 13), bits.u(345, 10), bits.u(355, 2));
    }

    /**
     * FI 14 windows are 93 bits (lat 27, lon 28 bits, 1/10000 minute, current speed 7 bits); FI 32
     * windows 88 bits (lon 25, lat 24 bits, 1/1000 minute, current speed 8 bits). Like gpsd, a window
     * counts once its first bit is inside the message.
     */
    private static TidalWindow tidalWindow(PayloadBits bits, int fid, int size) {
        List<TidalWindow.Window> windows = new ArrayList<>(MAX_TIDAL_WINDOWS);
        for (int at = 97; at <= bits.bitLength() && windows.size() < MAX_TIDAL_WINDOWS; at += size) {
            if (fid == 14) {
                windows.add(new TidalWindow.Window(bits.s(at + 27, 28), bits.s(at, 27), bits.u(at + 55, 5),
                        bits.u(at + 60, 6), bits.u(at + 66, 5), bits.u(at + 71, 6), bits.u(at + 77, 9),
                        bits.u(at + 86, 7)));
            } else {
                windows.add(new TidalWindow.Window(bits.s(at, 25), bits.s(at + 25, 24), bits.u(at + 49, 5),
                        bits.u(at + 54, 6), bits.u(at + 60, 5), bits.u(at + 65, 6), bits.u(at + 71, 9),
                        bits.u(at + 80, 8)));
            }
        }
        return new TidalWindow(fid, bits.u(88, 4), bits.u(92, 5), windows);
    }

    /** IMO SN.1/Circ.236 layout: lat before lon, unsigned offset-coded temperatures, no accuracy flag. */
    private static MetHydroReport metHydro236(PayloadBits b) {
        return new MetHydroReport(11, b.s(80, 25), b.s(56, 24), false, b.u(105, 5), b.u(110, 5), b.u(115, 6),
                b.u(121, 7), b.u(128, 7), b.u(135, 9), b.u(144, 9), b.u(153, 11), b.u(164, 7), b.u(171, 10),
                b.u(181, 9), b.u(190, 2), false, b.u(192, 8), b.u(200, 9), b.u(209, 2), b.u(211, 8), b.u(219, 9),
                b.u(228, 8), b.u(236, 9), b.u(245, 5), b.u(250, 8), b.u(258, 9), b.u(267, 5), b.u(272, 8),
                b.u(280, 6), b.u(286, 9), b.u(295, 8), b.u(303, 6), b.u(309, 9), b.u(318, 4), b.u(322, 10),
                b.u(332, 3), b.u(335, 9), b.u(344, 2));
    }

    /** IMO SN.1/Circ.289 layout: lon before lat, accuracy flag, signed temperatures, 12-bit water level. */
    private static MetHydroReport metHydro289(PayloadBits b) {
        return new MetHydroReport(31, b.s(56, 25), b.s(81, 24), b.bit(105), b.u(106, 5), b.u(111, 5), b.u(116, 6),
                b.u(122, 7), b.u(129, 7), b.u(136, 9), b.u(145, 9), b.s(154, 11), b.u(165, 7), b.s(172, 10),
                b.u(182, 9), b.u(191, 2), b.bit(193), b.u(194, 7), b.u(201, 12), b.u(213, 2), b.u(215, 8),
                b.u(223, 9), b.u(232, 8), b.u(240, 9), b.u(249, 5), b.u(254, 8), b.u(262, 9), b.u(271, 5),
                b.u(276, 8), b.u(284, 6), b.u(290, 9), b.u(299, 8), b.u(307, 6), b.u(313, 9), b.u(322, 4),
                b.s(326, 10), b.u(336, 3), b.u(339, 9), b.u(348, 2));
    }
}
