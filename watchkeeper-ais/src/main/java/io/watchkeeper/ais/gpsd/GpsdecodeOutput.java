package io.watchkeeper.ais.gpsd;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.StaticDataReportA;
import io.watchkeeper.ais.message.StaticDataReportB;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * What {@code gpsdecode -u -j} prints for a stream of messages, line by line: {@link GpsdJson} plus
 * gpsdecode's policy for type 24, so that {@code watchkeeper decode --json} and gpsdecode can be diffed.
 *
 * <p>The type 24 policy, learnt by experiment (not from gpsd's source): per radio channel (A, or B/2)
 * the last 8 part A messages are kept, duplicates included; a part B prints one merged line if a kept
 * part A has its MMSI, and uses that part A up. Nothing is printed for part A alone, nor for a part B
 * without a kept part A. One instance per stream, used by one thread.
 */
public final class GpsdecodeOutput {

    private static final int SLOTS = 8;

    private final GpsdJson json = new GpsdJson();
    private final StaticDataReportA[][] rings = new StaticDataReportA[2][SLOTS];
    private final int[] next = new int[2];

    /**
     * Appends the line gpsdecode would print for {@code message} (without a line end), if any.
     *
     * @param channel the radio channel the message came on, as {@code AisPayload.channel()} gives it
     * @return whether anything was appended
     */
    public boolean write(AisMessage message, char channel, StringBuilder out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        int ring = channel == 'B' || channel == '2' ? 1 : 0;
        if (message instanceof StaticDataReportA a) {
            rings[ring][next[ring]] = a;
            next[ring] = (next[ring] + 1) % SLOTS;
            return false;
        }
        if (message instanceof StaticDataReportB b) {
            for (int slot = 0; slot < SLOTS; slot++) {
                @Nullable StaticDataReportA a = rings[ring][slot];
                if (a != null && a.mmsi() == b.mmsi()) {
                    rings[ring][slot] = null;
                    json.writeType24(a, b, out);
                    return true;
                }
            }
            return false;
        }
        json.write(message, out);
        return true;
    }
}
