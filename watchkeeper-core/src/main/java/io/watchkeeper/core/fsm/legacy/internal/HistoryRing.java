package io.watchkeeper.core.fsm.legacy.internal;

/**
 * The last few state changes of one instance, as primitives: with history switched on for a
 * million vessels, an object per entry would cost more than the vessels' states themselves.
 *
 * <p>Confined to the thread that owns its instance, like the instance.
 */
public final class HistoryRing {

    private final long[] atMillis;
    /** Three ordinals per entry: from, to, trigger. */
    private final int[] ordinals;
    private int next;
    private int size;

    public HistoryRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.atMillis = new long[capacity];
        this.ordinals = new int[capacity * 3];
    }

    /** Appends an entry, overwriting the oldest once full. */
    public void add(int from, int to, int trigger, long atMillis) {
        this.atMillis[next] = atMillis;
        ordinals[next * 3] = from;
        ordinals[next * 3 + 1] = to;
        ordinals[next * 3 + 2] = trigger;
        next = (next + 1) % this.atMillis.length;
        if (size < this.atMillis.length) {
            size++;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return atMillis.length;
    }

    /** From-state ordinal of entry {@code i}, 0 being the oldest kept. */
    public int from(int i) {
        return ordinals[slot(i) * 3];
    }

    public int to(int i) {
        return ordinals[slot(i) * 3 + 1];
    }

    public int trigger(int i) {
        return ordinals[slot(i) * 3 + 2];
    }

    public long atMillis(int i) {
        return atMillis[slot(i)];
    }

    private int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("history index " + i + " of " + size);
        }
        int capacity = atMillis.length;
        return (next - size + i + capacity) % capacity;
    }
}
