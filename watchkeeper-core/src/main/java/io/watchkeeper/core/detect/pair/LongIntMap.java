package io.watchkeeper.core.detect.pair;

import java.util.Arrays;

/**
 * A map from non-negative {@code long} keys to {@code int} values with open addressing and linear
 * probing: the grid's cell index. A {@code HashMap<Long, Integer>} would box a key on every lookup,
 * which at a million fixes a second is a million garbage objects a second.
 *
 * <p>Not thread-safe: owned by the one thread that runs the pair detectors.
 */
final class LongIntMap {

    /** Returned by {@link #get} for an absent key. */
    static final int MISSING = -1;

    private static final long FREE = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap() {
        this(64);
    }

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    int get(long key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return MISSING;
            }
        }
    }

    void put(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("key must be >= 0, was " + key);
        }
        int i = index(key);
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == FREE) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
        if (size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
    }

    void remove(long key) {
        int i = index(key);
        while (keys[i] != key) {
            if (keys[i] == FREE) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = FREE;
        size--;
        shiftBack(i);
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole, so no tombstones pile up. */
    private void shiftBack(int hole) {
        int i = (hole + 1) & mask;
        while (keys[i] != FREE) {
            int home = index(keys[i]);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                keys[i] = FREE;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Keys are scattered in blocks of 8 consecutive keys (8 columns of a grid row) kept side by side: a
     * search that looks up a run of columns reads one or two cache lines per row rather than one per
     * cell, while a row filled on purpose still spreads over the table 8 cells at a time, so no probe
     * run grows with the width of a row.
     */
    private int index(long key) {
        long h = (key & ~7L) * 0x9E3779B97F4A7C15L;
        return ((int) (h ^ (h >>> 32)) << 3 | (int) (key & 7)) & mask;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new int[capacity];
        mask = capacity - 1;
    }
}
