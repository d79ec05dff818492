package io.watchkeeper.core.detect.behaviour;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import java.time.Duration;
import java.util.Objects;

/**
 * What the behaviour detectors read from a fix, and the checks their settings share. Package-private:
 * the four detectors are the API.
 */
final class Inputs {

    private Inputs() {
    }

    /** Event time of the fix in epoch milliseconds, the unit of every state here. */
    static long millis(Fix fix) {
        return fix.time().toEpochMilli();
    }

    /** True for a fix whose lat/lon a receiver could have reported (zones need it). */
    static boolean hasPosition(Fix fix) {
        return fix.isGeo() && Geo.isValid(fix.lat(), fix.lon());
    }

    /** Seconds between two epoch-ms times, as events report durations. */
    static double seconds(long fromMillis, long toMillis) {
        return (toMillis - fromMillis) / 1000.0;
    }

    static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }

    static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }

    static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    static void requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
