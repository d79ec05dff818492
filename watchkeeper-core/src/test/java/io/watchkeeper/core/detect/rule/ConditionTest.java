package io.watchkeeper.core.detect.rule;

import static io.watchkeeper.core.detect.rule.RuleFixtures.at;
import static io.watchkeeper.core.detect.rule.RuleFixtures.drift;
import static io.watchkeeper.core.detect.rule.RuleFixtures.fix;
import static io.watchkeeper.core.detect.rule.RuleFixtures.ofType;
import static io.watchkeeper.core.detect.rule.RuleFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fix condition on its own: what makes it true, and that an absent value makes it false. */
class ConditionTest {

    /** True if a one-transition machine guarded by {@code c} fires on {@code fix}. */
    private static boolean holds(Condition c, Fix fix, DetectorContext ctx) {
        RuleMachine m = RuleMachine.of("probe", List.of("no", "yes"), "no", List.of(t("no", "yes", List.of(c))));
        RuleDetector d = new RuleDetector(m);
        return !d.step(d.initial(fix.vessel()), fix, ctx).events().isEmpty();
    }

    @Test
    void speedComparesStrictlyAndUnknownSpeedIsNeither() {
        assertThat(holds(new Condition.SpeedBelow(3), fix(0, 2.9), at())).isTrue();
        assertThat(holds(new Condition.SpeedBelow(3), fix(0, 3.0), at())).isFalse();
        assertThat(holds(new Condition.SpeedAbove(3), fix(0, 3.1), at())).isTrue();
        assertThat(holds(new Condition.SpeedAbove(3), fix(0, 3.0), at())).isFalse();
        assertThat(holds(new Condition.SpeedBelow(3), fix(0, Double.NaN), at())).isFalse();
        assertThat(holds(new Condition.SpeedAbove(3), fix(0, Double.NaN), at())).isFalse();
    }

    @Test
    void shipTypeMatchesCodesRangesAndTugButNotAnUnknownVessel() {
        Condition cargo = new Condition.ShipTypeIn(List.of(new Condition.TypeRange(70, 79), Condition.TypeRange.of(52)));
        assertThat(holds(cargo, fix(0, 1), ofType(70))).isTrue();
        assertThat(holds(cargo, fix(0, 1), ofType(79))).isTrue();
        assertThat(holds(cargo, fix(0, 1), ofType(52))).isTrue();
        assertThat(holds(cargo, fix(0, 1), ofType(80))).isFalse();
        assertThat(holds(cargo, fix(0, 1), ofType(-1))).isFalse();
        assertThat(holds(cargo, fix(0, 1), at())).as("no static data yet").isFalse();
        assertThat(Condition.TypeRange.TUG).isEqualTo(new Condition.TypeRange(52, 52));
    }

    @Test
    void navStatusMatchesListedCodesOnly() {
        Condition anchoredOrMoored = new Condition.NavStatusIn(List.of(1, 5));
        assertThat(holds(anchoredOrMoored, fix(0, 0, 1), at())).isTrue();
        assertThat(holds(anchoredOrMoored, fix(0, 0, 5), at())).isTrue();
        assertThat(holds(anchoredOrMoored, fix(0, 0, 0), at())).isFalse();
        assertThat(holds(anchoredOrMoored, fix(0, 0, Fix.NO_NAV_STATUS), at())).isFalse();
    }

    @Test
    void courseHeadingDifferenceTakesTheSmallerAngleAndNeedsBoth() {
        Condition drifting = new Condition.CourseHeadingDiffAbove(40);
        assertThat(holds(drifting, drift(0, 100, 45), at())).isTrue();
        assertThat(holds(drifting, drift(0, 350, 20), at())).as("30 degrees across north").isFalse();
        assertThat(holds(drifting, drift(0, 10, 300), at())).as("70 degrees across north").isTrue();
        assertThat(holds(drifting, drift(0, Double.NaN, 45), at())).isFalse();
    }

    @Test
    void notNegatesAndDoubleNotIsTheCondition() {
        Condition slow = new Condition.SpeedBelow(3);
        assertThat(holds(new Condition.Not(slow), fix(0, 5), at())).isTrue();
        assertThat(holds(new Condition.Not(slow), fix(0, 1), at())).isFalse();
        assertThat(holds(new Condition.Not(new Condition.Not(slow)), fix(0, 1), at())).isTrue();
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Condition.SpeedBelow(-1)).hasMessageContaining("speedBelow");
        assertThatThrownBy(() -> new Condition.NavStatusIn(List.of(16))).hasMessageContaining("0..15");
        assertThatThrownBy(() -> new Condition.TypeRange(79, 70)).hasMessageContaining("79-70");
        assertThatThrownBy(() -> new Condition.TimeInState(Duration.ZERO)).hasMessageContaining("timeInState");
        assertThatThrownBy(() -> new Condition.SilentFor(Duration.ofDays(400))).hasMessageContaining("366 days");
        assertThatThrownBy(() -> new Condition.CourseHeadingDiffAbove(180)).hasMessageContaining("0..180");
    }

    @Test
    void conditionsDescribeThemselvesInTheirFileSpelling() {
        assertThat(new Condition.SpeedBelow(0.5).describe()).isEqualTo("speedBelow 0.5kn");
        assertThat(new Condition.TimeInState(Duration.ofMinutes(30)).describe()).isEqualTo("timeInState 30m");
        assertThat(new Condition.SilentFor(Duration.ofSeconds(90)).describe()).isEqualTo("silentFor 90s");
        assertThat(new Condition.Not(new Condition.InZone("gb-sou")).describe()).isEqualTo("not inZone gb-sou");
        assertThat(new Condition.ShipTypeIn(List.of(new Condition.TypeRange(70, 79), Condition.TypeRange.TUG))
                .describe()).isEqualTo("shipType 70-79,52");
    }
}
