package io.watchkeeper.bench.jmh;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.server.sim.StationSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Deterministic inputs shared by the benchmarks: original-format fixes from seeded stations. */
public final class BenchData {

    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private BenchData() {
    }

    /**
     * {@code count} planar fixes of {@code vessels} boats (4 per station, as the original), in station
     * order of the seeded simulator, interleaved over stations; {@code vesselOf[i]} is the boat's index.
     */
    static Fix[] fixes(int vessels, int count, int[] vesselOf) {
        int stations = Math.max(1, vessels / 4);
        StationSimulator[] sims = new StationSimulator[stations];
        VesselId[][] ids = new VesselId[stations][4];
        for (int s = 0; s < stations; s++) {
            String station = "PORT" + s;
            sims[s] = new StationSimulator(station, 4, 2.0, 42 + s);
            for (int b = 0; b < 4; b++) {
                ids[s][b] = VesselId.scoped(station, Integer.toString(b), true);
            }
        }
        java.util.SplittableRandom pick = new java.util.SplittableRandom(7);
        Fix[] out = new Fix[count];
        for (int i = 0; i < count; i++) {
            int s = pick.nextInt(stations);
            StationSimulator.Report r = sims[s].next();
            Instant t = T0.plusMillis((long) (r.elapsedSeconds() * 1000));
            String json = sims[s].toJson(r, t);
            int start = json.indexOf("{\"ts\"");
            out[i] = Fix.planar(ids[s][r.boatId()], "PORT" + s, t, r.x(), r.y(), json.substring(start, json.length() - 1));
            vesselOf[i] = s * 4 + r.boatId();
        }
        return out;
    }

    /** {@code count} original-format payloads as a station publishes them. */
    public static byte[][] payloads(int count) {
        StationSimulator sim = new StationSimulator("PORT1", 4, 2.0, 42);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            StationSimulator.Report r = sim.next();
            out[i] = sim.toJson(r, T0.plusMillis((long) (r.elapsedSeconds() * 1000))).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** A context with fixed clocks: the benchmark measures the step, not the clock. */
    static final class FixedContext implements DetectorContext {
        @Override
        public Instant eventTime() {
            return T0;
        }

        @Override
        public Instant wallClock() {
            return T0;
        }
    }
}
