package io.watchkeeper.bench.load;

import java.util.Arrays;

/**
 * Percentiles of latencies in microseconds, by sorting (no histogram library): the nearest-rank
 * definition, so p50 of {1,2,3,4} is 2 and p99 of 100 values is the 99th smallest.
 *
 * @param count  how many values
 * @param p50Ms  median in milliseconds (NaN when there are none)
 * @param p99Ms  99th percentile in milliseconds (NaN when there are none)
 * @param maxMs  largest value in milliseconds (NaN when there are none)
 */
public record LatencyStats(int count, double p50Ms, double p99Ms, double maxMs) {

    public static final LatencyStats NONE = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN);

    /** Sorts the first {@code n} values of {@code micros} in place and summarises them. */
    public static LatencyStats of(long[] micros, int n) {
        if (n < 0 || n > micros.length) {
            throw new IllegalArgumentException("n must be 0.." + micros.length + ", was " + n);
        }
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(micros, 0, n);
        return new LatencyStats(n, ms(percentile(micros, n, 50)), ms(percentile(micros, n, 99)), ms(micros[n - 1]));
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100) of the first {@code n} values, already sorted. */
    static long percentile(long[] sorted, int n, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p * n / 100.0); // p * n first: exact for whole p, so p99 of 100 is rank 99
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
