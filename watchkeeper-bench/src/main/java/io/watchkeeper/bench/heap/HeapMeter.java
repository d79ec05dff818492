package io.watchkeeper.bench.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Used heap after full collections: the retained size the heap benchmarks compare. */
public final class HeapMeter {

    private HeapMeter() {
    }

    /** The least used heap seen over five {@code System.gc()} calls 200 ms apart. */
    public static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
