package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.util.Arrays;

/**
 * The latest position of every tracked vessel in a uniform lat/lon grid, so that the vessels near
 * one are found by looking at a few cells instead of at every vessel: the cost of a fix does not grow
 * with the fleet, only with the local density.
 *
 * <p>Rows are {@code cellMetres} of latitude high. Each row has as many columns as fit around the
 * earth at the row's poleward edge with each at least {@code cellMetres} wide, so cells stay roughly
 * square at every latitude and the rows touching a pole are a single cell. Column indices wrap
 * around, so the antimeridian is no edge. A query for the vessels within {@code r <= cellMetres}
 * visits the cells covering the exact bounding box of that circle: the rows from {@code lat - r} to
 * {@code lat + r} and, in each, the columns within {@code asin(sin(r/R) / cos(lat))} of the longitude
 * (every longitude when the circle reaches a pole). For {@code r <= cellMetres} that is 2 to 4 cells
 * usually, at most 3 rows of 3 (4 where a narrower row meets a wider one); a larger radius visits
 * about {@code (2r / cellMetres + 1)^2} cells.
 *
 * <p>Vessels live in slots of parallel primitive arrays; a cell is an intrusive doubly linked list
 * of slots whose head is in a {@link LongIntMap}. Freed slots are reused. Not thread-safe: owned by
 * the one thread that runs the pair detectors.
 */
final class SpatialGrid {

    private static final int NONE = -1;
    /** More slots than this in a checkpoint is taken for corruption rather than allocated. */
    private static final int MAX_RESTORED_SLOTS = 1 << 26;

    private final double cellMetres;
    private final double cellDegreesLat;
    private final int rows;
    private final LongIntMap cellHead = new LongIntMap(1024);
    private final IdSlotMap slotOf = new IdSlotMap();

    private VesselId[] ids = new VesselId[0];
    private Fix[] fixes = new Fix[0];
    private double[] lats = new double[0];
    private double[] lons = new double[0];
    private long[] timesMillis = new long[0];
    private long[] cells = new long[0];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private byte[] flags = new byte[0];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int highWater;
    private int[] found = new int[64];

    SpatialGrid(double cellMetres) {
        if (!(cellMetres >= 1.0 && cellMetres <= 100_000.0)) {
            throw new IllegalArgumentException("grid cell must be 1 m .. 100 km, was " + cellMetres);
        }
        this.cellMetres = cellMetres;
        this.cellDegreesLat = cellMetres / Geo.METRES_PER_DEGREE_LAT;
        this.rows = (int) Math.ceil(180.0 / cellDegreesLat);
    }

    /** Columns of a row: as many as fit at its poleward edge, each at least a cell wide (computed, not stored). */
    int columns(int row) {
        double south = -90.0 + row * cellDegreesLat;
        double north = Math.min(90.0, south + cellDegreesLat);
        double poleward = Math.min(90.0, Math.max(Math.abs(south), Math.abs(north)));
        double around = 360.0 * Geo.metresPerDegreeLon(poleward);
        return Math.max(1, (int) Math.floor(around / cellMetres));
    }

    double cellMetres() {
        return cellMetres;
    }

    int size() {
        return slotOf.size();
    }

    /** One past the highest slot ever used: slots {@code 0..highWater-1} may hold vessels. */
    int highWater() {
        return highWater;
    }

    /** The slot of {@code vessel}, or -1 if it is not tracked. */
    int slotOf(VesselId vessel) {
        int slot = slotOf.get(vessel);
        return slot == IdSlotMap.MISSING ? NONE : slot;
    }

    boolean occupied(int slot) {
        return ids[slot] != null;
    }

    VesselId id(int slot) {
        return ids[slot];
    }

    Fix fix(int slot) {
        return fixes[slot];
    }

    double lat(int slot) {
        return lats[slot];
    }

    double lon(int slot) {
        return lons[slot];
    }

    long timeMillis(int slot) {
        return timesMillis[slot];
    }

    byte flags(int slot) {
        return flags[slot];
    }

    /** Records the vessel's latest fix (geographic, valid) and returns its slot. */
    int put(Fix fix, byte vesselFlags) {
        return put(fix, vesselFlags, slotOf(fix.vessel()));
    }

