package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.ManualClock;
import io.watchkeeper.core.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileReplayTest {

    private static final Path FILE = TestData.file("dma-aislib/ais250.txt");

    @Test
    void handsEveryLineOnWithItsReceiveTimeAndReportsStats() throws IOException {
        Instant start = Instant.parse("2024-05-01T12:00:00Z");
        Clock ticking = new TickingClock(start, Duration.ofMillis(1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FileReplay replay = new FileReplay(ticking, ProgressBar.to(new PrintStream(err, true, StandardCharsets.UTF_8), ticking));
        List<String> lines = new ArrayList<>();
        List<Long> times = new ArrayList<>();

        ReplayStats stats = replay.replay(FILE.toString(), (line, at) -> {
            lines.add(line);
            times.add(at);
        });

        List<String> expected = Files.readAllLines(FILE, StandardCharsets.ISO_8859_1);
        assertThat(lines).isEqualTo(expected);
        assertThat(stats.lines()).isEqualTo(expected.size());
        assertThat(stats.bytes()).isEqualTo(Files.size(FILE));
        assertThat(stats.elapsed()).isPositive();
        assertThat(times).isSorted().allMatch(t -> t > start.toEpochMilli());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("100.0%", String.format("%,d lines", expected.size()));
    }

    @Test
    void statsComputeRate() {
        assertThat(new ReplayStats(500, 10, Duration.ofMillis(250)).linesPerSecond()).isEqualTo(2000.0);
        assertThat(new ReplayStats(500, 10, Duration.ZERO).linesPerSecond()).isZero();
    }

    /** Advances by a fixed step on every read, so elapsed time is deterministic. */
    private static final class TickingClock extends Clock {
        private final ManualClock clock;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.clock = new ManualClock(start);
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            clock.advance(step);
            return clock.instant();
        }
    }
}
