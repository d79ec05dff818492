package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.fix.Fix;
import org.jetbrains.annotations.Nullable;

/**
 * A vessel's reporting state: its last fix (shared with the engine, so it costs a reference), whether
 * that fix was in port, and whether a gap is open.
 */
public record GapState(@Nullable Fix last, boolean lastInPort, boolean open) {

    public static final GapState INITIAL = new GapState(null, false, false);
}
