package io.watchkeeper.core.checkpoint;

/** The leading bits of {@link StateOut#writeFixOf}: which parts of the fix follow. */
final class FixBits {

    static final int PRESENT = 1;
    static final int X = 1 << 1;
    static final int Y = 1 << 2;
    static final int LAT = 1 << 3;
    static final int LON = 1 << 4;
    static final int SOG = 1 << 5;
    static final int COG = 1 << 6;
    static final int HEADING = 1 << 7;
    static final int NAV_STATUS = 1 << 8;
    static final int JSON = 1 << 9;
    /** The time's nanoseconds are whole milliseconds (the usual case): written as millis, in 2 bytes. */
    static final int WHOLE_MILLIS = 1 << 10;
    static final int ALL = (1 << 11) - 1;

    private FixBits() {
    }
}
