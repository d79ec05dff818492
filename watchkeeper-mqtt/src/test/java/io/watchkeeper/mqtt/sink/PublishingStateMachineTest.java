package io.watchkeeper.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.BoatReport;
import io.watchkeeper.core.detect.boat.BoatState;
import io.watchkeeper.core.detect.boat.BoatTrigger;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.MachineInstance;
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
        PublishingStateMachine<BoatState, BoatTrigger, BoatReport> machine =
                PublishingStateMachine.attach(BoatDetector.MACHINE, published::add, r -> fixAt(r.x(), r.y()), clock);
        MachineInstance<BoatState, BoatTrigger, BoatReport> boat = machine.newInstance(Instant.EPOCH);

        machine.fire(boat, BoatTrigger.REPORT, new BoatReport(0, 0, 0, 0)); // same as start: resting
        machine.fire(boat, BoatTrigger.REPORT, new BoatReport(0, 0, 0, 0)); // no change, no event
        machine.fire(boat, BoatTrigger.REPORT, new BoatReport(1, 0, 0, 0)); // moving

        assertThat(published).extracting(Event::from, Event::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("moving", "resting"),
                        org.assertj.core.groups.Tuple.tuple("resting", "moving"));
        assertThat(published).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(Event.STATE_TRANSITION);
            assertThat(e.machine()).isEqualTo("boat");
            assertThat(e.site()).isEqualTo("PORT1");
            assertThat(e.detectedAt()).isEqualTo(clock.instant());
        });
        assertThat(boat.state()).isEqualTo(BoatState.MOVING);
    }

    private static Fix fixAt(double x, double y) {
        return Fix.planar(VesselId.scoped("PORT1", "3", true), "PORT1", Instant.ofEpochSecond(1_500_000_000L), x, y,
                null);
    }
}
