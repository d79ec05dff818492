package io.watchkeeper.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogRecord;
import io.watchkeeper.server.input.log.LogSettings;
import io.watchkeeper.server.input.log.SegmentLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedInputTest {

    private static byte[] payload(int i) {
        return ("{\"seq\":" + i + ",\"pad\":\"" + "z".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFullLogHoldsInputUnacknowledgedInOrderAndTakesItOnceACheckpointFreesRoom(@TempDir Path dir)
            throws Exception {
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        LogSettings tiny = LogSettings.DEFAULTS.withSegmentBytes(1 << 20).withMaxBytes(2L << 20);
        try (SegmentLog log = SegmentLog.open(dir, tiny);
             LoggedInput input = new LoggedInput(log, Clock.systemUTC(), 4096)) {
            int sent = 0;
            while (!input.isHolding() && sent < 100_000) {
                int n = sent++;
                input.onMessage("DATA/S", payload(n), () -> acknowledged.add(n));
            }
            assertThat(input.isHolding()).as("2 MiB of 1 MiB segments fill up").isTrue();
            int takenBeforeFull = acknowledged.size();
            for (int i = 0; i < 500; i++) {
                int n = sent++;
                input.onMessage("DATA/S", payload(n), () -> acknowledged.add(n));
            }
            Thread.sleep(200);
            assertThat(acknowledged).as("held input is not acknowledged").hasSize(takenBeforeFull);
            assertThat(input.held()).isEqualTo(sent - takenBeforeFull);
            assertThat(log.isFull()).isTrue();

            // A checkpoint covers everything read so far: the log frees the segments behind it.
            InputLog.Cursor cursor = log.cursor(log.start());
            List<LogRecord> read = new ArrayList<>();
            for (LogRecord r; (r = cursor.next(Duration.ZERO)) != null; ) {
                read.add(r);
            }
            log.release(cursor.position());
            int total = sent;
            await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == total);
            assertThat(input.isHolding()).isFalse();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                expected.add(i);
            }
            assertThat(acknowledged).as("every message acknowledged once, in arrival order").isEqualTo(expected);
            for (LogRecord r; (r = cursor.next(Duration.ZERO)) != null; ) {
                read.add(r);
            }
            assertThat(read).hasSize(total);
            assertThat(read.get(total - 1).payload()).isEqualTo(payload(total - 1));
            assertThat(input.heldTotal()).isEqualTo(total - takenBeforeFull);
        }
    }

    @Test
    void anOversizedPayloadEntersTheLogOnlyAsItsSizeAndHeadInItsPlaceInTheOrder(@TempDir Path dir) throws Exception {
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        try (SegmentLog log = SegmentLog.open(dir, LogSettings.DEFAULTS.withSegmentBytes(1 << 20));
             LoggedInput input = new LoggedInput(log, Clock.systemUTC(), 1024)) {
            input.onMessage("AIS/BIG", new byte[5 << 20], () -> acknowledged.add(1));
            input.onMessage("DATA/S", payload(2), () -> acknowledged.add(2));
            assertThat(acknowledged).containsExactly(1, 2);
            assertThat(input.oversized()).isEqualTo(1);
            InputLog.Cursor c = log.cursor(log.start());
            LogRecord summary = c.next(Duration.ZERO);
            assertThat(summary.source()).isEqualTo(OversizeInput.SOURCE_PREFIX + "AIS/BIG");
            assertThat(summary.payload()).hasSize(4 + OversizeInput.KEPT_BYTES);
            assertThat(c.next(Duration.ZERO).source()).isEqualTo("DATA/S");
            var letter = OversizeInput.deadLetter("AIS/BIG", summary.payload(), 1024, java.time.Instant.EPOCH);
            assertThat(letter.source()).isEqualTo("BIG");
            assertThat(letter.detail()).isEqualTo("payload is 5242880 bytes, limit 1024");
        }
    }

    @Test
    void afterCloseInputIsNeitherLoggedNorAcknowledged(@TempDir Path dir) throws Exception {
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        try (SegmentLog log = SegmentLog.open(dir, LogSettings.DEFAULTS.withSegmentBytes(1 << 20))) {
            LoggedInput input = new LoggedInput(log, Clock.systemUTC(), 4096);
            input.close();
            input.onMessage("DATA/S", payload(1), () -> acknowledged.add(1));
            assertThat(acknowledged).as("left for the broker to send again").isEmpty();
            assertThat(log.end()).isEqualTo(log.start());
        }
    }
}
