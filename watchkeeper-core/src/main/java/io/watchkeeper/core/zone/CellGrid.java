package io.watchkeeper.core.zone;

import java.util.Arrays;

/**
 * An immutable map from a 0.1° grid cell to the indices of the zones whose grown box touches it: the fast
 * path of {@link ZoneIndex}. A position in open sea costs one hash probe and allocates nothing.
 *
 * <p>Open addressing over primitive arrays (no boxed keys), built once from (cell, zone) pairs.
 */
final class CellGrid {

    static final double CELLS_PER_DEGREE = 10.0;
    static final int ROWS = 1800;
    static final int COLS = 3600;
    private static final int EMPTY = -1;

    private final int[] keys;
    private final int[][] values;
    private final int mask;
    private final int size;

    private CellGrid(int[] keys, int[][] values, int size) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    static int row(double lat) {
        return Math.min(ROWS - 1, Math.max(0, (int) Math.floor((lat + 90.0) * CELLS_PER_DEGREE)));
    }

    static int col(double lon) {
        return Math.min(COLS - 1, Math.max(0, (int) Math.floor((lon + 180.0) * CELLS_PER_DEGREE)));
    }

    static int key(double lat, double lon) {
        return row(lat) * COLS + col(lon);
    }

    /** The candidate zone indices (ascending) for the cell holding the position, or null if none. */
    int[] get(double lat, double lon) {
        int key = key(lat, lon);
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            int k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    int cellCount() {
        return size;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * Builds the grid from packed pairs {@code (long) cell << 32 | zoneIndex}, in any order and with
     * duplicates. The array is sorted in place.
     */
    static CellGrid build(long[] pairs, int count) {
        Arrays.sort(pairs, 0, count);
        int cells = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
                cells++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(2, cells * 2 - 1)) << 1;
        int[] keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        int[][] values = new int[capacity][];
        int mask = capacity - 1;
        int start = 0;
        while (start < count) {
            int cell = (int) (pairs[start] >>> 32);
            int end = start;
            while (end < count && (int) (pairs[end] >>> 32) == cell) {
                end++;
            }
            int slot = mix(cell) & mask;
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = cell;
            values[slot] = distinctZones(pairs, start, end);
            start = end;
        }
        return new CellGrid(keys, values, cells);
    }

    private static int[] distinctZones(long[] pairs, int start, int end) {
        int[] zones = new int[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            int zone = (int) pairs[i];
            if (n == 0 || zones[n - 1] != zone) {
                zones[n++] = zone;
            }
        }
        return n == zones.length ? zones : Arrays.copyOf(zones, n);
    }
}
