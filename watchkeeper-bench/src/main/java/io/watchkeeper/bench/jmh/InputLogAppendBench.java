package io.watchkeeper.bench.jmh;

import io.watchkeeper.server.input.log.LogFullException;
import io.watchkeeper.server.input.log.LogSettings;
import io.watchkeeper.server.input.log.SegmentLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Appends of one original-format position (about 130 B, topic {@code DATA/PORT1}) to the input log, one
 * thread: the segment log as the detector runs it (survives {@code kill -9}; and with {@code disk}, the
 * group commit's fsync on its own thread), beside RocksDB (which the embedded broker already brings) with
 * its write-ahead log on and no sync, the same promise as {@code process}. The log is released as it goes,
 * as checkpoints do, so the disk stays bounded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class InputLogAppendBench {

    private static final String TOPIC = "DATA/PORT1";
    private static final Runnable NOTHING = () -> { };

    @Param({"process", "disk"})
    public String sync;

    private Path dir;
    private SegmentLog log;
    private RocksDB rocks;
    private Options rocksOptions;
    private WriteOptions rocksWrite;
    private byte[] payload;
    private long n;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RocksDBException {
        dir = Files.createTempDirectory("wk-log-bench-");
        payload = BenchData.payloads(1)[0];
        LogSettings.Sync s = sync.equals("disk") ? LogSettings.Sync.DISK : LogSettings.Sync.PROCESS;
        log = SegmentLog.open(dir.resolve("segments"), LogSettings.DEFAULTS.withSync(s));
        RocksDB.loadLibrary();
        rocksOptions = new Options().setCreateIfMissing(true);
        rocks = RocksDB.open(rocksOptions, dir.resolve("rocks").toString());
        rocksWrite = new WriteOptions().setSync(sync.equals("disk"));
    }

    @Benchmark
    public long segmentLog() throws LogFullException {
        log.append(TOPIC, payload, n, NOTHING);
        if ((++n & 0xFFFF) == 0) {
            log.release(log.end());
        }
        return n;
    }

    @Benchmark
    public long rocksDb() throws RocksDBException {
        byte[] key = ByteBuffer.allocate(8).putLong(n++).array();
        rocks.put(rocksWrite, key, payload);
        return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        rocks.close();
        rocksOptions.close();
        rocksWrite.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
