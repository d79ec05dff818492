package io.watchkeeper.ais.gpsd;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test-only stand-in for the NMEA framer while it is written in parallel: finds the {@code !xxVDM} /
 * {@code !xxVDO} sentence in a line (after any tag block), checks its checksum, and joins in-order
 * fragments. No tag-block groups, no {@code $PGHP}, no expiry: just enough to feed the decoder.
 */
final class StandInFramer {

    /** One complete payload and the line(s) it came from. */
    record Payload(String armored, int fillBits, char channel, String raw) {
    }

    private final Map<String, StringBuilder> partial = new HashMap<>();
    private final Map<String, StringBuilder> partialRaw = new HashMap<>();

    void accept(String line, Consumer<Payload> out) {
        int bang = line.indexOf('!');
        if (bang < 0) {
            return;
        }
        int star = line.indexOf('*', bang);
        if (star < 0 || star + 3 > line.length()) {
            return;
        }
        String body = line.substring(bang + 1, star);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        if (!line.substring(star + 1, star + 3).equalsIgnoreCase(String.format("%02X", sum))) {
            return;
        }
        String[] f = body.split(",", -1);
        if (f.length < 7 || !(f[0].endsWith("VDM") || f[0].endsWith("VDO"))) {
            return;
        }
        int count;
        int number;
        int fill;
        try {
            count = Integer.parseInt(f[1]);
            number = Integer.parseInt(f[2]);
            fill = f[6].isEmpty() ? 0 : Integer.parseInt(f[6]);
        } catch (NumberFormatException e) {
            return;
        }
        if (count == 1) {
            out.accept(new Payload(f[5], fill, channel(f[4]), line));
            return;
        }
        String key = count + "/" + f[3];
        if (number == 1) {
            partial.put(key, new StringBuilder(f[5]));
            partialRaw.put(key, new StringBuilder(line));
            return;
        }
        StringBuilder sofar = partial.get(key);
        if (sofar == null) {
            return;
        }
        sofar.append(f[5]);
        partialRaw.get(key).append('\n').append(line);
        if (number == count) {
            partial.remove(key);
            out.accept(new Payload(sofar.toString(), fill, channel(f[4]), partialRaw.remove(key).toString()));
        }
    }

    private static char channel(String field) {
        return field.isEmpty() ? 0 : field.charAt(0);
    }
}
