package io.watchkeeper.server.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@value #CAPACITY} track points of one vessel, at most one per {@value #MIN_SPACING_MILLIS} ms
 * of event time.
 *
 * <p>One writer (the engine worker that owns the vessel) and any number of readers (HTTP threads). The
 * writer must not take a lock, so this is a sequence lock: the writer makes {@code version} odd, writes,
 * makes it even again; a reader copies and retries if the version moved. The arrays start small and grow
 * to {@value #CAPACITY} so that vessels seen briefly cost little; full, a ring costs about 2.1 KB
 * (a long and three floats per point).
 */
final class TrackRing {

    static final int CAPACITY = 100;
    static final long MIN_SPACING_MILLIS = 10_000;
    private static final int INITIAL = 8;
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(TrackRing.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Odd while the writer is between its two increments. */
    private volatile int version;
    // Plain fields: readers only trust what they read between two equal, even versions.
    private long[] times = new long[0];
    private float[] lats = new float[0];
    private float[] lons = new float[0];
    private float[] sogs = new float[0];
    private int count;
    private int head;
    /** Writer-only: event time of the newest point, to space points and drop late fixes. */
    private long lastMillis = Long.MIN_VALUE;

    /** Writer thread only. Returns false if the point was too close in time to the previous one (or older). */
    boolean add(long epochMillis, double lat, double lon, double sogKnots) {
        if (lastMillis != Long.MIN_VALUE && epochMillis - lastMillis < MIN_SPACING_MILLIS) {
            return false;
        }
        lastMillis = epochMillis;
        int v = version;
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence(); // the odd version is visible before any data write
        if (count == times.length && times.length < CAPACITY) {
            grow();
        }
        times[head] = epochMillis;
        lats[head] = (float) lat;
        lons[head] = (float) lon;
        sogs[head] = (float) sogKnots;
        head = head + 1 == times.length ? 0 : head + 1;
        if (count < times.length) {
            count++;
        }
        VERSION.setRelease(this, v + 2);
        return true;
    }

    /** Only called while not yet wrapped (count == length), so the points are in order from index 0. */
    private void grow() {
        int size = Math.max(INITIAL, Math.min(CAPACITY, times.length * 2));
        times = Arrays.copyOf(times, size);
        lats = Arrays.copyOf(lats, size);
        lons = Arrays.copyOf(lons, size);
        sogs = Arrays.copyOf(sogs, size);
        head = count;
    }

    /** Any thread: the points, oldest first, as one consistent copy. */
    List<TrackPoint> points() {
        while (true) {
            int before = version;
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long[] t = times;
            float[] la = lats;
            float[] lo = lons;
            float[] sg = sogs;
            int n = count;
            int h = head;
            int len = t.length;
            // A torn read may mix arrays of two sizes: copy nothing then, the version check below retries.
            boolean sane = la.length == len && lo.length == len && sg.length == len && n <= len && h < Math.max(len, 1);
            long[] ct = new long[sane ? n : 0];
            float[] cla = new float[ct.length];
            float[] clo = new float[ct.length];
            float[] csg = new float[ct.length];
            int start = sane && n > 0 ? Math.floorMod(h - n, len) : 0;
            for (int i = 0; i < ct.length; i++) {
                int j = start + i < len ? start + i : start + i - len;
                ct[i] = t[j];
                cla[i] = la[j];
                clo[i] = lo[j];
                csg[i] = sg[j];
            }
            VarHandle.loadLoadFence(); // the copies above are done before the version is read again
            if (sane && version == before) {
                List<TrackPoint> out = new ArrayList<>(ct.length);
                for (int i = 0; i < ct.length; i++) {
                    out.add(new TrackPoint(Instant.ofEpochMilli(ct[i]), cla[i], clo[i], csg[i]));
                }
                return out;
            }
        }
    }
}
