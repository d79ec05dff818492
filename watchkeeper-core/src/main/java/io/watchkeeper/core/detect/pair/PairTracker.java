package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What every proximity pair detector shares: a {@link SpatialGrid} of the vessels' latest fixes, the
 * pairs of vessels currently close together, their silence timeouts and the eviction of vessels not
 * heard from. A subclass decides which close vessels make a pair, and declares each pair's lifecycle
 * as a {@link Machine} of the library: the tracker steps a pair's {@link Place} with a {@link PairInput}
 * (a fix of either vessel, a silence, or the pair's own due time) and ends the pair when its machine
 * reaches a state with no transition out.
 *
 * <p>What of the library does not fit pairs, and is done here instead:
 * <ul>
 *   <li>Publishing. A pair event goes to both vessels, each copy caused by that vessel's latest fix and
 *       keyed by the other vessel ({@link PairEvents}), and some are dated at a due time rather than a
 *       fix's. The machine declares which transition publishes what type with what details; the
 *       tracker turns its one event into the two, at {@link #eventMillis}. A library {@code Details}
 *       that could also give the event's time and a publisher hook (one declared event, fanned out by
 *       the caller) would remove this.</li>
 *   <li>Timers. The library fires a state's due timers before it reads a fix, and a silence is due at
 *       the latest fix plus the silence; a pair ends apart before its grace runs out when one fix says
 *       both, and its silence is counted from the earlier of two vessels' fixes, strictly after it on a
 *       fix but at it on a sweep. So the tracker keeps the silence and due times and steps the machine
 *       with {@link PairInput.Kind#SILENT} or {@link PairInput.Kind#DUE}: triggers besides the fix,
 *       which the library would need in order to own them.</li>
 *   <li>Reading. The library's {@code read} sees one vessel's fix; a pair's reading needs both latest
 *       fixes and their distance, so they travel as the step's context ({@link PairInput}). A
 *       {@code Machine.step(place, reading, ctx)} that takes a reading made by the caller would remove
 *       this.</li>
 * </ul>
 *
 * <p>Per fix the work is: update the vessel's cell, re-measure its (at most {@code maxPairsPerVessel})
 * pairs, and measure the vessels in the few cells around it for new pairs. So the cost per fix depends
 * on the local density, never on the fleet size. Pairs of a vessel form an intrusive list; all pairs
 * also form one list in creation order, which makes every iteration, and so the output, follow the
 * input order.
 *
 * <p>Not thread-safe: one thread owns a pair detector (see {@link PairDetector}).
 *
 * @param <D> the data of a pair's machine
 */
abstract class PairTracker<D> implements PairDetector {

    /**
     * Two vessels close together, {@code low} the one whose id key sorts first: the pair's place in its
     * machine and the links of the tracker's lists.
     */
    static final class Pair<D> {
        final int low;
        final int high;
        Place<D> place;
        Pair<D> nextOfLow;
        Pair<D> nextOfHigh;
        Pair<D> prevAll;
        Pair<D> nextAll;

        Pair(int low, int high, Place<D> place) {
            this.low = low;
            this.high = high;
            this.place = place;
        }

        int other(int slot) {
            return slot == low ? high : low;
        }

        Pair<D> nextOf(int slot) {
            return slot == low ? nextOfLow : nextOfHigh;
        }
    }

    final SpatialGrid grid;
    private final Machine<D, ?> machine;
    private final StateCodec<Place<D>> codec;
    /** By state index: the states with no transition out, where a pair is over. */
    private final boolean[] over;
    private final double searchMetres;
    private final long silenceMillis;
    private final int maxPairsPerVessel;
    private final PairEvents.PerVessel perVessel = this::addPerVesselDetails;
    @SuppressWarnings("unchecked")
    private Pair<D>[] pairsOf = new Pair[64];
    private Pair<D> firstPair;
    private Pair<D> lastPair;
    private int pairCount;
    private long earliestDueMillis = Long.MAX_VALUE;
    private long nextEvictionMillis = Long.MIN_VALUE;
    private long distanceComputations;
    /** The previous fix time of the vessel whose fix is being accepted, MIN_VALUE if it is new; for {@link #flagsOf}. */
    private long previousFixMillis = Long.MIN_VALUE;

    /**
     * @param machine       each pair's lifecycle; it must have a codec, and reach a state with no
     *                      transition out when the pair is over
     * @param searchMetres  the distance at which a new pair is formed
     * @param exitMetres    the grid's cell size: the distance beyond which a pair is over, for detectors
     *                      whose pairs end apart; smaller than {@code searchMetres} where a search looks far
     * @param silence       a vessel not heard from for this long ends its pairs and is forgotten
     */
    PairTracker(Machine<D, ?> machine, double searchMetres, double exitMetres, Duration silence,
                int maxPairsPerVessel) {
        this.machine = machine;
        this.codec = Objects.requireNonNull(machine.codec(), "a pair machine needs a codec");
        this.over = new boolean[machine.states().size()];
        Arrays.fill(over, true);
        machine.transitions().forEach(t -> over[machine.states().indexOf(t.from())] = false);
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

    /** The data of a new pair of {@code low} and {@code high}, in its machine's initial state. */
    abstract D newPair(int low, int high, long nowMillis);

    /**
     * A due time of the pair's own besides silence (e.g. a grace period running out), or MAX; at it
     * the machine is stepped with {@link PairInput.Kind#DUE}.
     */
    long ownDueMillis(Place<D> place) {
        return Long.MAX_VALUE;
    }

    /**
     * Details of a pair event that differ between its two copies, added to the copy for the vessel in
     * slot {@code self}; none unless a subclass says so. Called with both vessels still in the grid.
     */
    void addPerVesselDetails(String type, Map<String, Object> details, int self, int other) {
    }

    /** The time of a pair event the machine published, {@code atMillis} (the input's) unless the type says else. */
    long eventMillis(Place<D> before, Event event, long atMillis) {
        return atMillis;
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
        previousFixMillis = known >= 0 ? grid.timeMillis(known) : Long.MIN_VALUE;
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
        for (Pair<D> p = firstPair; p != null; p = p.nextAll) {
            out.writeVarInt(p.low);
            out.writeVarInt(p.high);
            codec.write(p.place, out);
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
            Place<D> place = codec.read(in, grid.id(low));
            if (over[place.state()]) {
                throw new IOException("corrupt checkpoint: a pair in final state " + machine.stateName(place.state()));
            }
            linkPair(new Pair<>(low, high, place));
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

    /** Each pair's lifecycle, as declared (its states are the events' {@code body.from}/{@code body.to}). */
    @Override
    public final Machine<D, ?> machine() {
        return machine;
    }

    /** Great-circle distances computed so far: the unit of work the scaling test bounds per fix. */
    final long distanceComputations() {
        return distanceComputations;
    }

    /** While {@link #flagsOf} runs: the time of the vessel's previous fix in the grid, MIN_VALUE if it has none. */
    final long previousFixMillis() {
        return previousFixMillis;
    }

    final long silenceMillis() {
        return silenceMillis;
    }

    final double distance(int a, int b) {
        distanceComputations++;
        return Geo.haversineMetres(grid.lat(a), grid.lon(a), grid.lat(b), grid.lon(b));
    }

    /**
     * Steps the pair's machine with {@code in} and publishes what it published, for both vessels.
     * Returns false when the pair is over.
     */
    private boolean step(Pair<D> pair, PairInput in, EventSink out) {
        Place<D> before = pair.place;
        Step<Place<D>> step = machine.step(before, in.self(), in);
        pair.place = step.state();
        for (Event e : step.events()) {
            PairEvents.emitBoth(e.type(), e.machine(), e.from(), e.to(), grid, pair.low, pair.high,
                    eventMillis(before, e, in.atMillis()), e.details(), perVessel, in.base(), out);
        }
        return !over[pair.place.state()];
    }

    private boolean stepOnFix(Pair<D> pair, int slot, double metres, long now, DetectorContext ctx, EventSink out) {
        return step(pair, new PairInput(ctx, PairInput.Kind.FIX, now, metres, grid.fix(slot), grid.fix(pair.low),
                grid.fix(pair.high)), out);
    }

    /** A vessel of the pair went silent at {@code atMillis}, or the pair's own due time came. */
    private boolean stepOnTime(Pair<D> pair, PairInput.Kind kind, long atMillis, DetectorContext ctx, EventSink out) {
        Fix low = grid.fix(pair.low);
        return step(pair, new PairInput(ctx, kind, atMillis, Double.NaN, low, low, grid.fix(pair.high)), out);
    }

    private int updatePairs(int slot, long now, DetectorContext ctx, EventSink out) {
        int kept = 0;
        Pair<D> p = pairsOf[slot];
        while (p != null) {
            Pair<D> following = p.nextOf(slot);
            int other = p.other(slot);
            if (grid.timeMillis(other) + silenceMillis < now) {
                stepOnTime(p, PairInput.Kind.SILENT, grid.timeMillis(other) + silenceMillis, ctx, out);
                unlinkPair(p);
            } else if (!stepOnFix(p, slot, distance(slot, other), now, ctx, out)) {
                unlinkPair(p);
            } else {
                kept++;
                noteDue(p);
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
            // mayPair first: it rejects most candidates by the flags array alone, before their times are read
            if (!mayPair(slot, other) || grid.timeMillis(other) + silenceMillis < now || pairedWith(slot, other)
                    || countPairs(other) >= maxPairsPerVessel) {
                continue;
            }
            double metres = distance(slot, other);
            if (metres > searchMetres) {
                continue;
            }
            boolean lowFirst = grid.id(slot).key().compareTo(grid.id(other).key()) < 0;
            int low = lowFirst ? slot : other;
            int high = lowFirst ? other : slot;
            Pair<D> pair = new Pair<>(low, high, new Place<>(machine.initial(grid.id(low)).state(), now,
                    Detector.NO_TIMER, null, newPair(low, high, now)));
            linkPair(pair);
            if (stepOnFix(pair, slot, metres, now, ctx, out)) {
                paired++;
                noteDue(pair);
            } else {
                unlinkPair(pair);
            }
        }
    }

    private void sweepPairs(long now, DetectorContext ctx, EventSink out) {
        long earliest = Long.MAX_VALUE;
        for (Pair<D> p = firstPair; p != null; ) {
            Pair<D> following = p.nextAll;
            long silentAt = Math.min(grid.timeMillis(p.low), grid.timeMillis(p.high)) + silenceMillis;
            long own = ownDueMillis(p.place);
            boolean keep = own > now || own >= silentAt || stepOnTime(p, PairInput.Kind.DUE, own, ctx, out);
            if (keep && silentAt <= now) {
                stepOnTime(p, PairInput.Kind.SILENT, silentAt, ctx, out);
                keep = false;
            }
            if (keep) {
                earliest = Math.min(earliest, Math.min(silentAt, ownDueMillis(p.place)));
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
        Pair<D> p = pairsOf[slot];
        while (p != null) {
            Pair<D> following = p.nextOf(slot);
            stepOnTime(p, PairInput.Kind.SILENT, dueMillis, ctx, out);
            unlinkPair(p);
            p = following;
        }
    }

    private void noteDue(Pair<D> pair) {
        long silentAt = Math.min(grid.timeMillis(pair.low), grid.timeMillis(pair.high)) + silenceMillis;
        earliestDueMillis = Math.min(earliestDueMillis, Math.min(silentAt, ownDueMillis(pair.place)));
    }

    private boolean pairedWith(int slot, int other) {
        for (Pair<D> p = pairsOf[slot]; p != null; p = p.nextOf(slot)) {
            if (p.other(slot) == other) {
                return true;
            }
        }
        return false;
    }

    private int countPairs(int slot) {
        int n = 0;
        for (Pair<D> p = pairsOf[slot]; p != null; p = p.nextOf(slot)) {
            n++;
        }
        return n;
    }

    private void linkPair(Pair<D> p) {
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

    private void unlinkPair(Pair<D> p) {
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

    private void removeFromVessel(int slot, Pair<D> target) {
        Pair<D> before = null;
        for (Pair<D> p = pairsOf[slot]; p != null; before = p, p = p.nextOf(slot)) {
            if (p == target) {
                Pair<D> after = p.nextOf(slot);
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
