package io.watchkeeper.core.detect.rule;

import static io.watchkeeper.core.detect.rule.RuleFixtures.T0_MS;
import static io.watchkeeper.core.detect.rule.RuleFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random tracks: the sweep never changes the events, and a timer never stays due after it ran. */
class RuleTimerPropertyTest {

    private static final long MIN = 60_000;

    @Property(tries = 300)
    void sweepTimingNeverChangesTheEventsAndNoTimerStaysDue(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 400) Integer> gapsMinutes,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 40) Integer> tenthsOfKnots,
            @ForAll @IntRange(min = 1, max = 240) int sweepEveryMinutes) {
        RuleRunnerForTest quiet = new RuleRunnerForTest(new RuleDetector(RuleTimerTest.ANCHOR_WAIT));
        RuleRunnerForTest swept = new RuleRunnerForTest(new RuleDetector(RuleTimerTest.ANCHOR_WAIT));
        long minute = 0;
        long lastSweep = T0_MS;
        for (int i = 0; i < gapsMinutes.size(); i++) {
            minute += gapsMinutes.get(i);
            long fixMs = T0_MS + minute * MIN;
            while (lastSweep + sweepEveryMinutes * MIN < fixMs) {
                lastSweep += sweepEveryMinutes * MIN;
                swept.sweep(lastSweep);
                assertThat(swept.wakeAt()).as("due after the sweep that ran it").isGreaterThan(lastSweep);
            }
            double knots = tenthsOfKnots.get(i % tenthsOfKnots.size()) / 10.0;
            quiet.feed(RuleFixtures.fix(minute * 60, knots), at());
            swept.feed(RuleFixtures.fix(minute * 60, knots), at());
        }
        long end = T0_MS + (minute + 24 * 60) * MIN;
        quiet.sweep(end);
        swept.sweep(end);

        assertThat(swept.events()).isEqualTo(quiet.events());
        assertThat(quiet.wakeAt()).isGreaterThan(end);
        for (Event e : quiet.events()) {
            assertThat(e.time().toEpochMilli()).isLessThanOrEqualTo(end);
        }
    }
}
