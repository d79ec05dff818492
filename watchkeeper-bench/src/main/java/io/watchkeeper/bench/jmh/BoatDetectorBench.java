package io.watchkeeper.bench.jmh;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.BoatTrack;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fixes per second of the Boat (MOVING/RESTING) detector on one core, over 10,000 boats (4 per station,
 * seeded simulator, about 48 % of fixes cause an event):
 * <ul>
 *   <li>{@code step}: {@link BoatDetector#step} alone, states in a plain array (no engine);</li>
 *   <li>{@code engine1Worker}: the same fixes through {@link Engine} with one worker (vessel lookup,
 *       queue hand-off, events to a counting sink); the producer is a second thread.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2) // the step reaches its plateau only after about 8 s of JIT work
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BoatDetectorBench {

    private static final int FIXES = 1 << 20;
    private static final int ENGINE_BATCH = 1 << 16;

    @Param("10000")
    int vessels;

    private Fix[] fixes;
    private int[] vesselOf;
    private Place<BoatTrack>[] states;
    private final BoatDetector detector = new BoatDetector();
    private final DetectorContext ctx = new BenchData.FixedContext();
    private int cursor;
    private Engine engine;
    private long events;

    @Setup(Level.Trial)
    public void setUp() {
        vesselOf = new int[FIXES];
        fixes = BenchData.fixes(vessels, FIXES, vesselOf);
        states = newStates(vessels);
        java.util.Arrays.fill(states, detector.initial(null));
        EventSink sink = e -> events++; // one worker: a single writer
        engine = Engine.start(new EngineConfig(1, EngineConfig.DEFAULT_QUEUE_CAPACITY), List.of(detector), sink,
                d -> { }, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Step<Place<BoatTrack>> step() {
        int i = cursor++ & (FIXES - 1);
        int v = vesselOf[i];
        Step<Place<BoatTrack>> s = detector.step(states[v], fixes[i], ctx);
        states[v] = s.state();
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(ENGINE_BATCH)
    public void engine1Worker(Blackhole bh) {
        int base = cursor;
        for (int k = 0; k < ENGINE_BATCH; k++) {
            engine.submit(fixes[(base + k) & (FIXES - 1)]);
        }
        cursor = base + ENGINE_BATCH;
        if (!engine.awaitIdle(Duration.ofSeconds(60))) {
            throw new IllegalStateException("engine stuck");
        }
        bh.consume(events);
    }

    @SuppressWarnings("unchecked")
    private static Place<BoatTrack>[] newStates(int n) {
        return (Place<BoatTrack>[]) new Place<?>[n];
    }
}
