package io.watchkeeper.server.input.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a process in the middle of appending: every record whose append had returned is
 * there, whole and in order; whatever was half-written is dropped, never read as a record.
 */
class SegmentLogKillIT {

    static byte[] payload(int i) {
        return LogWriterMain.bytes("{\"seq\":" + i + ",\"pad\":\"" + "y".repeat(i % 97) + "\"}");
    }

    @RepeatedTest(3)
    void everyAcknowledgedRecordSurvivesSigkillAndATornTailIsDropped(@TempDir Path dir) throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogWriterMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                acknowledged = Integer.parseInt(line.trim());
                if (acknowledged >= 150_000) {
                    writer.destroyForcibly(); // SIGKILL, mid-append
                    break;
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed by signal 9").isEqualTo(137);
        assertThat(acknowledged).as("the writer got going").isGreaterThanOrEqualTo(150_000);

        int read = 0;
        try (SegmentLog log = SegmentLog.open(dir, LogSettings.DEFAULTS.withSegmentBytes(1 << 20)
                .withMaxBytes(1L << 30))) {
            InputLog.Cursor c = log.cursor(log.start());
            for (LogRecord r; (r = c.next(Duration.ZERO)) != null; read++) {
                assertThat(r.receivedMillis()).as("records in order, none missing").isEqualTo(read);
                assertThat(r.payload()).as("record %d is whole", read).isEqualTo(payload(read));
            }
            System.out.printf("SIGKILL while appending: %,d records read back, %,d were acknowledged before the "
                    + "kill was sent; torn tail dropped: %,d bytes%n", read, acknowledged + 1, log.recoveredTornBytes());
            log.append("DATA/K", payload(read), read, () -> { });
        }
        assertThat(read).as("every acknowledged record is there").isGreaterThan(acknowledged);
    }
}
