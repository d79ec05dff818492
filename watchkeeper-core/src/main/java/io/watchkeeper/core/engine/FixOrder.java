package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.Fix;

/**
 * Where a vessel's new fix stands against its last one: the rule every engine uses to skip a fix, so the
 * in-process engine and the Kafka engine give the same events. A fix older than the last is late; one at
 * the same instant and the same position is a redelivery (an MQTT resend, a repeated AIS sentence).
 */
public enum FixOrder {
    /** Newer than the last fix, or the vessel's first: it is processed. */
    NEXT,
    /** Older than the last fix: skipped as out of order. */
    LATE,
    /** The last fix again: skipped as a repeat. */
    REPEAT;

    /** Marks a vessel with no fix yet. */
    public static final long NO_FIX = Long.MIN_VALUE;

    /**
     * @param lastMillis        the last fix's time in epoch milliseconds, or {@link #NO_FIX}
     * @param lastNanos         the nanoseconds within that millisecond
     * @param lastPositionBits  {@link #positionBits} of the last fix
     */
    public static FixOrder of(long lastMillis, int lastNanos, long lastPositionBits, Fix fix) {
        if (lastMillis == NO_FIX) {
            return NEXT;
        }
        long millis = fix.time().toEpochMilli();
        int order = millis != lastMillis ? Long.compare(millis, lastMillis)
                : Integer.compare(nanosWithinMilli(fix), lastNanos);
        if (order < 0) {
            return LATE;
        }
        return order == 0 && positionBits(fix) == lastPositionBits ? REPEAT : NEXT;
    }

    /** The nanoseconds of the fix's time within its millisecond, kept beside the milliseconds. */
    public static int nanosWithinMilli(Fix fix) {
        return fix.time().getNano() % 1_000_000;
    }

    /** A hash of where the fix puts the vessel (planar and geographic), to tell a repeat from a new report. */
    public static long positionBits(Fix fix) {
        long h = Double.doubleToLongBits(fix.x());
        h = h * 31 + Double.doubleToLongBits(fix.y());
        h = h * 31 + Double.doubleToLongBits(fix.lat());
        return h * 31 + Double.doubleToLongBits(fix.lon());
    }
}
