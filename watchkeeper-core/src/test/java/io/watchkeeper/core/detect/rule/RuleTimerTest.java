package io.watchkeeper.core.detect.rule;

import static io.watchkeeper.core.detect.rule.RuleFixtures.SHIP;
import static io.watchkeeper.core.detect.rule.RuleFixtures.T0;
import static io.watchkeeper.core.detect.rule.RuleFixtures.T0_MS;
import static io.watchkeeper.core.detect.rule.RuleFixtures.at;
import static io.watchkeeper.core.detect.rule.RuleFixtures.details;
import static io.watchkeeper.core.detect.rule.RuleFixtures.fix;
import static io.watchkeeper.core.detect.rule.RuleFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fix.Fix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** timeInState and silentFor: timers due from the state, fired at their due time whatever the sweep. */
class RuleTimerTest {

    private static final long MIN = 60_000;
    private static final Condition STOPPED = new Condition.SpeedBelow(1);
    private static final Condition UNDERWAY = new Condition.SpeedAbove(2);

    /** Slow for 30 minutes: anchored. Silent for 2 hours from anywhere: lost. */
    static final RuleMachine ANCHOR_WAIT = RuleMachine.of("anchor-wait",
            List.of("underway", "slow", "anchored", "lost"), "underway", List.of(
                    t("underway", "slow", List.of(STOPPED)),
                    t("slow", "underway", List.of(UNDERWAY)),
                    new RuleTransition(List.of("slow"), "anchored",
                            List.of(new Condition.TimeInState(Duration.ofMinutes(30)), STOPPED), List.of(), "AT_ANCHOR"),
                    t("anchored", "underway", List.of(UNDERWAY)),
                    new RuleTransition(List.of("*"), "lost", List.of(new Condition.SilentFor(Duration.ofHours(2))),
                            List.of(), "LOST"),
                    t("lost", "slow", List.of(STOPPED)),
                    t("lost", "underway", List.of(), List.of(STOPPED))));

    private final RuleRunnerForTest run = new RuleRunnerForTest(new RuleDetector(ANCHOR_WAIT));

    private static Fix fixAtMinute(long minute, double knots) {
        return fix(minute * 60, knots);
    }

    @Test
    void timeInStateFiresAtItsDueTimeNotAtTheSweepTime() {
        run.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(10, 0.5), at());
        assertThat(run.wakeAt()).as("30 min after entering slow").isEqualTo(T0_MS + 30 * MIN);

        run.sweep(T0_MS + 29 * MIN);
        assertThat(run.events()).hasSize(1);
        run.sweep(T0_MS + 45 * MIN);

