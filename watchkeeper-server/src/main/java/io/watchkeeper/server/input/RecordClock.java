package io.watchkeeper.server.input;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands at the time of the record being handled, set by the one thread that handles
 * records and read by that thread only. Two uses, one idea: determinism.
 * <ul>
 *   <li>A replay sets it to each fix's event time, so events carry that as their detection time and two
 *       runs of one recording are byte-identical.</li>
 *   <li>The input log's reader sets it to each record's arrival time, so a sentence without a time of
 *       its own, or a dead letter, is dated the same on a replay after a crash as on the first read.</li>
 * </ul>
 */
public final class RecordClock extends Clock {

    private Instant now;

    /** Stands at the epoch until the first {@link #set}. */
    public RecordClock() {
        this(Instant.EPOCH);
    }

    public RecordClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** The record now being handled is of time {@code t}. */
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
        throw new UnsupportedOperationException("a record clock is always UTC");
    }
}
