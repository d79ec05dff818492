package io.watchkeeper.core.detect;

import java.time.Instant;

/**
 * What a detector may know besides its state and the fix. Two clocks, kept apart on purpose:
 * event time drives detection (deterministic on replay); wall-clock time only stamps detection,
 * as {@code header.ts} of the original envelope does.
 */
public interface DetectorContext {

    /** Event time of the fix being processed. */
    Instant eventTime();

    /** Wall-clock time now, from the engine's injected clock. */
    Instant wallClock();
}