        Event e = run.events().get(1);
        assertThat(e.type()).isEqualTo("AT_ANCHOR");
        assertThat(e.from()).isEqualTo("slow");
        assertThat(e.to()).isEqualTo("anchored");
        assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(e.cause().time()).as("the latest fix").isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(e.cause().lat()).isEqualTo(fixAtMinute(10, 0.5).lat());
        assertThat(e.site()).isEqualTo("GBSOU");
        assertThat(e.details()).isEqualTo(details(2, "timer"));
        assertThat(run.state().enteredAtMillis()).isEqualTo(T0_MS + 30 * MIN);
    }

    @Test
    void silentForCountsFromTheLatestFix() {
        run.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(40, 0.5), at());
        assertThat(run.wakeAt()).as("anchored already? no: the sweep never ran, the fix caught up")
                .isEqualTo(T0_MS + 160 * MIN);
        assertThat(run.events()).extracting(Event::to, Event::time).containsExactly(
                tuple("slow", T0),
                tuple("anchored", T0.plus(Duration.ofMinutes(30))));

        run.sweep(T0_MS + 159 * MIN).sweep(T0_MS + 200 * MIN);

        assertThat(run.events()).last().extracting(Event::type, Event::from, Event::to, Event::time)
                .containsExactly("LOST", "anchored", "lost", T0.plus(Duration.ofMinutes(160)));
    }

    @Test
    void aFixBeforeTheSilenceEndsPushesTheTimerBack() {
        run.feed(fixAtMinute(0, 1.5), at()).feed(fixAtMinute(119, 1.5), at());
        assertThat(run.wakeAt()).isEqualTo(T0_MS + 239 * MIN);
        run.sweep(T0_MS + 238 * MIN);
        assertThat(run.events()).isEmpty();
    }

    @Test
    void fixConditionsOfATimedTransitionAreJudgedOnTheLatestFix() {
        run.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(10, 1.5), at());

        assertThat(run.wakeAt()).as("not below 1 kn now: only the silence timer").isEqualTo(T0_MS + 130 * MIN);
        run.sweep(T0_MS + 60 * MIN);
        assertThat(run.events()).extracting(Event::to).containsExactly("slow");
    }

    @Test
    void aFixAfterALongSilenceFirstFiresTheTimersThatFellDueThenItsOwnTransition() {
        run.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(180, 0.5), at());

        assertThat(run.events()).extracting(Event::from, Event::to, Event::time, e -> e.details().get("trigger"))
                .containsExactly(
                        tuple("underway", "slow", T0, "fix"),
                        tuple("slow", "anchored", T0.plus(Duration.ofMinutes(30)), "timer"),
                        tuple("anchored", "lost", T0.plus(Duration.ofMinutes(120)), "timer"),
                        tuple("lost", "slow", T0.plus(Duration.ofMinutes(180)), "fix"));
    }

    @Test
    void theEventsDoNotDependOnWhenOrWhetherTheSweepRuns() {
        long[][] tracks = {{0, 5, 10, 50, 300, 305, 500}, {0, 31, 200, 201, 202, 900}};
        double[] knots = {0.5, 0.3, 3.0, 0.2, 0.8, 0.1, 5.0};
        for (long[] minutes : tracks) {
            List<Event> reference = null;
            for (long sweepEveryMinutes : new long[] {0, 1, 7, 60, 1000}) {
                RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(ANCHOR_WAIT));
                long lastSweep = T0_MS;
                for (int i = 0; i < minutes.length; i++) {
                    long fixMs = T0_MS + minutes[i] * MIN;
                    while (sweepEveryMinutes > 0 && lastSweep + sweepEveryMinutes * MIN < fixMs) {
                        lastSweep += sweepEveryMinutes * MIN;
                        r.sweep(lastSweep);
                    }
                    r.feed(fixAtMinute(minutes[i], knots[i % knots.length]), at());
                }
                r.sweep(T0_MS + 10_000 * MIN);
                if (reference == null) {
                    reference = r.events();
                    assertThat(reference).hasSizeGreaterThan(3);
                } else {
                    assertThat(r.events()).as("sweep every %d min", sweepEveryMinutes).isEqualTo(reference);
                }
            }
        }
    }

    @Test
    void onTimeBeforeTheDueTimeChangesNothing() {
        RuleDetector d = new RuleDetector(ANCHOR_WAIT);
        Place<RuleData> s = d.step(d.initial(SHIP), fixAtMinute(0, 0.5), at()).state();

        Step<Place<RuleData>> early = d.onTime(s, SHIP, T0_MS + 29 * MIN, at());

        assertThat(early.state()).isSameAs(s);
        assertThat(early.events()).isEmpty();
        assertThat(d.wakeAtMillis(d.initial(SHIP))).as("no fix yet, no timer").isEqualTo(Detector.NO_TIMER);
    }

    @Test
    void unlessTimeInStateHoldsOnlyBeforeTheThreshold() {
        RuleMachine m = RuleMachine.of("quick", List.of("moving", "stopped", "quick_stop"), "moving", List.of(
                t("moving", "stopped", List.of(STOPPED)),
                t("stopped", "quick_stop", List.of(UNDERWAY), List.of(new Condition.TimeInState(Duration.ofMinutes(10)))),
                t("stopped", "moving", List.of(UNDERWAY))));
        RuleRunnerForTest quick = new RuleRunnerForTest(new RuleDetector(m));
        RuleRunnerForTest slow = new RuleRunnerForTest(new RuleDetector(m));

        quick.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(5, 3), at());
        slow.feed(fixAtMinute(0, 0.5), at()).feed(fixAtMinute(15, 3), at());

        assertThat(quick.events()).extracting(Event::to).containsExactly("stopped", "quick_stop");
        assertThat(slow.events()).extracting(Event::to).containsExactly("stopped", "moving");
        assertThat(quick.wakeAt()).as("a falling time condition needs no timer").isEqualTo(Detector.NO_TIMER);
    }

    @Test
    void aConditionAlreadyTrueWhenATimerEntersItsStateWaitsForTheNextFixOrTimer() {
        RuleMachine m = RuleMachine.of("chain", List.of("a", "b", "c"), "a", List.of(
                t("a", "b", List.of(new Condition.SilentFor(Duration.ofHours(1)))),
                t("b", "c", List.of(new Condition.SilentFor(Duration.ofMinutes(30)))),
                t("b", "a", List.of(new Condition.SilentFor(Duration.ofHours(3))))));
        RuleRunnerForTest r = new RuleRunnerForTest(new RuleDetector(m));

        r.feed(fixAtMinute(0, 1), at()).sweep(T0_MS + 600 * MIN).sweep(T0_MS + 600 * MIN);

        // b -> c (silent 30 min) already holds at 1 h, when b is entered: it does not fire at once, which
        // would let two timers chain at one instant; at the 3 h timer it is tried first and holds.
        assertThat(r.events()).extracting(Event::to, Event::time).containsExactly(
                tuple("b", T0.plus(Duration.ofHours(1))),
                tuple("c", T0.plus(Duration.ofHours(3))));
    }
}
