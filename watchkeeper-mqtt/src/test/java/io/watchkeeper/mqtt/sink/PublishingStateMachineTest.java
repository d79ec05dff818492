package io.watchkeeper.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.BoatTrack;
import io.watchkeeper.core.detect.boat.BoatState;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishingStateMachineTest {

    @Test
    void everyChangeOfStateIsHandedOnInTheOriginalShapeAndNothingElse() {
        List<Event> published = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
        PublishingStateMachine<Place<BoatTrack>> machine =
                PublishingStateMachine.attach(new BoatDetector(), published::add, clock);
        Place<BoatTrack> boat = machine.initial(VesselId.scoped("PORT1", "3", true));

        boat = machine.step(boat, fixAt(0, 0, 0)); // same as start: resting
        boat = machine.step(boat, fixAt(0, 0, 1)); // no change, no event
        boat = machine.step(boat, fixAt(1, 0, 2)); // moving

        assertThat(published).extracting(Event::from, Event::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("moving", "resting"),
                        org.assertj.core.groups.Tuple.tuple("resting", "moving"));
        assertThat(published).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(Event.STATE_TRANSITION);
            assertThat(e.machine()).isEqualTo("boat");
            assertThat(e.site()).isEqualTo("PORT1");
            assertThat(e.detectedAt()).isEqualTo(clock.instant());
        });
        assertThat(BoatDetector.stateOf(boat)).isEqualTo(BoatState.MOVING);
    }

    private static Fix fixAt(double x, double y, int second) {
        return Fix.planar(VesselId.scoped("PORT1", "3", true), "PORT1", Instant.ofEpochSecond(1_500_000_000L + second),
                x, y, null);
    }
}
