package io.watchkeeper.bench.fleet;

import io.watchkeeper.bench.heap.HeapMeter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.InlineEngine;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One measured run of a fleet through an engine: a warm-up stretch of fleet time, then timed chunks of
 * fleet time, each generated before its timer starts (the generator is timed apart). The same fleet and
 * engine go on through all chunks, so the figures are steady state: every vessel known, timers and
 * pairs in flight, as a long-running server sees it.
 */
final class FleetRun {

    /** One timed chunk: fixes, wall and (inline only) CPU time and bytes allocated by the engine's thread. */
    record Pass(long fixes, long wallNanos, long cpuNanos, long allocatedBytes, long events) {

        double fixesPerWallSecond() {
            return fixes * 1e9 / wallNanos;
        }

        double fixesPerCpuSecond() {
            return cpuNanos <= 0 ? Double.NaN : fixes * 1e9 / cpuNanos;
        }
    }

    /** Everything a run measured. */
    record Result(List<Pass> passes, long vessels, long events, long deadLetters, long generatedFixes,
                  long generatorNanos, double heapBytesPerVessel, double fleetSeconds, Map<String, Long> byType) {

        long fixes() {
            return passes.stream().mapToLong(Pass::fixes).sum();
        }

        long wallNanos() {
            return passes.stream().mapToLong(Pass::wallNanos).sum();
        }

        double medianWall() {
            return median(passes.stream().mapToDouble(Pass::fixesPerWallSecond).toArray());
        }

        double medianCpu() {
            return median(passes.stream().mapToDouble(Pass::fixesPerCpuSecond).toArray());
        }

        double bytesPerFix() {
            return (double) passes.stream().mapToLong(Pass::allocatedBytes).sum() / fixes();
        }

        double eventsPerSecond() {
            return passes.stream().mapToLong(Pass::events).sum() * 1e9 / wallNanos();
        }

        private static double median(double[] v) {
            double[] s = v.clone();
            java.util.Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    /** The timeline of a run, in seconds of fleet time. */
    record Timeline(int warmupSeconds, int measureSeconds, int chunkSeconds) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FleetRun() {
    }

    /**
     * The per-core figure: {@link InlineEngine} on this thread. With {@code measureHeap}, afterwards
     * compares used heap with the engine alive and dropped (the fleet and its registry stay alive in
     * both; the fixes are dropped before both).
     */
    static Result inline(Fleet fleet, Function<VesselRegistry, DetectionSetup> setups, Timeline time,
                         boolean measureHeap) throws InterruptedException {
        Counting sink = new Counting();
        LongAdder dead = new LongAdder();
        DeadLetterSink deadLetters = d -> dead.increment();
        InlineEngine[] engine = {new InlineEngine(setups.apply(fleet.registry()), sink, deadLetters,
                Clock.systemUTC())};
        Chunks chunks = new Chunks(fleet, time);
        Fix[] fixes;
        while ((fixes = chunks.next()) != null) {
            long events0 = sink.count;
            long alloc0 = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (Fix f : fixes) {
                engine[0].submit(f);
            }
            long wall = System.nanoTime() - wall0;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            long alloc = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc0;
            chunks.record(new Pass(fixes.length, wall, cpu, alloc, sink.count - events0));
        }
        long vessels = engine[0].stats().vessels();
        double perVessel = Double.NaN;
        if (measureHeap) {
            long alive = HeapMeter.usedAfterGc();
            engine[0] = null; // with it go the setup, the per-vessel table and the pair detectors' grids
            long dropped = HeapMeter.usedAfterGc();
            perVessel = (double) (alive - dropped) / vessels;
        }
        return chunks.result(vessels, sink.count, dead.sum(), perVessel, sink.byType);
    }

    /** The multi-threaded {@link Engine} with {@code workers} partitions (plus its pair worker); wall time only. */
    static Result threaded(Fleet fleet, DetectionSetup setup, Timeline time, int workers) {
        LongAdder events = new LongAdder();
        LongAdder dead = new LongAdder();
        EventSink sink = e -> events.increment();
        Chunks chunks = new Chunks(fleet, time);
        try (Engine engine = Engine.start(new EngineConfig(workers, EngineConfig.DEFAULT_QUEUE_CAPACITY), setup, sink,
                d -> dead.increment(), Clock.systemUTC())) {
            Fix[] fixes;
            while ((fixes = chunks.next()) != null) {
                long events0 = events.sum();
                long wall0 = System.nanoTime();
                for (Fix f : fixes) {
                    engine.submit(f);
                }
                if (!engine.awaitIdle(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("engine did not drain a chunk within 10 min");
                }
                chunks.record(new Pass(fixes.length, System.nanoTime() - wall0, -1, 0, events.sum() - events0));
            }
            return chunks.result(engine.stats().vessels(), events.sum(), dead.sum(), Double.NaN, Map.of());
        }
    }

    /** Hands out the chunks of a timeline, warm-up ones unrecorded, and times the generator. */
    private static final class Chunks {
        private final Fleet fleet;
        private final Timeline time;
        private final List<Pass> passes = new ArrayList<>();
        private int at;
        private boolean measuring;
        private long generated;
        private long generatorNanos;

        Chunks(Fleet fleet, Timeline time) {
            this.fleet = fleet;
            this.time = time;
        }

        /** The next chunk's fixes (warm-up ones are run through {@code next} too), or null at the end. */
        Fix[] next() {
            int end = time.warmupSeconds() + time.measureSeconds();
            if (at >= end) {
                return null;
            }
            int until = at < time.warmupSeconds() ? Math.min(at + time.chunkSeconds(), time.warmupSeconds())
                    : Math.min(at + time.chunkSeconds(), end);
            measuring = at >= time.warmupSeconds();
            long t0 = System.nanoTime();
            Fix[] fixes = fleet.advanceTo(until);
            generatorNanos += System.nanoTime() - t0;
            generated += fixes.length;
            at = until;
            return fixes;
        }

        void record(Pass pass) {
            if (measuring) {
                passes.add(pass);
            }
        }

        Result result(long vessels, long events, long dead, double heapPerVessel, Map<String, Long> byType) {
            return new Result(List.copyOf(passes), vessels, events, dead, generated, generatorNanos, heapPerVessel,
                    time.measureSeconds(), new TreeMap<>(byType));
        }
    }

    /** Counts events, in all and by type; owned by the inline engine's thread. */
    private static final class Counting implements EventSink {
        final Map<String, Long> byType = new HashMap<>();
        long count;

        @Override
        public void accept(Event event) {
            count++;
            byType.merge(event.type(), 1L, Long::sum);
        }
    }
}
