package io.watchkeeper.core.engine;

import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * The detection engine: fixes in, events out, partitioned by vessel over worker threads.
 *
 * <p>Threading rule: a vessel is owned by exactly one worker (chosen by its id's hash), so its fixes
 * are processed in submission order and its state is never shared; there is no lock on the hot path.
 * Queues between the caller and the workers are bounded: when one is full, {@link #submit} waits, so
 * a fast source is slowed down rather than buffered without bound or dropped.
 *
 * <p>Order per vessel holds when each vessel's fixes are submitted from one thread (as an MQTT
 * subscriber does).
 */
public final class Engine implements AutoCloseable {

    private final Worker[] workers;
    private final @Nullable Worker pairWorker;
    private final LongAdder submitted = new LongAdder();
    private final LongAdder pairSubmitted = new LongAdder();
    /** The next fix's place in submit order; used only with a pair stage. */
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong backpressureWaits = new AtomicLong();
    private final EventSink events;
    private final Clock clock;
    private final List<String> detectorNames;
    private volatile boolean closed;

    private Engine(EngineConfig config, DetectionSetup setup, EventSink events, DeadLetterSink deadLetters,
                   Clock clock, @Nullable EngineSnapshot restored) {
        this.events = events;
        this.clock = clock;
        this.detectorNames = setup.detectors().stream().map(Detector::name).toList();
        PairStage pairStage = null;
        if (setup.pairDetectors().isEmpty()) {
            pairWorker = null;
        } else {
            pairStage = new PairStage(setup, events, deadLetters, clock);
            pairWorker = new Worker("wk-pairs", config.queueCapacity(), pairStage);
        }
        Consumer<Sequenced> pairFeed = pairWorker == null ? s -> { } : this::feedPairs;
        Consumer<Barrier> barrierFeed = pairWorker == null ? b -> { } : this::feedPairs;
        workers = new Worker[config.workers()];
        Partition[] partitions = new Partition[config.workers()];
        StationQuota quota = new StationQuota(setup.limits()); // a station's vessels spread over every partition
        for (int i = 0; i < workers.length; i++) {
            partitions[i] = new Partition(setup, events, deadLetters, clock, Ticker.SYSTEM, f -> { }, pairFeed,
                    barrierFeed, i, quota);
            workers[i] = new Worker("wk-engine-" + i, config.queueCapacity(), partitions[i]);
        }
        if (restored != null) {
            restore(restored, setup, partitions, pairStage);
        }
    }

    /** Deals the checkpointed vessels out to their partitions (the worker count may have changed). */
    private void restore(EngineSnapshot saved, DetectionSetup setup, Partition[] partitions,
                         @Nullable PairStage pairStage) {
        if (!saved.detectorNames().equals(detectorNames)) {
            throw new IllegalArgumentException("checkpoint has detectors " + saved.detectorNames()
                    + " but the engine runs " + detectorNames + "; read it with SnapshotCodec against this setup");
        }
        List<List<EngineSnapshot.VesselRecord>> dealt = new ArrayList<>();
        for (int i = 0; i < partitions.length; i++) {
            dealt.add(new ArrayList<>());
        }
        for (EngineSnapshot.VesselRecord r : saved.vessels()) {
            dealt.get(partitionOf(r.vessel(), partitions.length)).add(r);
        }
        for (int i = 0; i < partitions.length; i++) {
            partitions[i].restore(dealt.get(i), marksFor(i, partitions.length, saved));
        }
        if (pairStage != null) {
            pairStage.restore(saved.pairs(), SnapshotCodec.zoneResolver(setup.zones()));
        }
    }

    /** Creates and starts an engine with just these per-vessel detectors. */
    public static Engine start(EngineConfig config, List<Detector<?>> detectors, EventSink events,
                               DeadLetterSink deadLetters, Clock clock) {
        return start(config, DetectionSetup.of(Objects.requireNonNull(detectors, "detectors")), events, deadLetters,
                clock);
    }

    /** Creates and starts an engine. */
    public static Engine start(EngineConfig config, DetectionSetup setup, EventSink events,
                               DeadLetterSink deadLetters, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(clock, "clock");
        return start(config, setup, events, deadLetters, clock, null);
    }

    /**
     * Creates and starts an engine that resumes from a checkpoint: every vessel's detector states,
     * ordering marks and source watermarks, and the pair detectors' state, as they were at the
     * barrier that took {@code restored}.
     *
     * @param restored read by {@link SnapshotCodec#read} against this same setup, or null to start empty
     * @throws IllegalArgumentException if the snapshot does not fit this setup's detectors
     */
    public static Engine start(EngineConfig config, DetectionSetup setup, EventSink events,
                               DeadLetterSink deadLetters, Clock clock, @Nullable EngineSnapshot restored) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(clock, "clock");
        Engine engine = new Engine(config, setup, events, deadLetters, clock, restored);
        if (engine.pairWorker != null) {
            engine.pairWorker.start();
        }
        for (Worker w : engine.workers) {
            w.start();
        }
        return engine;
    }

    /**
     * A partition's own watermarks and sweep schedule when the worker count is unchanged, so that it
     * goes on exactly where it stood. With another count its vessels came from several old partitions:
     * it gets each source's furthest watermark, and its sweeps re-arm at the next fix.
     */
    private static List<EngineSnapshot.SiteMark> marksFor(int partition, int partitions, EngineSnapshot saved) {
        if (saved.partitions() == partitions) {
            return saved.sites().stream().filter(m -> m.partition() == partition).toList();
        }
        Map<String, Long> furthest = new LinkedHashMap<>();
        for (EngineSnapshot.SiteMark m : saved.sites()) {
            furthest.merge(m.site(), m.eventMillis(), Math::max);
        }
        List<EngineSnapshot.SiteMark> out = new ArrayList<>();
        furthest.forEach((site, millis) -> out.add(new EngineSnapshot.SiteMark(site, partition, millis, Long.MIN_VALUE)));
        return out;
    }

    /** Called on partition threads after they took their part of a barrier. */
    private void feedPairs(Barrier barrier) {
        pairWorker.put(barrier);
    }

    /** Called on partition threads, once per submitted fix; waits while the pair stage's queue is full. */
    private void feedPairs(Sequenced s) {
        long waits = pairWorker.put(s);
        if (waits > 0) {
            backpressureWaits.addAndGet(waits);
        }
        if (s.fix() != null) {
            pairSubmitted.increment();
        }
    }

    /**
     * Hands a fix to the worker that owns its vessel, waiting while that worker's queue is full.
     *
     * @throws IllegalStateException if the engine is closed
     */
    public void submit(Fix fix) {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        Worker w = workers[partitionOf(Objects.requireNonNull(fix, "fix"), workers.length)];
        long waits;
        if (pairWorker == null) {
            waits = w.put(fix);
        } else {
            // With pairs, each fix carries its place in submit order, in which the pair stage takes them.
            long seq = sequence.getAndIncrement();
            try {
                waits = w.put(new Sequenced(seq, fix));
            } catch (RuntimeException e) {
                pairWorker.put(new Sequenced(seq, null)); // the place must still come, or the pair stage waits forever
                throw e;
            }
        }
        if (waits > 0) {
            backpressureWaits.addAndGet(waits);
        }
        submitted.increment();
    }

    /**
     * Puts a barrier behind everything submitted so far. Its future completes once every fix before it
     * has been detected and its events handed to the event sink, with the engine's state at that cut if
     * {@code captureState}. For a consistent cut, no fix whose side of the cut matters may be submitted
     * while this call puts the barrier into the queues: the server's late-acknowledging input holds the
     * lock its handler submits under. Fixes submitted after this returns are after the cut. Waits while
     * a worker queue is full.
     *
     * @throws IllegalStateException if the engine is closed
     */
    public CompletableFuture<EngineSnapshot> barrier(boolean captureState) {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        Barrier barrier = new Barrier(captureState, workers.length, pairWorker != null, clock.millis(),
                detectorNames, sequence.get());
        for (Worker w : workers) {
            w.put(barrier);
        }
        return barrier.future();
    }

    static int partitionOf(Fix fix, int n) {
        return partitionOf(fix.vessel(), n);
    }

    static int partitionOf(VesselId vessel, int n) {
        int h = vessel.hashCode();
        h ^= h >>> 16;
        return (h & 0x7fff_ffff) % n;
    }

    /**
     * Waits until every fix submitted so far has been processed and handed to the event sink.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            EngineStats s = stats();
            if (s.processed() >= s.submitted() && pairsIdle()) {
                events.flush();
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000L);
        }
    }

    private boolean pairsIdle() {
        return pairWorker == null || pairWorker.processed() >= pairSubmitted.sum();
    }

    public EngineStats stats() {
        long processed = 0;
        long depth = 0;
        long vessels = 0;
        long failures = 0;
        long outOfOrder = 0;
        long duplicates = 0;
        long timers = 0;
        long evicted = 0;
        for (Worker w : workers) {
            StageCounters c = w.counters();
            processed += c.processed();
            depth += w.queueDepth();
            vessels += c.vessels();
            failures += w.failures();
            outOfOrder += c.outOfOrder();
            duplicates += c.duplicates();
            timers += c.timersFired();
            evicted += c.evicted();
        }
        long pairs = 0;
        if (pairWorker != null) {
            depth += pairWorker.queueDepth();
            pairs = pairWorker.counters().pairs();
            failures += pairWorker.failures();
        }
        return new EngineStats(submitted.sum(), processed, depth, vessels, backpressureWaits.get(), failures,
                outOfOrder, duplicates, timers, pairs, evicted);
    }

    /** Whether {@link #close()} was called: submits and barriers are refused from then on. */
    public boolean isClosed() {
        return closed;
    }

    public int workerCount() {
        return workers.length;
    }

    /** Stops taking fixes, lets the workers drain what they hold, then stops them. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            w.stop();
        }
        List<Worker> stuck = new ArrayList<>();
        for (Worker w : workers) {
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (w.isAlive()) {
                stuck.add(w);
            }
        }
        if (pairWorker != null) {
            pairWorker.stop();
            try {
                pairWorker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (pairWorker.isAlive()) {
                stuck.add(pairWorker);
            }
        }
        events.flush();
        if (!stuck.isEmpty()) {
            throw new IllegalStateException(stuck.size() + " engine worker(s) did not stop within 10 s");
        }
    }
}
