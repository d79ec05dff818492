package io.watchkeeper.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A marker that travels through every worker queue behind the fixes submitted before it. When a
 * partition takes it, everything before it has been detected and its events handed to the sink; the
 * partition adds its vessels (if state is wanted) and passes the marker on to the pair stage, which
 * takes it once every partition has. So the barrier's future completes at a consistent cut: no fix
 * before it is still in the engine, and (as long as the caller submits nothing meanwhile) none after.
 */
final class Barrier {

    private final boolean captureState;
    private final int partitions;
    private final boolean hasPairs;
    private final long wallMillis;
    private final List<EngineSnapshot.VesselRecord> vessels = new ArrayList<>();
    private final List<EngineSnapshot.SiteMark> sites = new ArrayList<>();
    private final AtomicInteger partitionsArrived = new AtomicInteger();
    private final CompletableFuture<EngineSnapshot> done = new CompletableFuture<>();
    private final List<String> detectorNames;
    private final long seq;

    /** @param seq how many fixes were submitted before it: the pair stage takes it after exactly those */
    Barrier(boolean captureState, int partitions, boolean hasPairs, long wallMillis, List<String> detectorNames,
            long seq) {
        this.seq = seq;
        this.captureState = captureState;
        this.partitions = partitions;
        this.hasPairs = hasPairs;
        this.wallMillis = wallMillis;
        this.detectorNames = detectorNames;
    }

    boolean captureState() {
        return captureState;
    }

    int partitions() {
        return partitions;
    }

    long seq() {
        return seq;
    }

    /**
     * A partition's part. Partitions arrive on their own threads, hence the lock; it is taken once per
     * partition per barrier, never per fix.
     */
    void partitionArrived(List<EngineSnapshot.VesselRecord> partVessels, List<EngineSnapshot.SiteMark> partSites) {
        if (partitionsArrived.get() >= partitions) {
            throw new IllegalStateException("more partitions than " + partitions + " at one barrier");
        }
        synchronized (this) {
            vessels.addAll(partVessels);
            sites.addAll(partSites);
        }
        if (partitionsArrived.incrementAndGet() == partitions && !hasPairs) {
            complete(EngineSnapshot.PairState.NONE);
        }
    }

    /** The pair stage's part, once every partition has passed the barrier on. */
    void pairsArrived(EngineSnapshot.PairState pairs) {
        complete(pairs);
    }

    void fail(Throwable failure) {
        done.completeExceptionally(failure);
    }

    private void complete(EngineSnapshot.PairState pairs) {
        synchronized (this) {
            done.complete(captureState
                    ? new EngineSnapshot(wallMillis, partitions, detectorNames, vessels, sites, pairs)
                    : new EngineSnapshot(wallMillis, partitions, detectorNames, List.of(), List.of(),
                            EngineSnapshot.PairState.NONE));
        }
    }

    CompletableFuture<EngineSnapshot> future() {
        return done;
    }
}
