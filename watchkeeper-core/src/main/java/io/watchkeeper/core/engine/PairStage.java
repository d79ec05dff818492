package io.watchkeeper.core.engine;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PairDetector}s over the accepted geographic fixes of every partition. One thread
 * owns it, and with it every pair's state; partitions hand it fixes through a bounded queue.
 *
 * <p>Its event time is the furthest watermark of any fix it has seen; pairs across sources are
 * rare, and a pair needs one clock.
 *
 * <p>In the multi-threaded engine the partitions finish fixes in an order that depends on thread timing,
 * while a pair's events depend on which of its two vessels' fixes came first. So each fix carries its place
 * in submit order ({@link Sequenced}), every partition reports every place (with the fix, or that none
 * comes), and this stage takes them strictly in that order: a live run gives a replay's pair events, and a
 * restart from a checkpoint gives the uninterrupted run's. A checkpoint barrier is taken at its own place,
 * so no fix after the cut is in the pair state of the checkpoint. Places that arrive early wait in
 * {@link #waiting}: as many as the other partitions finish while the slowest one is behind, which its
 * bounded queue limits (a full queue holds the submitter back). With several submitting threads (several
 * inputs) their order between each other is whichever took its number first; a fix of a vessel older than
 * its last one is then ignored by the pair detectors, as a late fix always is.
 */
final class PairStage extends StageContext implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(PairStage.class);

    private final List<PairDetector> detectors;
    private final EventSink events;
    private final DeadLetterSink deadLetters;
    private final long sweepEveryMillis;
    private final boolean wallClockFallback;
    private final Set<String> loggedFailures = new HashSet<>();
    private long watermarkMillis = Long.MIN_VALUE;
    private long tickerAtWatermark;
    private long nextSweepMillis = Long.MIN_VALUE;
    private long lastSweepTicker;
    private long processed;
    private final Map<Barrier, Integer> barriersArrived = new IdentityHashMap<>();
    /** Places in submit order that came before their turn. */
    private final PriorityQueue<Sequenced> waiting = new PriorityQueue<>(Comparator.comparingLong(Sequenced::seq));
    /** The next place in submit order to take. */
    private long nextSeq;
    private final Ticker ticker;

    PairStage(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock) {
        this(setup, events, deadLetters, clock, Ticker.SYSTEM);
    }

    /** @param ticker what the wall-clock fallback counts (the wall clock can be set forward) */
    PairStage(DetectionSetup setup, EventSink events, DeadLetterSink deadLetters, Clock clock, Ticker ticker) {
        super(clock, setup.zones(), setup.vessels());
        this.detectors = setup.pairDetectors();
        this.events = events;
        this.deadLetters = deadLetters;
        this.sweepEveryMillis = setup.sweepEvery().toMillis();
        this.wallClockFallback = setup.wallClockFallback();
        this.ticker = ticker;
        this.lastSweepTicker = ticker.millis();
    }

    @Override
    public void process(Fix fix) {
        processed++;
        long millis = fix.time().toEpochMilli();
        if (millis > watermarkMillis) {
            watermarkMillis = millis;
            tickerAtWatermark = ticker.millis();
        }
        enterFix(fix);
        for (PairDetector d : detectors) {
            try {
                d.accept(fix, this, events);
            } catch (RuntimeException e) {
                fail(d, fix.vessel().key(), fix.toString(), e);
            }
        }
        leave();
        if (nextSweepMillis == Long.MIN_VALUE) {
            nextSweepMillis = millis + sweepEveryMillis;
        } else if (millis >= nextSweepMillis) {
            sweep(ticker.millis());
        }
    }

    @Override
    public void process(Sequenced s) {
        waiting.add(s);
        takeInOrder();
    }

    /**
     * Takes the waiting places in turn, up to the first place not yet here or the place of a barrier not
     * yet taken; takes a barrier once every partition has passed it on and every place before it is taken.
     */
    private void takeInOrder() {
        while (true) {
            Barrier due = firstBarrier();
            if (due != null && nextSeq >= due.seq()) {
                if (barriersArrived.get(due) < due.partitions()) {
                    return; // hold at the cut until every partition has passed it
                }
                barriersArrived.remove(due);
                try {
                    take(due);
                } catch (RuntimeException e) { // fail this barrier, whichever item's arrival took it, and go on
                    due.fail(e);
                    LOG.error("pair stage failed at a checkpoint barrier", e);
                }
                continue;
            }
            Sequenced s = waiting.peek();
            if (s == null || s.seq() != nextSeq) {
                return;
            }
            waiting.poll();
            nextSeq++;
            if (s.fix() != null) {
                process(s.fix());
            }
        }
    }

    /** The barrier with the earliest place among those some partition has passed on, or null. */
    private @Nullable Barrier firstBarrier() {
        Barrier first = null;
        for (Barrier b : barriersArrived.keySet()) {
            if (first == null || b.seq() < first.seq()) {
                first = b;
            }
        }
        return first;
    }

    /**
     * Takes the barrier once every partition has passed it on (then no fix before it is still on its way)
     * and, in the multi-threaded engine, every place before it has been taken.
     */
    @Override
    public void barrier(Barrier barrier) {
        barriersArrived.merge(barrier, 1, Integer::sum);
        takeInOrder();
    }

    private void take(Barrier barrier) {
        if (!barrier.captureState()) {
            barrier.pairsArrived(EngineSnapshot.PairState.NONE);
            return;
        }
        List<String> names = new ArrayList<>(detectors.size());
        List<byte[]> states = new ArrayList<>(detectors.size());
        for (PairDetector d : detectors) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                StateOut out = new StateOut(bytes);
                d.writeState(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            names.add(d.name());
            states.add(bytes.toByteArray());
        }
        barrier.pairsArrived(new EngineSnapshot.PairState(watermarkMillis, nextSweepMillis, names, states));
    }

    /**
     * Puts back checkpointed pair state, before the first fix. A detector not in it starts empty (said in
     * the log); one whose state no longer fits (its range changed) is refused, since a failed read leaves
     * it half-filled.
     *
     * @throws IllegalArgumentException naming the detector whose state cannot be read
     */
    void restore(EngineSnapshot.PairState saved, Function<String, Zone> zones) {
        watermarkMillis = saved.watermarkMillis();
        nextSweepMillis = saved.nextSweepMillis();
        tickerAtWatermark = ticker.millis(); // downtime is not event time
        lastSweepTicker = tickerAtWatermark;
        for (int k = 0; k < detectors.size(); k++) {
            PairDetector d = detectors.get(k);
            int i = saved.names().indexOf(d.name());
            if (i < 0) {
                LOG.warn("pair detector {} is not in the checkpoint; it starts empty", d.name());
                continue;
            }
            try {
                d.readState(new StateIn(
                        new ByteArrayInputStream(saved.states().get(i)), zones));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("pair detector " + d.name() + " cannot resume from it ("
                        + e.getMessage() + "); were its settings changed?", e);
            }
        }
    }

    @Override
    public void tick() {
        long elapsed = ticker.millis();
        if (wallClockFallback && watermarkMillis != Long.MIN_VALUE && elapsed - lastSweepTicker >= 1_000L) {
            sweep(elapsed);
        }
    }

    private void sweep(long elapsed) {
        lastSweepTicker = elapsed;
        long now = watermarkMillis;
        if (wallClockFallback) {
            now += Math.max(0L, elapsed - tickerAtWatermark);
        }
        nextSweepMillis = now + sweepEveryMillis;
        enterTime(now);
        for (PairDetector d : detectors) {
            try {
                d.advanceTo(now, this, events);
            } catch (RuntimeException e) {
                fail(d, "pairs", "advanceTo " + eventTime(), e);
            }
        }
        leave();
    }

    private void fail(PairDetector d, String source, String input, RuntimeException e) {
        if (loggedFailures.add(d.name() + '/' + e.getClass().getName())) {
            LOG.warn("pair detector {} failed; its pairs keep their state (further {} are only dead-lettered): {}",
                    d.name(), e.getClass().getSimpleName(), e.toString());
        }
        deadLetters.accept(new DeadLetter(source, RejectReason.DETECTOR_ERROR, d.name() + ": " + e, input,
                clock().instant()));
    }

    @Override
    public StageCounters counters() {
        long vessels = 0;
        long pairs = 0;
        for (PairDetector d : detectors) {
            vessels = Math.max(vessels, d.trackedVessels());
            pairs += d.trackedPairs();
        }
        return new StageCounters(processed, vessels, 0, 0, 0, pairs, 0);
    }
}
