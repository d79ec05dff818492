package io.watchkeeper.ais.message;

import java.util.List;

/**
 * DAC 1 FI 14 (IMO SN.1/Circ.236) and FI 32 (IMO SN.1/Circ.289): times in which a position may be passed,
 * with the current there. FI 14 gives positions in 1/10000 minute, FI 32 in 1/1000 minute; at most three
 * windows per message.
 */
public record TidalWindow(int fid, int month, int day, List<Window> windows) implements ApplicationData {

    public TidalWindow {
        windows = List.copyOf(windows);
    }

    /** One window: position, from/to time (UTC), current direction (degrees) and speed (1/10 knot). */
    public record Window(int lonRaw, int latRaw, int fromHour, int fromMinute, int toHour, int toMinute,
            int currentDirection, int currentSpeed) {
    }
}
