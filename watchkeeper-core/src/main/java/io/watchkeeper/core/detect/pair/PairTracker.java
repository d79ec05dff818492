package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * What every proximity pair detector shares: a {@link SpatialGrid} of the vessels' latest fixes, the
 * pairs of vessels currently close together, their silence timeouts and the eviction of vessels not
 * heard from. A subclass decides which close vessels make a pair and what a pair's fixes mean.
 *
 * <p>Per fix the work is: update the vessel's cell, re-measure its (at most {@code maxPairsPerVessel})
 * pairs, and measure the vessels in the few cells around it for new pairs. So the cost per fix depends
 * on the local density, never on the fleet size. Pairs of a vessel form an intrusive list; all pairs
 * also form one list in creation order, which makes every iteration, and so the output, follow the
 * input order.
 *
 * <p>Not thread-safe: one thread owns a pair detector (see {@link PairDetector}).
 *
 * @param <P> the pair state of the subclass
 */
abstract class PairTracker<P extends PairTracker.Pair> implements PairDetector {

    /** State of two vessels close together; {@code low} is the vessel whose id key sorts first. */
    abstract static class Pair {
        final int low;
        final int high;
        Pair nextOfLow;
        Pair nextOfHigh;
        Pair prevAll;
        Pair nextAll;

        Pair(int low, int high) {
            this.low = low;
            this.high = high;
        }

        final int other(int slot) {
            return slot == low ? high : low;
        }

        final Pair nextOf(int slot) {
            return slot == low ? nextOfLow : nextOfHigh;
        }
    }

    final SpatialGrid grid;
    private final double searchMetres;
    private final long silenceMillis;
    private final int maxPairsPerVessel;
    private Pair[] pairsOf = new Pair[64];
    private Pair firstPair;
    private Pair lastPair;
    private int pairCount;
    private long earliestDueMillis = Long.MAX_VALUE;
    private long nextEvictionMillis = Long.MIN_VALUE;
    private long distanceComputations;

    /**
     * @param searchMetres  the distance at which a new pair is formed
     * @param exitMetres    the distance beyond which a pair is over; the grid's cell size
     * @param silence       a vessel not heard from for this long ends its pairs and is forgotten
     */
    PairTracker(double searchMetres, double exitMetres, Duration silence, int maxPairsPerVessel) {
        this.grid = new SpatialGrid(exitMetres);
        this.searchMetres = searchMetres;
        this.silenceMillis = silence.toMillis();
        this.maxPairsPerVessel = maxPairsPerVessel;
    }

    /** The flags the grid keeps for the vessel of {@code fix} (e.g. "is a tug"); read by {@link #mayPair}. */
    abstract byte flagsOf(Fix fix, DetectorContext ctx);

    /** Whether the fix's vessel may form new pairs now (e.g. not near a port). */
    abstract boolean mayStartPairs(int slot, DetectorContext ctx);

    /** Whether two vessels close together are a candidate pair at all (e.g. exactly one is a tug). */
    abstract boolean mayPair(int a, int b);

    abstract P newPair(int low, int high, long nowMillis);

    /**
     * A fix of {@code slot} (one of the pair) at {@code distanceMetres} from the other's latest fix.
     * Returns false when the pair is over and must be dropped (any END event already emitted).
     */
    abstract boolean update(P pair, int slot, double distanceMetres, long nowMillis, DetectorContext ctx,
                            EventSink out);

    /** A vessel of the pair went silent at {@code dueMillis}; emit an END if the pair had started. */
    abstract void endSilent(P pair, long dueMillis, DetectorContext ctx, EventSink out);

    /** Writes the subclass's fields of one pair (not low/high, which the tracker writes). */
    abstract void writePair(P pair, StateOut out) throws IOException;

    /** Reads what {@link #writePair} wrote into a new pair of {@code low} and {@code high}. */
    abstract P readPair(int low, int high, StateIn in) throws IOException;

    /** A due time of the pair's own besides silence (e.g. a grace period running out), or MAX. */
    long ownDueMillis(P pair) {
        return Long.MAX_VALUE;
    }

    /** Event time reached the pair's own due time; returns false when the pair is over. */
    boolean onOwnDue(P pair, long nowMillis, DetectorContext ctx, EventSink out) {
        return true;
    }

