package io.watchkeeper.bench.load;

import java.lang.management.ManagementFactory;

/** CPU time consumed so far by this JVM and by another process, to see which side of a run saturates. */
final class CpuTime {

    private CpuTime() {
    }

    /** CPU nanoseconds of this JVM, all threads; -1 if the platform does not tell. */
    static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU nanoseconds of process {@code pid} (user + system); -1 for no process or when unknown. */
    static long processNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(-1L);
    }
}
