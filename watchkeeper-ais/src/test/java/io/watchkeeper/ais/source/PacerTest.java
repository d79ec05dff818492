package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long T0 = Instant.parse("2016-01-12T13:02:11Z").toEpochMilli();

    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final List<Long> sleeps = new ArrayList<>();

    /** Records the sleep and lets the fake wall clock pass that long. */
    private void sleep(long millis) {
        sleeps.add(millis);
        clock.advance(Duration.ofMillis(millis));
    }

    private Pacer pacer(double speed, Duration maxSleep) {
        return Pacer.of(speed, maxSleep, clock, this::sleep);
    }

    @Test
    void realTimeSleepsTheMessageGaps() throws InterruptedException {
        Pacer pacer = pacer(1, null);
        pacer.pace(T0);
        pacer.pace(T0 + 1000);
        pacer.pace(T0 + 1500);
        assertThat(sleeps).containsExactly(1000L, 500L);
    }

    @Test
    void speedDividesTheGaps() throws InterruptedException {
        Pacer pacer = pacer(10, null);
        pacer.pace(T0);
        pacer.pace(T0 + 60_000);
        assertThat(sleeps).containsExactly(6_000L);
    }

    @Test
    void workTimeCountsTowardsTheWait() throws InterruptedException {
        Pacer pacer = pacer(1, null);
        pacer.pace(T0);
        clock.advance(Duration.ofMillis(300));
        pacer.pace(T0 + 1000);
        clock.advance(Duration.ofMillis(2000));
        pacer.pace(T0 + 2000); // due at wall 2000, now 3000: late, no wait
        pacer.pace(T0 + 4000);
        assertThat(sleeps).containsExactly(700L, 1000L); // the last is due at wall 4000, now 3000
    }

    @Test
    void absentTimeAndBackwardStepsDoNotSleepNorDisturbPacing() throws InterruptedException {
        Pacer pacer = pacer(1, null);
        pacer.pace(T0);
        pacer.pace(Pacer.NO_TIME);
        pacer.pace(T0 + 1000);
        pacer.pace(T0 + 200);
        pacer.pace(T0 + 2000);
        assertThat(sleeps).containsExactly(1000L, 1000L);
    }

    @Test
    void aLongStepBackStartsPacingAfresh() throws InterruptedException {
        Pacer pacer = pacer(1, null);
        pacer.pace(T0 + 3_600_000);
        pacer.pace(T0);
        pacer.pace(T0 + 1000);
        assertThat(sleeps).containsExactly(1000L);
    }

    @Test
    void capShortensLongGapsWithoutOwingTheRest() throws InterruptedException {
        Pacer pacer = pacer(1, Duration.ofSeconds(5));
        pacer.pace(T0);
        pacer.pace(T0 + 6 * 3_600_000L);
        pacer.pace(T0 + 6 * 3_600_000L + 2000);
        assertThat(sleeps).containsExactly(5_000L, 2_000L);
    }

    @Test
    void unpacedAndInfiniteSpeedNeverSleep() throws InterruptedException {
        Pacer infinite = pacer(Double.POSITIVE_INFINITY, null);
        infinite.pace(T0);
        infinite.pace(T0 + 3_600_000);
        Pacer.unpaced().pace(T0);
        Pacer.unpaced().pace(T0 + 3_600_000);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void rejectsNonPositiveSpeedAndCap() {
        assertThatThrownBy(() -> pacer(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
