package io.watchkeeper.server.input.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentLogTest {

    private static final LogSettings SMALL = LogSettings.DEFAULTS.withSegmentBytes(1 << 20).withMaxBytes(8L << 20);
    private static final Duration NOW = Duration.ZERO;

    private static byte[] payload(int i) {
        return ("{\"seq\":" + i + ",\"pad\":\"" + "x".repeat(i % 300) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void appendAll(InputLog log, int from, int to) throws LogFullException {
        for (int i = from; i < to; i++) {
            log.append("DATA/S" + (i % 3), payload(i), 1_000L + i, () -> { });
        }
    }

    private static List<LogRecord> readAll(InputLog log, long from) throws InterruptedException {
        List<LogRecord> out = new ArrayList<>();
        InputLog.Cursor c = log.cursor(from);
        for (LogRecord r; (r = c.next(NOW)) != null; ) {
            out.add(r);
        }
        return out;
    }

    private static long segmentFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log")).count();
        }
    }

    @Test
    void recordsComeBackInOrderWithTheirSourceTimeAndPayloadAcrossSegments(@TempDir Path dir) throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            appendAll(log, 0, 20_000);
            List<LogRecord> read = readAll(log, log.start());
            assertThat(read).hasSize(20_000);
            for (int i = 0; i < read.size(); i++) {
                LogRecord r = read.get(i);
                assertThat(r.source()).isEqualTo("DATA/S" + (i % 3));
                assertThat(r.receivedMillis()).isEqualTo(1_000L + i);
                assertThat(r.payload()).isEqualTo(payload(i));
                if (i > 0) {
                    assertThat(r.position()).as("positions are contiguous").isEqualTo(read.get(i - 1).next());
                }
            }
            assertThat(read.get(read.size() - 1).next()).isEqualTo(log.end());
            assertThat(segmentFiles(dir)).as("20,000 records of ~200 B roll 1 MiB segments").isGreaterThan(2);
        }
    }

    @Test
    void aReopenedLogEndsWhereItStoppedAndACursorResumesFromAnyRecordPosition(@TempDir Path dir) throws Exception {
        long middle;
        long end;
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            appendAll(log, 0, 10_000);
            middle = readAll(log, log.start()).get(6_000).position();
            end = log.end();
        }
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            assertThat(log.end()).isEqualTo(end);
            assertThat(log.recoveredTornBytes()).isZero();
            List<LogRecord> rest = readAll(log, middle);
            assertThat(rest).hasSize(4_000);
            assertThat(rest.get(0).payload()).isEqualTo(payload(6_000));
            appendAll(log, 10_000, 10_010);
            assertThat(readAll(log, end)).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .first().asString().startsWith("{\"seq\":10000,");
        }
    }

    @Test
    void aTornLastRecordIsFoundDroppedAndOverwritten(@TempDir Path dir) throws Exception {
        long end;
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            appendAll(log, 0, 100);
            end = log.end();
        }
        // Power loss can leave a length whose body never reached the disk: a length, a wrong CRC, garbage.
        Path file;
        try (Stream<Path> s = Files.list(dir)) {
            file = s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer torn = ByteBuffer.allocate(40).putInt(32).putInt(0xDEADBEEF);
            while (torn.hasRemaining()) {
                torn.put((byte) 0x5A);
            }
            ch.write(torn.flip(), end);
        }
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            assertThat(log.recoveredTornBytes()).as("the torn tail is found").isPositive();
            assertThat(log.end()).as("the log ends at the last whole record").isEqualTo(end);
            assertThat(readAll(log, log.start())).hasSize(100);
            appendAll(log, 100, 101);
        }
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            assertThat(log.recoveredTornBytes()).as("what was written over the torn tail is whole").isZero();
            List<LogRecord> all = readAll(log, log.start());
            assertThat(all).hasSize(101);
            assertThat(all.get(100).payload()).isEqualTo(payload(100));
        }
    }

    @Test
    void aFullLogRefusesUntilACheckpointReleasesRoomAndReleasedSegmentsAreDeleted(@TempDir Path dir) throws Exception {
        LogSettings tiny = LogSettings.DEFAULTS.withSegmentBytes(1 << 20).withMaxBytes(3L << 20);
        try (SegmentLog log = SegmentLog.open(dir, tiny)) {
            int i = 0;
            AtomicInteger durable = new AtomicInteger();
            LogFullException refused = null;
            while (refused == null && i < 100_000) {
                try {
                    log.append("DATA/S", payload(i), i, durable::incrementAndGet);
                    i++;
                } catch (LogFullException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("3 MiB of 1 MiB segments fill up").isNotNull();
            assertThat(refused.getMessage()).contains("is full").contains(dir.toString());
            assertThat(log.isFull()).isTrue();
            assertThat(durable.get()).as("a refused record is never acknowledged").isEqualTo(i);
            assertThat(log.sizeBytes()).isLessThanOrEqualTo(3L << 20);

            List<LogRecord> read = readAll(log, log.start());
            log.release(read.get(read.size() - 1).next());
            assertThat(segmentFiles(dir)).as("released segments are gone, the active one stays").isEqualTo(1);
            log.append("DATA/S", payload(i), i, durable::incrementAndGet);
            assertThat(log.isFull()).isFalse();
            assertThat(readAll(log, read.get(read.size() - 1).next())).hasSize(1);
        }
    }

    @Test
    void aCheckpointPastTheLogsEndMakesNewInputContinueAfterIt(@TempDir Path dir) throws Exception {
        long oldEnd;
        long checkpoint;
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            appendAll(log, 0, 100);
            oldEnd = log.end();
            checkpoint = oldEnd + 5_000; // the checkpoint read further than the log now holds (a lost tail)
            log.resumeAt(checkpoint);
            appendAll(log, 100, 110);
            assertThat(readAll(log, checkpoint)).hasSize(10);
            assertThat(readAll(log, log.start())).as("across the gap").hasSize(110);
        }
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            List<LogRecord> after = readAll(log, checkpoint);
            assertThat(after).hasSize(10);
            assertThat(after.get(0).payload()).isEqualTo(payload(100));
            assertThat(after.get(0).position()).isEqualTo(checkpoint);
        }
    }

    @Test
    void retentionKeepsReleasedSegmentsForReplays(@TempDir Path dir) throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, SMALL.withRetention(Duration.ofHours(1)))) {
            appendAll(log, 0, 20_000);
            long files = segmentFiles(dir);
            log.release(log.end());
            assertThat(segmentFiles(dir)).isEqualTo(files);
            assertThat(readAll(log, log.start())).hasSize(20_000);
        }
    }

    @Test
    void diskSyncAcknowledgesEveryRecordInOrderAfterItsGroupIsForced(@TempDir Path dir) throws Exception {
        List<Integer> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SegmentLog log = SegmentLog.open(dir, SMALL.withSync(LogSettings.Sync.DISK))) {
            for (int i = 0; i < 5_000; i++) {
                int n = i;
                log.append("AIS/S", payload(i), i, () -> acknowledged.add(n));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (acknowledged.size() < 5_000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(acknowledged).hasSize(5_000).isSorted();
    }

    @Test
    void aCursorWaitsForTheNextAppend(@TempDir Path dir) throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            InputLog.Cursor c = log.cursor(log.start());
            assertThat(c.next(Duration.ofMillis(20))).isNull();
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    log.append("DATA/S", payload(1), 1, () -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            LogRecord r = c.next(Duration.ofSeconds(5));
            writer.join();
            assertThat(r).isNotNull();
            assertThat(r.payload()).isEqualTo(payload(1));
        }
    }

    @Test
    void badSettingsAndOversizedRecordsAreOneClearLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LogSettings.DEFAULTS.withSegmentBytes(1000))
                .hasMessageContaining("segment size must be 1 MiB");
        assertThatThrownBy(() -> LogSettings.DEFAULTS.withMaxBytes(1 << 20))
                .hasMessageContaining("at least two segments");
        try (SegmentLog log = SegmentLog.open(dir, SMALL)) {
            assertThatThrownBy(() -> log.append("DATA/S", new byte[2 << 20], 0, () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        }
    }
}