    @Override
    public final void accept(Fix fix, DetectorContext ctx, EventSink out) {
        if (!fix.isGeo() || !Geo.isValid(fix.lat(), fix.lon())) {
            return;
        }
        long now = fix.time().toEpochMilli();
        int known = grid.slotOf(fix.vessel());
        if (known >= 0) {
            if (now < grid.timeMillis(known)) {
                return; // older than what we hold: says nothing about where the vessel is now
            }
            if (grid.timeMillis(known) + silenceMillis < now) {
                endAllPairs(known, grid.timeMillis(known) + silenceMillis, ctx, out);
            }
        }
        int slot = grid.put(fix, flagsOf(fix, ctx), known);
        ensurePairCapacity(grid.highWater());
        int paired = updatePairs(slot, now, ctx, out);
        if (paired < maxPairsPerVessel && mayStartPairs(slot, ctx)) {
            findNewPairs(slot, paired, now, ctx, out);
        }
    }

    @Override
    public final void advanceTo(long nowMillis, DetectorContext ctx, EventSink out) {
        if (nowMillis >= earliestDueMillis) {
            sweepPairs(nowMillis, ctx, out);
        }
        if (nowMillis >= nextEvictionMillis) {
            evictSilent(nowMillis, ctx, out);
            nextEvictionMillis = nowMillis + Math.max(1_000L, silenceMillis / 4);
        }
    }

    /**
     * Writes the grid, then the pairs in creation order (each vessel's own list is rebuilt from that
     * order: it is always the reverse of it), then the due and eviction times. One pass over the
     * arrays and the pair list; the work counter {@link #distanceComputations} is not state.
     */
    @Override
    public final void writeState(StateOut out) throws IOException {
        out.writeDouble(grid.cellMetres());
        grid.write(out);
        out.writeVarInt(pairCount);
        for (Pair p = firstPair; p != null; p = p.nextAll) {
            out.writeVarInt(p.low);
            out.writeVarInt(p.high);
            @SuppressWarnings("unchecked") P pair = (P) p;
            writePair(pair, out);
        }
        out.writeLong(earliestDueMillis);
        out.writeLong(nextEvictionMillis);
    }

    /**
     * Restores what {@link #writeState} wrote, on a detector that has seen nothing yet. The grid's
     * cell size must be the same (it is the exit distance): slots and cells are only meaningful for it.
     * After an IOException the detector holds part of a state: build a new one.
     */
    @Override
    public final void readState(StateIn in) throws IOException {
        if (grid.highWater() != 0 || pairCount != 0) {
            throw new IllegalStateException(name() + ": readState needs a detector that has seen nothing");
        }
        double cellMetres = in.readDouble();
        if (Double.compare(cellMetres, grid.cellMetres()) != 0) {
            throw new IOException(name() + " checkpoint has a grid of " + cellMetres + " m, this detector "
                    + grid.cellMetres() + " m: was the exit distance changed?");
        }
        grid.read(in);
        ensurePairCapacity(grid.highWater());
        int pairs = in.readCount(Integer.MAX_VALUE);
        for (int i = 0; i < pairs; i++) {
            int low = readTakenSlot(in);
            int high = readTakenSlot(in);
            if (low == high) {
                throw new IOException("corrupt checkpoint: a pair of slot " + low + " with itself");
            }
            linkPair(readPair(low, high, in));
        }
        earliestDueMillis = in.readLong();
        nextEvictionMillis = in.readLong();
    }

    private int readTakenSlot(StateIn in) throws IOException {
        int slot = in.readCount(grid.highWater() - 1);
        if (!grid.occupied(slot)) {
            throw new IOException("corrupt checkpoint: a pair of free slot " + slot);
        }
        return slot;
    }

    @Override
    public final int trackedVessels() {
        return grid.size();
    }

    @Override
    public final int trackedPairs() {
        return pairCount;
    }

    /** Great-circle distances computed so far: the unit of work the scaling test bounds per fix. */
    final long distanceComputations() {
        return distanceComputations;
    }

    final long silenceMillis() {
        return silenceMillis;
    }

    final double distance(int a, int b) {
        distanceComputations++;
        return Geo.haversineMetres(grid.lat(a), grid.lon(a), grid.lat(b), grid.lon(b));
    }

    private int updatePairs(int slot, long now, DetectorContext ctx, EventSink out) {
        int kept = 0;
        Pair p = pairsOf[slot];
        while (p != null) {
            Pair following = p.nextOf(slot);
            int other = p.other(slot);
            @SuppressWarnings("unchecked") P pair = (P) p;
            if (grid.timeMillis(other) + silenceMillis < now) {
                endSilent(pair, grid.timeMillis(other) + silenceMillis, ctx, out);
                unlinkPair(p);
            } else if (!update(pair, slot, distance(slot, other), now, ctx, out)) {
                unlinkPair(p);
            } else {
                kept++;
                noteDue(pair);
            }
            p = following;
        }
        return kept;
    }

