package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.checkpoint.StateCodec;

/**
 * What the gap machine keeps besides its state and the latest fix: whether that fix was in port, which
 * sets the silence that counts as a gap. Two shared values, so a fix allocates nothing here.
 */
public record GapState(boolean lastInPort) {

    public static final GapState AT_SEA = new GapState(false);
    public static final GapState IN_PORT = new GapState(true);

    public static GapState of(boolean inPort) {
        return inPort ? IN_PORT : AT_SEA;
    }

    /** Checkpoint form: one byte. */
    static final StateCodec<GapState> CODEC = StateCodec.oneOf(AT_SEA, IN_PORT);
}
