package io.watchkeeper.core.detect.behaviour;

import static io.watchkeeper.core.detect.behaviour.TestContext.T0;
import static io.watchkeeper.core.detect.behaviour.TestContext.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.behaviour.SpeedChangeDetector.Settings;
import io.watchkeeper.core.detect.behaviour.SpeedChangeDetector.Nothing;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Place;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedChangeDetectorTest {

    private final Feed<Place<Nothing>> feed = new Feed<>(new SpeedChangeDetector());

    @Test
    void moreThanFiveKnotsWithinAMinuteIsSudden() {
        feed.fix(fix(0, 12.0)).fix(fix(30, 6.5));

        Event event = feed.events().get(0);
        assertThat(event.type()).isEqualTo(SpeedChangeDetector.SPEED_CHANGE);
        assertThat(event.machine()).isEqualTo("speed-change");
        assertThat(event.from()).isEqualTo("steady");
        assertThat(event.to()).isEqualTo("decelerating");
        assertThat(event.time()).isEqualTo(T0.plusSeconds(30));
        assertThat(event.details()).containsEntry("fromKnots", 12.0).containsEntry("toKnots", 6.5)
                .containsEntry("deltaKnots", -5.5).containsEntry("seconds", 30.0);

        feed.fix(fix(90, 12.0));
        assertThat(feed.events()).extracting(Event::to).containsExactly("decelerating", "accelerating");
    }

    /** accelerating/decelerating last no time: each event leaves steady, with or without a sweep between. */
    @Test
    void everySuddenChangeLeavesSteady() {
        SpeedChangeDetector detector = new SpeedChangeDetector();
        Feed<Place<Nothing>> f = new Feed<>(detector);
        f.fix(fix(0, 12.0)).fix(fix(30, 6.5));
        assertThat(detector.stateName(f.state().state())).isEqualTo("decelerating");
        assertThat(detector.wakeAtMillis(f.state())).isEqualTo(T0.plusSeconds(30).toEpochMilli());

        f.sweep(T0.plusSeconds(30).toEpochMilli());
        assertThat(detector.stateName(f.state().state())).isEqualTo("steady");
        f.fix(fix(60, 12.0)).fix(fix(90, 4.0));

        assertThat(f.events()).extracting(Event::from).containsOnly("steady");
        assertThat(f.events()).extracting(Event::to).containsExactly("decelerating", "accelerating", "decelerating");
    }

    @Test
    void fiveKnotsExactlyOrSpreadOverFixesIsNot() {
        feed.fix(fix(0, 2.0)).fix(fix(10, 7.0)).fix(fix(20, 10.0)).fix(fix(30, 14.0));
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void acrossAGapLongerThanTheIntervalNothing() {
        feed.fix(fix(0, 0.0)).fix(fix(60.001, 15.0));
        assertThat(feed.events()).isEmpty();
        feed.fix(fix(120, 0.0));
        assertThat(feed.events()).hasSize(1);
    }

    @Test
    void aFixWithoutSogIsSkippedAndTheIntervalRunsFromTheLastOneWithIt() {
        feed.fix(fix(0, 10.0)).fix(fix(30, Double.NaN));
        Place<Nothing> afterFirst = feed.state();
        assertThat(afterFirst.lastFixMillis()).isEqualTo(T0.toEpochMilli());

        feed.fix(fix(50, 3.0));
        assertThat(feed.take()).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("seconds", 50.0));

        feed.fix(fix(80, Double.NaN)).fix(fix(140, 12.0));
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void theFirstFixIsNeverSudden() {
        feed.fix(fix(0, 30.0));
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void lateAndDuplicateFixesAreIgnored() {
        Fix second = fix(10, 10.0);
        feed.fix(fix(0, 10.0)).fix(second);
        Place<Nothing> state = feed.state();
        feed.fix(second).fix(fix(5, 0.0));
        assertThat(feed.state()).isSameAs(state);
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameEvents() {
        assertThat(run()).isEqualTo(run()).hasSize(2);
    }

    private static List<Event> run() {
        Feed<Place<Nothing>> f = new Feed<>(new SpeedChangeDetector(new Settings(5.0, Duration.ofSeconds(60))));
        double[] knots = {0, 0.2, 7, 7.5, 8, 8, 1, 1, 1};
        for (int i = 0; i < knots.length; i++) {
            f.fix(fix(i * 15, knots[i]));
        }
        return f.events();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Settings(0, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minChangeKnots");
        assertThatThrownBy(() -> new Settings(5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInterval");
    }
}
