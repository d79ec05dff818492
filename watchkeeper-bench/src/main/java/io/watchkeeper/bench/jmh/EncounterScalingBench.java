package io.watchkeeper.bench.jmh;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.pair.EncounterDetector;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per accepted fix of the {@link EncounterDetector} at 10k, 100k and 1M vessels and a
 * fixed density: a square lattice 400 m apart (each vessel has 4 others within GFW's 500 m, so every
 * vessel is in pairs), all drifting east at 0.5 kn and reporting in turn, one report per vessel a
 * minute. If the grid works, the time per fix stays about flat as the fleet grows (cache misses aside).
 * Each op builds its {@link Fix} (two small objects), as the engine would hand one over; every
 * {@value #BATCH} fixes the detector also gets its {@code advanceTo} sweep. With 10k vessels a run
 * lasts long enough in event time (2 h = 120 rounds) for ENCOUNTER_START events, which are counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class EncounterScalingBench {

    private static final int BATCH = 1024;
    private static final double SPACING_METRES = 400.0;
    private static final double KNOTS = 0.5;
    private static final long MINUTE_MILLIS = 60_000L;

    @Param({"10000", "100000", "1000000"})
    int vessels;

    private EncounterDetector detector;
    private VesselId[] ids;
    private double[] lats;
    private double[] lons;
    private long cursor;
    private long events;
    private final DetectorContext ctx = new BenchData.FixedContext();
    private final EventSink sink = e -> events++;

    @Setup(Level.Trial)
    public void setUp() {
        detector = new EncounterDetector();
        int side = (int) Math.ceil(Math.sqrt(vessels));
        ids = new VesselId[vessels];
        lats = new double[vessels];
        lons = new double[vessels];
        for (int i = 0; i < vessels; i++) {
            ids[i] = VesselId.of(Integer.toString(200_000_000 + i));
            lats[i] = (i / side) * SPACING_METRES / Geo.METRES_PER_DEGREE_LAT;
            lons[i] = (i % side) * SPACING_METRES / Geo.metresPerDegreeLon(lats[i]);
        }
        for (int i = 0; i < vessels; i++) { // one round first, so the index and the pairs are in place
            detector.accept(next(), ctx, sink);
        }
    }

    private Fix next() {
        long c = cursor++;
        int i = (int) (c % vessels);
        long millis = (c / vessels) * MINUTE_MILLIS + i * MINUTE_MILLIS / vessels;
        double east = KNOTS * Geo.METRES_PER_NAUTICAL_MILE / 3_600_000.0 * millis;
        double lon = lons[i] + east / Geo.metresPerDegreeLon(lats[i]);
        return Fix.geo(ids[i], "bench", BenchData.T0.plusMillis(millis), lats[i], lon, KNOTS, 90.0, Double.NaN, 0,
                null);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void acceptFix(Blackhole bh) {
        Fix last = null;
        for (int k = 0; k < BATCH; k++) {
            last = next();
            detector.accept(last, ctx, sink);
        }
        detector.advanceTo(last.time().toEpochMilli(), ctx, sink);
        bh.consume(events);
        bh.consume(detector.trackedPairs());
    }
}
