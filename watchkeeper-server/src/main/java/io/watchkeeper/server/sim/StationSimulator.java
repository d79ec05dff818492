package io.watchkeeper.server.sim;

import io.watchkeeper.mqtt.wire.EpochSeconds;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The original system's simulated Raspberry Pi: a station watching a few boats, reporting one per tick.
 *
 * <p>Each tick picks one boat at random. With probability 0.6 that boat moves by a Gaussian step in
 * x and in y with σ = 0.0625 × (seconds since that boat's last tick); otherwise it stays where it is.
 * Boats start at (0, 0), so a boat that stays on its first tick reports (0, 0), which the detector
 * reads as RESTING.
 *
 * <p>Deterministic: the same seed and rate give the same reports, because time here is the tick
 * count divided by the rate, not the wall clock. Not thread-safe; one station, one thread.
 */
public final class StationSimulator {

    /** Probability that the chosen boat moves on a tick (the original's 0.6). */
    public static final double MOVE_PROBABILITY = 0.6;
    /** σ of the step per second since the boat's last tick (the original's 0.0625). */
    public static final double SIGMA_PER_SECOND = 0.0625;

    /** One report: boat number, seconds since the station started, and where the boat is. */
    public record Report(int boatId, double elapsedSeconds, double x, double y) {
    }

    private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final String stationId;
    private final double ratePerSecond;
    private final SplittableRandom random;
    private final double[] x;
    private final double[] y;
    private final double[] lastTick;
    private long tick;

    public StationSimulator(String stationId, int boats, double ratePerSecond, long seed) {
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        if (!STATION_ID.matcher(stationId).matches()) {
            throw new IllegalArgumentException("station id must be 1..64 of A-Z a-z 0-9 _ . : -, was '" + stationId + "'");
        }
        if (boats < 1) {
            throw new IllegalArgumentException("boats must be at least 1, was " + boats);
        }
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of reports per second, was "
                    + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.random = new SplittableRandom(seed);
        this.x = new double[boats];
        this.y = new double[boats];
        this.lastTick = new double[boats];
    }

    public String stationId() {
        return stationId;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Advances one tick and returns its report. */
    public Report next() {
        double now = ++tick / ratePerSecond;
        int boat = random.nextInt(x.length);
        double dt = now - lastTick[boat];
        lastTick[boat] = now;
        if (random.nextDouble() < MOVE_PROBABILITY) {
            double sigma = SIGMA_PER_SECOND * dt;
            x[boat] += sigma * gaussian();
            y[boat] += sigma * gaussian();
        }
        return new Report(boat, now, x[boat], y[boat]);
    }

    /** Box-Muller, so the stream depends only on SplittableRandom's documented algorithm. */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * The report as the original station publishes it on {@code DATA/<station>}.
     *
     * @param ts the report's time stamp ({@code position.ts}, written in epoch seconds with microseconds)
     */
    public String toJson(Report r, Instant ts) {
        return "{\"boat_id\": " + r.boatId()
                + ", \"position\": {\"ts\": " + EpochSeconds.formatMicros(ts)
                + ", \"x\": " + r.x()
                + ", \"y\": " + r.y()
                + ", \"port_id\": \"" + stationId + "\"}}";
    }
}
