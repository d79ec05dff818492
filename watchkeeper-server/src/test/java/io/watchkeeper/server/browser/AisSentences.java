package io.watchkeeper.server.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds AIS NMEA sentences for tests (ITU-R M.1371 types 1 and 5), so a test can put a vessel with a
 * chosen name on the air. The decoder under test is ours; this encoder only has to be right for the
 * fields it writes, which the decoder's own gpsdecode comparison already covers.
 */
final class AisSentences {

    private final StringBuilder bits = new StringBuilder();

    private AisSentences() {
    }

    /** A class A position report (type 1) under way. */
    static List<String> position(int mmsi, double lat, double lon, double sogKnots, double cogDegrees, int heading) {
        AisSentences b = new AisSentences();
        b.put(1, 6).put(0, 2).put(mmsi, 30).put(0, 4).put(-128, 8).put((int) Math.round(sogKnots * 10), 10)
                .put(1, 1).put((int) Math.round(lon * 600_000), 28).put((int) Math.round(lat * 600_000), 27)
                .put((int) Math.round(cogDegrees * 10), 12).put(heading, 9).put(60, 6).put(0, 2).put(0, 3)
                .put(0, 1).put(0, 19);
        return b.sentences(1);
    }

    /** Static and voyage data (type 5): the name, call sign and destination a crew types. */
    static List<String> staticData(int mmsi, String callSign, String name, int shipType, String destination) {
        AisSentences b = new AisSentences();
        b.put(5, 6).put(0, 2).put(mmsi, 30).put(0, 2).put(0, 30).text(callSign, 7).text(name, 20).put(shipType, 8)
                .put(100, 9).put(20, 9).put(10, 6).put(10, 6).put(1, 4).put(11, 4).put(27, 5).put(12, 5).put(0, 6)
                .put(60, 8).text(destination, 20).put(0, 1).put(0, 1);
        return b.sentences(2);
    }

    private AisSentences put(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bits.append((value >> i & 1) == 1 ? '1' : '0');
        }
        return this;
    }

    /** AIS 6-bit text: '@' (0) to '_' (31), then ' ' (32) to '?' (63); '@' pads. */
    private AisSentences text(String s, int chars) {
        for (int i = 0; i < chars; i++) {
            char c = i < s.length() ? s.charAt(i) : '@';
            if (c < 32 || c > 95) {
                throw new IllegalArgumentException("AIS text has no '" + c + "' (upper case ASCII 32-95 only)");
            }
            put(c >= 64 ? c - 64 : c, 6);
        }
        return this;
    }

    /** Armoured payload split over sentences of at most 60 characters, with the fill bits on the last. */
    private List<String> sentences(int sequenceId) {
        int fill = (6 - bits.length() % 6) % 6;
        put(0, fill);
        StringBuilder payload = new StringBuilder();
        for (int i = 0; i < bits.length(); i += 6) {
            int v = Integer.parseInt(bits.substring(i, i + 6), 2);
            payload.append((char) (v < 40 ? v + 48 : v + 56));
        }
        int parts = (payload.length() + 59) / 60;
        List<String> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            String chunk = payload.substring(p * 60, Math.min(payload.length(), (p + 1) * 60));
            String body = "AIVDM," + parts + "," + (p + 1) + "," + (parts > 1 ? sequenceId : "") + ",A," + chunk + ","
                    + (p == parts - 1 ? fill : 0);
            out.add("!" + body + "*" + String.format("%02X", checksum(body)));
        }
        return out;
    }

    private static int checksum(String body) {
        int c = 0;
        for (int i = 0; i < body.length(); i++) {
            c ^= body.charAt(i);
        }
        return c;
    }
}
