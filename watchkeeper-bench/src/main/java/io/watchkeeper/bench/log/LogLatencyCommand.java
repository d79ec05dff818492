package io.watchkeeper.bench.log;

import io.watchkeeper.bench.jmh.BenchData;
import io.watchkeeper.server.input.log.LogFullException;
import io.watchkeeper.server.input.log.LogSettings;
import io.watchkeeper.server.input.log.SegmentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench log}: how long an input message waits for its acknowledgement, from the append to the
 * moment the log says it is safe, at a paced rate: with {@code process} (page cache) and with
 * {@code disk} (group-commit fsync), side by side in one run.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Append-to-acknowledgement latency of the input log at a paced rate, process vs disk sync, "
                + "side by side in one run (p50, p99, max in microseconds)."})
public final class LogLatencyCommand implements Callable<Integer> {

    @Option(names = "--rate", paramLabel = "R", defaultValue = "20000",
            description = "Appends per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Measured seconds per mode, after 2 s of warm-up (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}",
            description = "Where the log's files go: the disk to measure (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--rate and --seconds must be positive");
        }
        System.out.printf(Locale.ROOT, "bench log: %,d appends/s of a %d B position, %d s per mode, in %s%n", rate,
                BenchData.payloads(1)[0].length, seconds, dir);
        for (LogSettings.Sync sync : LogSettings.Sync.values()) {
            long[] nanos = measure(sync);
            System.out.printf(Locale.ROOT, "  %-8s p50 %9.2f µs   p99 %9.2f µs   max %10.2f µs   (%,d appends)%n",
                    sync.name().toLowerCase(Locale.ROOT), pct(nanos, 0.50) / 1e3, pct(nanos, 0.99) / 1e3,
                    nanos[nanos.length - 1] / 1e3, nanos.length);
        }
        return 0;
    }

    private long[] measure(LogSettings.Sync sync) throws IOException, LogFullException {
        Path folder = Files.createTempDirectory(dir, "wk-log-latency-");
        int warm = rate * 2;
        int total = warm + rate * seconds;
        long[] nanos = new long[total];
        AtomicInteger done = new AtomicInteger();
        byte[] payload = BenchData.payloads(1)[0];
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        try (SegmentLog log = SegmentLog.open(folder, LogSettings.DEFAULTS.withSync(sync))) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 20_000));
                }
                int n = i;
                long t0 = System.nanoTime();
                log.append("DATA/PORT1", payload, i, () -> {
                    nanos[n] = System.nanoTime() - t0;
                    done.incrementAndGet();
                });
                if ((i & 0x3FFF) == 0) {
                    log.release(log.end());
                }
            }
            while (done.get() < total) {
                Thread.onSpinWait();
            }
        } finally {
            deleteTree(folder);
        }
        long[] measured = Arrays.copyOfRange(nanos, warm, total);
        Arrays.sort(measured);
        return measured;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
