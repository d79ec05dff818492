package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void rendersPercentLinesAndRate() {
        assertThat(ProgressBar.render(250, 1000, 5000, 2000)).isEqualTo(" 25.0%  5,000 lines  2,500 lines/s  2.0 s");
        assertThat(ProgressBar.render(1234, -1, 10, 0)).isEqualTo("1,234 bytes  10 lines  0 lines/s  0.0 s");
    }

    @Test
    void redrawsAtMostEveryHundredMillisecondsThenEndsTheLine() {
        ProgressBar bar = ProgressBar.to(out, clock);
        bar.start();
        bar.update(10, 1000, 1);
        clock.advance(Duration.ofMillis(99));
        bar.update(20, 1000, 2);
        assertThat(text()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        bar.update(100, 1000, 50);
        clock.advance(Duration.ofMillis(50));
        bar.update(200, 1000, 60);
        assertThat(text()).isEqualTo("\r 10.0%  50 lines  500 lines/s  0.1 s");

        clock.advance(Duration.ofMillis(850));
        bar.finish(1000, 1000, 1000);
        assertThat(text()).endsWith("\r100.0%  1,000 lines  1,000 lines/s  1.0 s" + System.lineSeparator());
        assertThat(text().chars().filter(c -> c == '\r').count()).isEqualTo(2);
    }

    @Test
    void shorterRedrawIsPaddedToCoverTheLongerOne() {
        ProgressBar bar = ProgressBar.to(out, clock);
        bar.start();
        clock.advance(Duration.ofMillis(100));
        bar.update(1_000_000, -1, 1_000_000);
        String first = text().substring(1);
        bytes.reset();
        clock.advance(Duration.ofSeconds(1000));
        bar.finish(1_000_001, -1, 1_000_001);
        String second = text().substring(1, text().length() - System.lineSeparator().length());
        assertThat(second.length()).isGreaterThanOrEqualTo(first.length());
    }

    @Test
    void disabledBarWritesNothing() {
        ProgressBar bar = ProgressBar.disabled();
        bar.start();
        bar.update(1, 2, 3);
        bar.finish(2, 2, 3);
        assertThat(bar.enabled()).isFalse();
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