    private void findNewPairs(int slot, int paired, long now, DetectorContext ctx, EventSink out) {
        int count = grid.near(slot, searchMetres);
        int[] found = grid.found();
        for (int i = 0; i < count && paired < maxPairsPerVessel; i++) {
            int other = found[i];
            if (grid.timeMillis(other) + silenceMillis < now || !mayPair(slot, other) || pairedWith(slot, other)
                    || countPairs(other) >= maxPairsPerVessel) {
                continue;
            }
            double metres = distance(slot, other);
            if (metres > searchMetres) {
                continue;
            }
            boolean lowFirst = grid.id(slot).key().compareTo(grid.id(other).key()) < 0;
            P pair = newPair(lowFirst ? slot : other, lowFirst ? other : slot, now);
            linkPair(pair);
            if (update(pair, slot, metres, now, ctx, out)) {
                paired++;
                noteDue(pair);
            } else {
                unlinkPair(pair);
            }
        }
    }

    private void sweepPairs(long now, DetectorContext ctx, EventSink out) {
        long earliest = Long.MAX_VALUE;
        for (Pair p = firstPair; p != null; ) {
            Pair following = p.nextAll;
            @SuppressWarnings("unchecked") P pair = (P) p;
            long silentAt = Math.min(grid.timeMillis(p.low), grid.timeMillis(p.high)) + silenceMillis;
            long own = ownDueMillis(pair);
            boolean keep = own > now || own >= silentAt || onOwnDue(pair, now, ctx, out);
            if (keep && silentAt <= now) {
                endSilent(pair, silentAt, ctx, out);
                keep = false;
            }
            if (keep) {
                earliest = Math.min(earliest, Math.min(silentAt, ownDueMillis(pair)));
            } else {
                unlinkPair(p);
            }
            p = following;
        }
        earliestDueMillis = earliest;
    }

    private void evictSilent(long now, DetectorContext ctx, EventSink out) {
        for (int s = 0; s < grid.highWater(); s++) {
            if (grid.occupied(s) && grid.timeMillis(s) + silenceMillis <= now) {
                endAllPairs(s, grid.timeMillis(s) + silenceMillis, ctx, out);
                grid.remove(s);
            }
        }
    }

    private void endAllPairs(int slot, long dueMillis, DetectorContext ctx, EventSink out) {
        Pair p = pairsOf[slot];
        while (p != null) {
            Pair following = p.nextOf(slot);
            @SuppressWarnings("unchecked") P pair = (P) p;
            endSilent(pair, dueMillis, ctx, out);
            unlinkPair(p);
            p = following;
        }
    }

    private void noteDue(P pair) {
        long silentAt = Math.min(grid.timeMillis(pair.low), grid.timeMillis(pair.high)) + silenceMillis;
        earliestDueMillis = Math.min(earliestDueMillis, Math.min(silentAt, ownDueMillis(pair)));
    }

    private boolean pairedWith(int slot, int other) {
        for (Pair p = pairsOf[slot]; p != null; p = p.nextOf(slot)) {
            if (p.other(slot) == other) {
                return true;
            }
        }
        return false;
    }

    private int countPairs(int slot) {
        int n = 0;
        for (Pair p = pairsOf[slot]; p != null; p = p.nextOf(slot)) {
            n++;
        }
        return n;
    }

    private void linkPair(Pair p) {
        p.nextOfLow = pairsOf[p.low];
        pairsOf[p.low] = p;
        p.nextOfHigh = pairsOf[p.high];
        pairsOf[p.high] = p;
        p.prevAll = lastPair;
        if (lastPair != null) {
            lastPair.nextAll = p;
        } else {
            firstPair = p;
        }
        lastPair = p;
        pairCount++;
    }

    private void unlinkPair(Pair p) {
        removeFromVessel(p.low, p);
        removeFromVessel(p.high, p);
        if (p.prevAll != null) {
            p.prevAll.nextAll = p.nextAll;
        } else {
            firstPair = p.nextAll;
        }
        if (p.nextAll != null) {
            p.nextAll.prevAll = p.prevAll;
        } else {
            lastPair = p.prevAll;
        }
        pairCount--;
    }

    private void removeFromVessel(int slot, Pair target) {
        Pair before = null;
        for (Pair p = pairsOf[slot]; p != null; before = p, p = p.nextOf(slot)) {
            if (p == target) {
                Pair after = p.nextOf(slot);
                if (before == null) {
                    pairsOf[slot] = after;
                } else if (before.low == slot) {
                    before.nextOfLow = after;
                } else {
                    before.nextOfHigh = after;
                }
                return;
            }
        }
    }

    private void ensurePairCapacity(int slots) {
        if (slots > pairsOf.length) {
            pairsOf = Arrays.copyOf(pairsOf, Math.max(slots, pairsOf.length * 2));
        }
    }
}
