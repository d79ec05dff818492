package io.watchkeeper.core.detect.behaviour;

import static io.watchkeeper.core.detect.behaviour.TestContext.T0;
import static io.watchkeeper.core.detect.behaviour.TestContext.fix;
import static io.watchkeeper.core.detect.behaviour.TestContext.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.behaviour.SpeedingDetector.Settings;
import io.watchkeeper.core.detect.behaviour.SpeedingDetector.State;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedingDetectorTest {

    private static final Zone HARBOUR = zone("ptm-harbour", ZoneKind.SPEED_LIMIT, 10.0);
    private static final Zone NO_LIMIT_GIVEN = zone("coast", ZoneKind.SPEED_LIMIT, Double.NaN);
    private static final Zone PORT = zone("ptm", ZoneKind.PORT, Double.NaN);

    private final Feed<State> feed = new Feed<>(new SpeedingDetector());

    @Test
    void startsAfterAMinuteAboveLimitPlusToleranceAndEndsAtTheLimit() {
        feed.fix(fix(0, 10.6), HARBOUR).fix(fix(30, 11.0), HARBOUR);
        assertThat(feed.events()).isEmpty();
        feed.fix(fix(60, 12.0), HARBOUR);

        Event start = feed.take().get(0);
        assertThat(start.type()).isEqualTo(SpeedingDetector.SPEEDING_START);
        assertThat(start.machine()).isEqualTo("speeding");
        assertThat(start.from()).isEqualTo("normal");
        assertThat(start.to()).isEqualTo("speeding");
        assertThat(start.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(start.details()).containsEntry("zoneId", "ptm-harbour").containsEntry("zoneName", "ptm-harbour name")
                .containsEntry("limitKnots", 10.0).containsEntry("sogKnots", 12.0).containsEntry("sinceSeconds", 60.0);

        feed.fix(fix(90, 13.5), HARBOUR).fix(fix(120, 10.2), HARBOUR);
        assertThat(feed.events()).isEmpty();
        feed.fix(fix(150, 10.0), HARBOUR);
        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(SpeedingDetector.SPEEDING_END);
        assertThat(end.from()).isEqualTo("speeding");
        assertThat(end.to()).isEqualTo("normal");
        assertThat(end.time()).isEqualTo(T0.plusSeconds(150));
        assertThat(end.details()).containsEntry("maxKnots", 13.5).containsEntry("durationSeconds", 150.0)
                .containsEntry("reason", "speed").containsEntry("zoneId", "ptm-harbour");
    }

    @Test
    void withinTheToleranceIsNotSpeeding() {
        for (int s = 0; s < 600; s += 10) {
            feed.fix(fix(s, 10.5), HARBOUR);
        }
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state()).isSameAs(State.INITIAL);
    }

    @Test
    void onlyInsideASpeedLimitZone() {
        for (int s = 0; s < 600; s += 10) {
            feed.fix(fix(s, 25.0), PORT);
            feed.fix(fix(s + 5, 25.0));
        }
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void aZoneWithoutALimitUsesTheDefaultFiveKnots() {
        feed.fix(fix(0, 5.6), NO_LIMIT_GIVEN).fix(fix(60, 5.6), NO_LIMIT_GIVEN);
        assertThat(feed.events()).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("limitKnots", 5.0).containsEntry("zoneId", "coast"));
    }

    @Test
    void theStrictestOfNestedZonesCountsAndLeavingItEndsSpeeding() {
        Zone narrows = zone("narrows", ZoneKind.SPEED_LIMIT, 6.0);
        feed.fix(fix(0, 8.0), HARBOUR, narrows).fix(fix(60, 8.0), HARBOUR, narrows);
        assertThat(feed.take()).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("zoneId", "narrows"));

        feed.fix(fix(90, 12.0), HARBOUR);
        List<Event> events = feed.take();
        assertThat(events).extracting(Event::type).containsExactly(SpeedingDetector.SPEEDING_END);
        assertThat(events.get(0).details()).containsEntry("reason", "zone").containsEntry("zoneId", "narrows");
        assertThat(feed.state().zoneId()).isEqualTo("ptm-harbour");
        assertThat(feed.state().speeding()).isFalse();

        feed.fix(fix(150, 11.0), HARBOUR);
        assertThat(feed.take()).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("zoneId", "ptm-harbour").containsEntry("sinceSeconds", 60.0));
    }

    @Test
    void aDipBelowTheThresholdOrALongSilenceRestartsThePendingRun() {
        feed.fix(fix(0, 12), HARBOUR).fix(fix(30, 10.4), HARBOUR).fix(fix(60, 12), HARBOUR);
        assertThat(feed.events()).isEmpty();
        feed.fix(fix(400, 12), HARBOUR);
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state().sinceMillis()).isEqualTo(T0.plusSeconds(400).toEpochMilli());
        feed.fix(fix(460, 12), HARBOUR);
        assertThat(feed.events()).hasSize(1);
    }

    @Test
    void theStateKeepsTheZonesOwnIdString() {
        feed.fix(fix(0, 12), HARBOUR);
        assertThat(feed.state().zoneId()).isSameAs(HARBOUR.id());
    }

    @Test
    void theCommonPathKeepsTheSameStateInstance() {
        feed.fix(fix(0, 12), HARBOUR).fix(fix(60, 13), HARBOUR);
        State speeding = feed.state();
        feed.fix(fix(70, 12.5), HARBOUR).fix(fix(80, 11), HARBOUR);
        assertThat(feed.state()).isSameAs(speeding);
    }

    @Test
    void lateDuplicateAndIncompleteFixesAreIgnored() {
        Fix first = fix(10, 12);
        feed.fix(first, HARBOUR);
        State pending = feed.state();
        feed.fix(first, HARBOUR).fix(fix(5, 3), HARBOUR).fix(fix(20, Double.NaN), HARBOUR);
        feed.fix(Fix.geo(TestContext.VESSEL, "solent", T0.plusSeconds(30), 91, 181, 3, 0, 0, -1, null), HARBOUR);
        assertThat(feed.state()).isSameAs(pending);
    }

    @Test
    void theSameInputGivesTheSameEvents() {
        assertThat(run()).isEqualTo(run()).hasSize(4);
    }

    private static List<Event> run() {
        Feed<State> f = new Feed<>(new SpeedingDetector());
        for (int s = 0; s < 1800; s += 10) {
            boolean fast = s >= 100 && s < 400 || s >= 1000 && s < 1300;
            f.fix(fix(s, fast ? 14.0 : 8.0), HARBOUR);
        }
        return f.events();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Settings(0, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultLimitKnots");
        assertThatThrownBy(() -> new Settings(5, -0.1, Duration.ofMinutes(1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toleranceKnots");
        assertThatThrownBy(() -> new Settings(5, 0.5, Duration.ofMinutes(-1), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDuration");
    }
}
