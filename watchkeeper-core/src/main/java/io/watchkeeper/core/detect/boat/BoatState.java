package io.watchkeeper.core.detect.boat;

import java.util.Locale;

/** The two states of the original system's boat machine. */
public enum BoatState {
    MOVING,
    RESTING;

    /** As on the wire: {@code "moving"} or {@code "resting"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
