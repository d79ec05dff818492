package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;

/**
 * What an encounter pair keeps besides its state: when the qualifying time began, the last fix that
 * saw them together, the latest distance, and the speeds over ground of their fixes in a 17-bin
 * histogram (the median is estimated to 1/8 of the limit). Immutable: a fix that counts a speed gives
 * a new histogram, never changes this one.
 *
 * @param speedBins counts of speeds in bins of 1/8 of the median limit; the last bin holds all faster
 *                  ones. Never written to after construction.
 */
record Together(long startMillis, long lastTogetherMillis, double distanceMetres, int samples, int[] speedBins) {

    /** Bins below the median limit; the median is below it exactly when more than half the samples are here. */
    static final int BINS_BELOW = 8;
    static final int BINS = 2 * BINS_BELOW + 1;

    /** A pair that has just come close, at {@code nowMillis}. */
    static Together startingAt(long nowMillis) {
        return new Together(nowMillis, nowMillis, 0.0, 0, new int[BINS]);
    }

    /** The same with the latest distance. */
    Together at(double metres) {
        return new Together(startMillis, lastTogetherMillis, metres, samples, speedBins);
    }

    /** The qualifying time and histogram begin again at {@code nowMillis} (a fix near a port). */
    Together restartedAt(long nowMillis) {
        return new Together(nowMillis, nowMillis, distanceMetres, 0, new int[BINS]);
    }

    /**
     * A fix that sees them together at {@code nowMillis}, {@code metres} apart; its speed counts unless
     * missing or negative. One new record and histogram per fix: the price of immutable pair data.
     */
    Together seenAt(long nowMillis, double metres, double knots, double binKnots) {
        int[] bins = speedBins;
        int n = samples;
        if (!Double.isNaN(knots) && knots >= 0) {
            bins = speedBins.clone();
            bins[(int) Math.min(BINS - 1, Math.floor(knots / binKnots))]++;
            n++;
        }
        return new Together(startMillis, Math.max(lastTogetherMillis, nowMillis), metres, n, bins);
    }

    /** Median below the limit exactly when more than half the samples are below it. */
    boolean medianBelowLimit() {
        int below = 0;
        for (int i = 0; i < BINS_BELOW; i++) {
            below += speedBins[i];
        }
        return samples > 0 && 2 * below > samples;
    }

    /** The lower median, interpolated inside its bin; the overflow bin reads as its lower edge. NaN if no samples. */
    double medianKnots(double binKnots) {
        if (samples == 0) {
            return Double.NaN;
        }
        int rank = (samples + 1) / 2;
        int seen = 0;
        for (int i = 0; i < BINS; i++) {
            int inBin = speedBins[i];
            if (seen + inBin >= rank) {
                return i == BINS - 1 ? i * binKnots : (i + (rank - seen - 0.5) / inBin) * binKnots;
            }
            seen += inBin;
        }
        return (BINS - 1) * binKnots;
    }

    /**
     * About 40 bytes: the start in full, the last time together relative to it, the distance as it is
     * (events report it), and the histogram as varints, none above the sample count.
     */
    static final StateCodec<Together> CODEC = new StateCodec<>() {
        @Override
        public void write(Together t, StateOut out) throws IOException {
            out.writeLong(t.startMillis);
            out.writeTimeMillis(t.lastTogetherMillis, t.startMillis);
            out.writeDouble(t.distanceMetres);
            out.writeVarInt(t.samples);
            for (int bin : t.speedBins) {
                out.writeVarInt(bin);
            }
        }

        @Override
        public Together read(StateIn in, VesselId vessel) throws IOException {
            long start = in.readLong();
            long lastTogether = in.readTimeMillis(start);
            double distance = in.readDouble();
            int samples = in.readCount(Integer.MAX_VALUE);
            int[] bins = new int[BINS];
            for (int i = 0; i < BINS; i++) {
                bins[i] = in.readCount(samples);
            }
            return new Together(start, lastTogether, distance, samples, bins);
        }
    };
}
