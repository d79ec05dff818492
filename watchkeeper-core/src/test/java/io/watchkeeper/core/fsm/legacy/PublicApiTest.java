package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library as a user writes it: the original system's MOVING/RESTING boat machine, written
 * against the public API only. If this stops compiling, the API broke.
 */
class PublicApiTest {

    enum BoatState { MOVING, RESTING }

    enum BoatTrigger { REPORT }

    /** One position report, with the boat's previous position. */
    record Report(double x, double y, double prevX, double prevY) {
        boolean samePosition() {
            return x == prevX && y == prevY;
        }
    }

    /** Collects what a publisher attached with {@code afterAny} would send. */
    private final List<String> published = new ArrayList<>();

    private final StateMachine<BoatState, BoatTrigger, Report> boat =
            StateMachine.<BoatState, BoatTrigger, Report>builder("boat", BoatState.class, BoatTrigger.class)
                    .initial(BoatState.MOVING)
                    .transition(BoatTrigger.REPORT, BoatState.MOVING, BoatState.RESTING)
                    .when("same position", Report::samePosition).add()
                    .transition(BoatTrigger.REPORT, BoatState.RESTING, BoatState.MOVING)
                    .unless("same position", Report::samePosition).add()
                    .afterAny((t, report) -> published.add(t.to() + " at " + report.x() + "," + report.y()))
                    .ignoreInvalidTriggers(true)
                    .build();

    @Test
    void aBoatStartsMovingAndOnlyChangesOfStatePublish() {
        double[][] reports = {{0, 0}, {0, 0}, {1, 2}, {1.5, 2}, {1.5, 2}, {1.5, 2}};
        BoatState state = boat.initial();
        double prevX = 0;
        double prevY = 0;
        List<BoatState> states = new ArrayList<>();
        for (double[] r : reports) {
            Outcome<BoatState, BoatTrigger> outcome =
                    boat.fire(state, BoatTrigger.REPORT, new Report(r[0], r[1], prevX, prevY));
            state = outcome.state();
            states.add(state);
            prevX = r[0];
            prevY = r[1];
        }

        assertThat(states).containsExactly(BoatState.RESTING, BoatState.RESTING, BoatState.MOVING,
                BoatState.MOVING, BoatState.RESTING, BoatState.RESTING);
        assertThat(published).containsExactly("RESTING at 0.0,0.0", "MOVING at 1.0,2.0", "RESTING at 1.5,2.0");
    }

    @Test
    void anInstanceTracksOneBoatInEventTime() {
        Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
        MachineInstance<BoatState, BoatTrigger, Report> vessel = boat.newInstance(t0);

        Outcome<BoatState, BoatTrigger> first = vessel.fire(BoatTrigger.REPORT, new Report(0, 0, 0, 0), t0.plusSeconds(1));
        Outcome<BoatState, BoatTrigger> second = vessel.fire(BoatTrigger.REPORT, new Report(0, 0, 0, 0), t0.plusSeconds(2));

        assertThat(first.changed()).isTrue();
        assertThat(first.transition()).map(Transition::from).contains(BoatState.MOVING);
        assertThat(second.changed()).isFalse();
        assertThat(second.kind()).isEqualTo(Outcome.Kind.GUARD_FAILED);
        assertThat(vessel.state()).isEqualTo(BoatState.RESTING);
        assertThat(vessel.enteredAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(boat.canFire(BoatState.RESTING, BoatTrigger.REPORT, new Report(3, 4, 0, 0))).isTrue();
        assertThat(boat.toMermaid()).contains("RESTING --> MOVING : REPORT [!same position]");
    }
}
