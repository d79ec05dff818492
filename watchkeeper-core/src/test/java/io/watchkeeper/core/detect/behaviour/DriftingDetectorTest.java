package io.watchkeeper.core.detect.behaviour;

import static io.watchkeeper.core.detect.behaviour.TestContext.T0;
import static io.watchkeeper.core.detect.behaviour.TestContext.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.behaviour.DriftingDetector.Settings;
import io.watchkeeper.core.detect.behaviour.DriftingDetector.Streak;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Place;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftingDetectorTest {

    private final DriftingDetector detector = new DriftingDetector();
    private final Feed<Place<Streak>> feed = new Feed<>(detector);

    /** Heading 000, COG {@code cog}, 4 kn: the angle is min(cog, 360 - cog). */
    private static Fix course(double seconds, double cog) {
        return fix(seconds, 4.0, cog, 0.0);
    }

    @Test
    void startsAfterThreeFixesOverAMinuteAndEndsTheSameWay() {
        feed.fix(course(0, 10)).fix(course(20, 60)).fix(course(40, 300)).fix(course(60, 55));
        assertThat(feed.events()).isEmpty();

        feed.fix(course(80, 50));
        Event start = feed.take().get(0);
        assertThat(start.type()).isEqualTo(DriftingDetector.DRIFTING_START);
        assertThat(start.machine()).isEqualTo("drifting");
        assertThat(start.from()).isEqualTo("normal");
        assertThat(start.to()).isEqualTo("drifting");
        assertThat(start.time()).isEqualTo(T0.plusSeconds(80));
        assertThat(start.details()).containsEntry("angleDegrees", 50.0).containsEntry("sogKnots", 4.0)
                .containsEntry("cogDegrees", 50.0).containsEntry("headingDegrees", 0.0);

        feed.fix(course(100, 5)).fix(course(120, 0)).fix(course(140, 359));
        assertThat(feed.events()).isEmpty();
        feed.fix(course(160, 10));
        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(DriftingDetector.DRIFTING_END);
        assertThat(end.from()).isEqualTo("drifting");
        assertThat(end.to()).isEqualTo("normal");
        assertThat(end.time()).isEqualTo(T0.plusSeconds(160));
        assertThat(end.details()).containsEntry("durationSeconds", 80.0).containsEntry("angleDegrees", 10.0);
    }

    @Test
    void oneNoisyHeadingIsNotDrifting() {
        for (int s = 0; s < 600; s += 10) {
            feed.fix(s == 300 ? fix(s, 6.0, 180.0, 135.0) : fix(s, 6.0, 180.0, 178.0));
        }
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state().data().count()).isZero();
    }

    @Test
    void exactlyFortyDegreesIsNotDrifting() {
        for (int s = 0; s < 300; s += 10) {
            feed.fix(course(s, 40.0));
        }
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state()).isSameAs(detector.initial(TestContext.VESSEL));
    }

    @Test
    void aStoppedVesselIsNotDriftingAndStoppingEndsDrifting() {
        for (int s = 0; s < 300; s += 10) {
            feed.fix(fix(s, 0.4, 270.0, 0.0));
        }
        assertThat(feed.events()).isEmpty();

        for (int s = 300; s < 400; s += 10) {
            feed.fix(fix(s, 3.0, 90.0, 0.0));
        }
        assertThat(feed.take()).extracting(Event::type).containsExactly(DriftingDetector.DRIFTING_START);
        for (int s = 400; s < 500; s += 10) {
            feed.fix(fix(s, 0.1, Double.NaN, 0.0));
        }
        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(DriftingDetector.DRIFTING_END);
        assertThat(end.details()).containsEntry("sogKnots", 0.1).doesNotContainKey("angleDegrees");
    }

    @Test
    void fixesWithoutHeadingCogOrSogChangeNothing() {
        feed.fix(course(0, 90)).fix(course(20, 90));
        Place<Streak> counting = feed.state();
        feed.fix(fix(30, 4.0, 90.0, Double.NaN)).fix(fix(35, 4.0, Double.NaN, 0.0)).fix(fix(38, Double.NaN, 90, 0));
        assertThat(feed.state()).isSameAs(counting);

        feed.fix(course(60, 90));
        assertThat(feed.events()).extracting(Event::type).containsExactly(DriftingDetector.DRIFTING_START);
    }

    @Test
    void aLongSilenceRestartsTheCount() {
        feed.fix(course(0, 90)).fix(course(30, 90)).fix(course(600, 90));
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state().data().count()).isEqualTo(1);
        feed.fix(course(630, 90)).fix(course(660, 90));
        assertThat(feed.events()).hasSize(1);
    }

    @Test
    void lateAndDuplicateFixesAreIgnored() {
        Fix second = course(20, 90);
        feed.fix(course(0, 90)).fix(second);
        Place<Streak> counting = feed.state();
        feed.fix(second).fix(course(10, 90)).fix(second);
        assertThat(feed.state()).isSameAs(counting);
        assertThat(feed.state().data().count()).isEqualTo(2);
    }

    @Test
    void theSameInputGivesTheSameEvents() {
        assertThat(run()).isEqualTo(run()).hasSize(4);
    }

    private static List<Event> run() {
        Feed<Place<Streak>> f = new Feed<>(new DriftingDetector());
        for (int s = 0; s < 2400; s += 10) {
            boolean drift = s >= 300 && s < 900 || s >= 1500 && s < 2000;
            f.fix(fix(s, 5.0, drift ? 250.0 : 181.0, 180.0));
        }
        return f.events();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Settings(180, 2.7, 3, Duration.ofMinutes(1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minAngleDegrees");
        assertThatThrownBy(() -> new Settings(40, 2.7, 0, Duration.ofMinutes(1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minFixes");
        assertThatThrownBy(() -> new Settings(40, -1, 3, Duration.ofMinutes(1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSpeedKnots");
        assertThatThrownBy(() -> new Settings(40, 2.7, 3, Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFixGap");
    }
}
