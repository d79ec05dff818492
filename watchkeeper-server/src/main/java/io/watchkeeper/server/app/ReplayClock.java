package io.watchkeeper.server.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The "wall clock" of a replay: it stands at the event time of the fix being replayed. Events then
 * carry that time as their detection time ({@code header.ts}), so a replay's output depends on the
 * recording alone and two runs are byte-identical. One thread.
 */
public final class ReplayClock extends Clock {

    private Instant now = Instant.EPOCH;

    public void set(Instant t) {
        now = t;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay clock is always UTC");
    }
}
