package io.watchkeeper.server.input;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the decoders read while the log is replayed: the arrival time of the record being read,
 * as the log recorded it. So a sentence without a time of its own, or a dead letter, is dated the same
 * on a replay after a crash as on the first read. Set and read on the log's reading thread only.
 */
public final class ArrivalClock extends Clock {

    private volatile long millis;

    public ArrivalClock(long startMillis) {
        this.millis = startMillis;
    }

    /** The record now being read arrived at {@code arrivalMillis}. */
    public void set(long arrivalMillis) {
        this.millis = arrivalMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the arrival clock is UTC only");
    }
}
