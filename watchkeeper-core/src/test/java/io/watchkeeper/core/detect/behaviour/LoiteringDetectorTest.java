package io.watchkeeper.core.detect.behaviour;

import static io.watchkeeper.core.detect.behaviour.TestContext.T0;
import static io.watchkeeper.core.detect.behaviour.TestContext.fix;
import static io.watchkeeper.core.detect.behaviour.TestContext.millis;
import static io.watchkeeper.core.detect.behaviour.TestContext.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector.Phase;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector.Settings;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector.Slow;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoiteringDetectorTest {

    private static final double HOUR = 3600;
    private static final Instant DUE = T0.plus(Duration.ofHours(2));

    private final LoiteringDetector detector = new LoiteringDetector();
    private final Feed<Place<Slow>> feed = new Feed<>(detector);

    /** Slow every 10 minutes from t=0 up to and including {@code lastSeconds}. */
    private void slowUntil(double lastSeconds) {
        for (double s = 0; s <= lastSeconds; s += 600) {
            feed.fix(fix(s, 1.0));
        }
    }

    @Test
    void startsAtTheDueTimeFromTheTimerAndEndsOnAFastFix() {
        slowUntil(HOUR);
        assertThat(feed.events()).isEmpty();
        assertThat(detector.wakeAtMillis(feed.state())).isEqualTo(DUE.toEpochMilli());

        feed.sweep(DUE.toEpochMilli() + 30_000);
        Event start = feed.take().get(0);
        assertThat(start.type()).isEqualTo(LoiteringDetector.LOITERING_START);
        assertThat(start.machine()).isEqualTo("loitering");
        assertThat(start.from()).isEqualTo("normal");
        assertThat(start.to()).isEqualTo("loitering");
        assertThat(start.time()).isEqualTo(DUE);
        assertThat(start.detectedAt()).isEqualTo(TestContext.WALL);
        assertThat(start.cause().time()).isEqualTo(T0);
        assertThat(start.details()).containsEntry("durationSeconds", 7200.0).containsEntry("startLat", 50.75)
                .containsEntry("startLon", -1.10);
        assertThat(detector.wakeAtMillis(feed.state())).isEqualTo(Detector.NO_TIMER);

        feed.fix(fix(3 * HOUR, 8.0));
        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(LoiteringDetector.LOITERING_END);
        assertThat(end.from()).isEqualTo("loitering");
        assertThat(end.to()).isEqualTo("normal");
        assertThat(end.time()).isEqualTo(T0.plusSeconds(10_800));
        assertThat(end.details()).containsEntry("durationSeconds", 10_800.0).containsEntry("reason", "speed");
        assertThat(LoiteringDetector.phaseOf(feed.state())).isEqualTo(Phase.NORMAL);
    }

    @Test
    void aFixReachingTheDueTimeGivesTheSameEventAsTheTimer() {
        slowUntil(HOUR);
        feed.sweep(DUE.toEpochMilli());
        Event byTimer = feed.take().get(0);

        Feed<Place<Slow>> other = new Feed<>(new LoiteringDetector());
        for (double s = 0; s <= 2 * HOUR; s += 600) {
            other.fix(fix(s, 1.0));
        }
        assertThat(other.events()).containsExactly(byTimer);
        assertThat(other.events().get(0).time()).isEqualTo(DUE);
    }

    @Test
    void aFastFixAfterASilencePastTheDueTimeStartsThenEnds() {
        slowUntil(600);
        feed.fix(fix(3 * HOUR, 9.0));

        assertThat(feed.events()).extracting(Event::type)
                .containsExactly(LoiteringDetector.LOITERING_START, LoiteringDetector.LOITERING_END);
        assertThat(feed.events()).extracting(Event::time).containsExactly(DUE, T0.plusSeconds(10_800));
    }

    /** A fix at exactly the due time is read after the timer, whether the sweep or the fix fired it. */
    @Test
    void aFastFixAtTheDueTimeEndsLoiteringWhoeverFiredTheTimer() {
        slowUntil(HOUR);
        feed.sweep(DUE.toEpochMilli());
        feed.fix(fix(2 * HOUR, 9.0));

        Feed<Place<Slow>> other = new Feed<>(new LoiteringDetector());
        for (double s = 0; s <= HOUR; s += 600) {
            other.fix(fix(s, 1.0));
        }
        other.fix(fix(2 * HOUR, 9.0));

        assertThat(feed.events()).extracting(Event::type)
                .containsExactly(LoiteringDetector.LOITERING_START, LoiteringDetector.LOITERING_END);
        assertThat(other.events()).isEqualTo(feed.events());
    }

    @Test
    void aSweepBeforeTheDueTimeDoesNothing() {
        slowUntil(HOUR);
        Place<Slow> before = feed.state();
        feed.sweep(DUE.toEpochMilli() - 1);
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state()).isSameAs(before);
    }

    @Test
    void aFastFixBeforeTheDueTimeCancelsTheSlowPeriod() {
        slowUntil(HOUR);
        feed.fix(fix(1.5 * HOUR, 3.5));
        feed.sweep(DUE.toEpochMilli() + 1);
        feed.fix(fix(2.5 * HOUR, 10));

        assertThat(feed.events()).isEmpty();
        assertThat(detector.wakeAtMillis(feed.state())).isEqualTo(Detector.NO_TIMER);
    }

    @Test
    void theHysteresisBandNeitherStartsNorEndsASlowPeriod() {
        feed.fix(fix(0, 2.5));
        assertThat(LoiteringDetector.phaseOf(feed.state())).isEqualTo(Phase.NORMAL);

        feed.fix(fix(600, 1.9)).fix(fix(1200, 2.9)).fix(fix(1800, 3.0));
        assertThat(LoiteringDetector.phaseOf(feed.state())).isEqualTo(Phase.SLOW);
        assertThat(LoiteringDetector.sinceMillis(feed.state())).isEqualTo(millis(600));

        feed.sweep(millis(600 + 2 * HOUR));
        feed.fix(fix(3 * HOUR, 2.9));
        assertThat(feed.take()).extracting(Event::type).containsExactly(LoiteringDetector.LOITERING_START);
        feed.fix(fix(3.5 * HOUR, 3.01));
        assertThat(feed.take()).extracting(Event::type).containsExactly(LoiteringDetector.LOITERING_END);
    }

    @Test
    void slowInAPortOrAnchorageIsNotLoitering() {
        Zone port = zone("gb-ptm", ZoneKind.PORT, Double.NaN);
        Zone anchorage = zone("spithead", ZoneKind.ANCHORAGE, Double.NaN);
        for (double s = 0; s <= 4 * HOUR; s += 600) {
            feed.fix(fix(s, 0.1), s < 2 * HOUR ? port : anchorage);
        }
        feed.sweep(millis(5 * HOUR));

        assertThat(feed.events()).isEmpty();
        assertThat(feed.state()).isSameAs(detector.initial(TestContext.VESSEL));
    }

    @Test
    void aSpeedLimitZoneDoesNotDisqualify() {
        Zone limit = zone("solent-10kn", ZoneKind.SPEED_LIMIT, 10);
        feed.fix(fix(0, 0.5), limit);
        feed.sweep(DUE.toEpochMilli());
        assertThat(feed.events()).extracting(Event::type).containsExactly(LoiteringDetector.LOITERING_START);
    }

    @Test
    void enteringAPortEndsLoiteringEvenWhenSlow() {
        slowUntil(2 * HOUR);
        feed.take();
        feed.fix(fix(2.5 * HOUR, 1.0), zone("gb-ptm", ZoneKind.BERTH, Double.NaN));

        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(LoiteringDetector.LOITERING_END);
        assertThat(end.details()).containsEntry("reason", "port").containsEntry("zoneId", "gb-ptm")
                .containsEntry("durationSeconds", 9000.0);
    }

    @Test
    void enteringAPortBeforeTheDueTimeCancels() {
        slowUntil(HOUR);
        feed.fix(fix(1.2 * HOUR, 0.3), zone("gb-ptm", ZoneKind.PORT, Double.NaN));
        feed.sweep(DUE.toEpochMilli());
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void theCommonPathKeepsTheSameStateInstance() {
        feed.fix(fix(0, 12));
        assertThat(feed.state()).isSameAs(detector.initial(TestContext.VESSEL));

        feed.fix(fix(10, 1.0));
        Place<Slow> slow = feed.state();
        feed.fix(fix(20, 1.2)).fix(fix(30, 2.5));
        assertThat(feed.state()).isSameAs(slow);
    }

    @Test
    void lateDuplicateAndIncompleteFixesAreIgnored() {
        Fix first = fix(600, 1.0);
        feed.fix(first);
        Place<Slow> slow = feed.state();

        feed.fix(first).fix(fix(300, 12)).fix(fix(1200, Double.NaN));
        feed.fix(Fix.geo(TestContext.VESSEL, "solent", T0.plusSeconds(1300), Double.NaN, Double.NaN, 15, 0, 0, -1,
                null));
        assertThat(feed.state()).isSameAs(slow);
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameEvents() {
        assertThat(run()).isEqualTo(run()).hasSize(4);
    }

    private static List<Event> run() {
        Feed<Place<Slow>> f = new Feed<>(new LoiteringDetector(new Settings(2.0, 3.0, Duration.ofMinutes(30))));
        for (double s = 0; s <= 4 * HOUR; s += 300) {
            f.fix(fix(s, s < HOUR || s >= 2 * HOUR && s < 3 * HOUR ? 0.8 : 7.0));
        }
        return f.events();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Settings(2.0, 1.0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exitSpeedKnots");
        assertThatThrownBy(() -> new Settings(0, 1.0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSpeedKnots");
        assertThatThrownBy(() -> new Settings(2.0, 3.0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDuration");
    }
}
