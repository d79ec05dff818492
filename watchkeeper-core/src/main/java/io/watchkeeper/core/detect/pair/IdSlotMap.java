package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.fix.VesselId;

/**
 * A map from {@link VesselId} to a grid slot, with open addressing and linear probing: the grid's
 * vessel index. A {@code HashMap<VesselId, Integer>} costs a 32-byte node and a boxed slot per
 * vessel and a pointer chase per lookup; here a vessel is a key reference and an int in two arrays.
 * The fleet benchmark showed that map among the pair detectors' top costs (BENCHMARKS.md).
 *
 * <p>Not thread-safe: owned by the one thread that runs the pair detectors.
 */
final class IdSlotMap {

    static final int MISSING = -1;

    private VesselId[] keys;
    private int[] values;
    private int mask;
    private int size;

    IdSlotMap() {
        allocate(64);
    }

    int size() {
        return size;
    }

    int get(VesselId key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            VesselId k = keys[i];
            if (k == null) {
                return MISSING;
            }
            if (k == key || k.equals(key)) {
                return values[i];
            }
        }
    }

    void put(VesselId key, int value) {
        int i = index(key);
        while (keys[i] != null && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
        if (size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
    }

    void remove(VesselId key) {
        int i = index(key);
        while (keys[i] != null && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            return;
        }
        keys[i] = null;
        size--;
        shiftBack(i);
    }

    /** Backward-shift deletion, as in {@link LongIntMap}: no tombstones. */
    private void shiftBack(int hole) {
        int i = (hole + 1) & mask;
        while (keys[i] != null) {
            int home = index(keys[i]);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                keys[i] = null;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    private int index(VesselId key) {
        int h = key.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void rehash(int capacity) {
        VesselId[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new VesselId[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }
}