    /** As {@link #put(Fix, byte)}, for a caller that has just looked up {@code known} ({@link #NONE} if new). */
    int put(Fix fix, byte vesselFlags, int known) {
        int slot = known != NONE ? known : allocate(fix.vessel());
        long cell = cellOf(fix.lat(), fix.lon());
        if (known == NONE) {
            link(slot, cell);
        } else if (cells[slot] != cell) {
            unlink(slot);
            link(slot, cell);
        }
        fixes[slot] = fix;
        lats[slot] = fix.lat();
        lons[slot] = fix.lon();
        timesMillis[slot] = fix.time().toEpochMilli();
        flags[slot] = vesselFlags;
        return slot;
    }

    /**
     * Writes the slots as they are, free ones included, so that a restored grid hands out the same slot
     * numbers, walks its cells in the same order and so finds neighbours in the same order: per slot
     * the vessel, its latest fix, its flags and its place in its cell's list; then the free-slot stack.
     * Positions, times and cells follow from the fixes and the hash maps from the slots, so they are
     * rebuilt rather than written. About 60 bytes per vessel with an AIS fix.
     */
    void write(StateOut out) throws IOException {
        out.writeVarInt(highWater);
        for (int s = 0; s < highWater; s++) {
            if (ids[s] == null) {
                out.writeBoolean(false);
                continue;
            }
            out.writeBoolean(true);
            out.writeShortVesselId(ids[s]);
            out.writeFixOf(fixes[s]);
            out.writeByte(flags[s]);
            out.writeVarInt(next[s] + 1);
            out.writeVarInt(prev[s] + 1);
        }
        out.writeVarInt(freeCount);
        for (int i = 0; i < freeCount; i++) {
            out.writeVarInt(freeSlots[i]);
        }
    }

    /** Reads what {@link #write} wrote into this grid, which must be empty. */
    void read(StateIn in) throws IOException {
        if (highWater != 0) {
            throw new IllegalStateException("a grid can only be restored when empty");
        }
        int slots = in.readCount(MAX_RESTORED_SLOTS);
        highWater = slots;
        for (int s = 0; s < slots; s++) {
            if (s == ids.length) {
                grow(Math.max(64, s * 2)); // as the slots arrive: a damaged count meets the end of the stream first
            }
            if (in.readBoolean()) {
                readSlot(s, in);
            }
        }
        readFreeSlots(in);
        checkCellLists();
    }

    /** The free-slot stack in its order (it decides which slot the next new vessel gets): every empty slot once. */
    private void readFreeSlots(StateIn in) throws IOException {
        freeCount = in.readCount(highWater);
        freeSlots = new int[Math.max(16, freeCount)];
        java.util.BitSet seen = new java.util.BitSet(highWater);
        for (int i = 0; i < freeCount; i++) {
            int slot = in.readCount(highWater - 1);
            if (ids[slot] != null || seen.get(slot)) {
                throw new IOException("corrupt checkpoint: free slot " + slot + " is taken or listed twice");
            }
            seen.set(slot);
            freeSlots[i] = slot;
        }
        if (freeCount + slotOf.size() != highWater) {
            throw new IOException("corrupt checkpoint: " + slotOf.size() + " vessels and " + freeCount
                    + " free slots in " + highWater);
        }
    }

    private void readSlot(int s, StateIn in) throws IOException {
        VesselId id = in.readShortVesselId();
        Fix fix = in.readFixOf(id);
        if (fix == null || !fix.isGeo() || !Geo.isValid(fix.lat(), fix.lon())) {
            throw new IOException("corrupt checkpoint: slot " + s + " has no valid position");
        }
        ids[s] = id;
        fixes[s] = fix;
        lats[s] = fix.lat();
        lons[s] = fix.lon();
        timesMillis[s] = fix.time().toEpochMilli();
        cells[s] = cellOf(fix.lat(), fix.lon());
        flags[s] = (byte) in.readByte();
        next[s] = in.readCount(highWater) - 1;
        prev[s] = in.readCount(highWater) - 1;
        if (prev[s] == NONE) {
            cellHead.put(cells[s], s);
        }
        if (slotOf.get(id) != IdSlotMap.MISSING) {
            throw new IOException("corrupt checkpoint: vessel " + id + " in two slots");
        }
        slotOf.put(id, s);
    }

    /**
     * Every cell list must link occupied slots of that one cell both ways, and every vessel must be
     * reachable from its cell's head: otherwise a search would miss it, or a walk could loop.
     */
    private void checkCellLists() throws IOException {
        int reachable = 0;
        for (int s = 0; s < highWater; s++) {
            if (ids[s] == null) {
                continue;
            }
            int n = next[s];
            int p = prev[s];
            if (n != NONE && (ids[n] == null || prev[n] != s || cells[n] != cells[s])
                    || p != NONE && (ids[p] == null || next[p] != s || cells[p] != cells[s])) {
                throw new IOException("corrupt checkpoint: slot " + s + " is not linked into its cell");
            }
            if (p == NONE) {
                for (int at = s; at != NONE && reachable <= highWater; at = next[at]) {
                    reachable++;
                }
            }
        }
        if (reachable != slotOf.size()) {
            throw new IOException("corrupt checkpoint: " + reachable + " of " + slotOf.size()
                    + " vessels reachable in their cells");
        }
    }

    void remove(int slot) {
        unlink(slot);
        slotOf.remove(ids[slot]);
        ids[slot] = null;
        fixes[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
        }
        freeSlots[freeCount++] = slot;
    }

    /**
     * Collects the other vessels in the cells that cover the circle of {@code radiusMetres} around
     * {@code slot}'s position; a superset of those within the radius, in a deterministic order. A
     * radius larger than a cell visits as many more rows and columns as it covers.
     * Returns how many; they are in {@link #found()} until the next call.
     */
    int near(int slot, double radiusMetres) {
        double lat = lats[slot];
        double lon = lons[slot];
        double radiusDegrees = Math.toDegrees(radiusMetres / Geo.EARTH_RADIUS_METRES);
        double lonSpan = Math.abs(lat) + radiusDegrees >= 90.0 ? 180.0
                : Math.toDegrees(Math.asin(Math.min(1.0,
                        Math.sin(radiusMetres / Geo.EARTH_RADIUS_METRES) / Math.cos(Math.toRadians(lat)))));
        int firstRow = row(lat - radiusDegrees);
        int lastRow = row(lat + radiusDegrees);
        int count = 0;
        for (int r = firstRow; r <= lastRow; r++) {
            count = collectRow(r, lon, lonSpan, slot, count);
        }
        return count;
    }

    int[] found() {
        return found;
    }

    private int collectRow(int row, double lon, double lonSpan, int self, int count) {
        int columns = columns(row);
        double width = 360.0 / columns;
        int first = (int) Math.floor((lon + 180.0 - lonSpan) / width);
        int last = (int) Math.floor((lon + 180.0 + lonSpan) / width);
        if (last - first + 1 >= columns) {
            first = 0;
            last = columns - 1;
        }
        for (int c = first; c <= last; c++) {
            int s = cellHead.get(key(row, Math.floorMod(c, columns)));
            for (; s != NONE; s = next[s]) {
                if (s != self) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = s;
                }
            }
        }
        return count;
    }

    long cellOf(double lat, double lon) {
        int row = row(lat);
        int columns = columns(row);
        int column = Math.floorMod((int) Math.floor((lon + 180.0) / (360.0 / columns)), columns);
        return key(row, column);
    }

    private int row(double lat) {
        int r = (int) Math.floor((Math.max(-90.0, Math.min(90.0, lat)) + 90.0) / cellDegreesLat);
        return Math.min(rows - 1, Math.max(0, r));
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }

    private int allocate(VesselId vessel) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (highWater == ids.length) {
                grow(Math.max(64, highWater * 2));
            }
            slot = highWater++;
        }
        ids[slot] = vessel;
        slotOf.put(vessel, slot);
        return slot;
    }

    private void link(int slot, long cell) {
        int head = cellHead.get(cell);
        cells[slot] = cell;
        prev[slot] = NONE;
        next[slot] = head;
        if (head != NONE) {
            prev[head] = slot;
        }
        cellHead.put(cell, slot);
    }

    private void unlink(int slot) {
        int p = prev[slot];
        int n = next[slot];
        if (n != NONE) {
            prev[n] = p;
        }
        if (p != NONE) {
            next[p] = n;
        } else if (n != NONE) {
            cellHead.put(cells[slot], n);
        } else {
            cellHead.remove(cells[slot]);
        }
    }

    private void grow(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        fixes = Arrays.copyOf(fixes, capacity);
        lats = Arrays.copyOf(lats, capacity);
        lons = Arrays.copyOf(lons, capacity);
        timesMillis = Arrays.copyOf(timesMillis, capacity);
        cells = Arrays.copyOf(cells, capacity);
        next = Arrays.copyOf(next, capacity);
        prev = Arrays.copyOf(prev, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }
}
