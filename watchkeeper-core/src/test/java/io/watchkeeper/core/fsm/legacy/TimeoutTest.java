package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeouts are data checked as event time advances: no timer, no clock, no sleep. */
class TimeoutTest {

    enum S { UNDERWAY, SILENT, LOST }

    enum T { REPORT, GAP, LONG_GAP }

    /** Whether the vessel is known to be in port, where a long silence is expected. */
    record Ctx(boolean inPort) {}

    private static final Ctx AT_SEA = new Ctx(false);
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static final StateMachine<S, T, Ctx> M = StateMachine.<S, T, Ctx>builder("gap", S.class, T.class)
            .initial(S.UNDERWAY)
            .transition(T.REPORT, S.UNDERWAY, S.UNDERWAY).add()
            .transition(T.REPORT, S.SILENT, S.UNDERWAY).add()
            .transition(T.REPORT, S.LOST, S.UNDERWAY).add()
            .transition(T.GAP, S.UNDERWAY, S.SILENT).add()
            .transition(T.LONG_GAP, S.SILENT, S.LOST).unless("in port", Ctx::inPort).add()
            .timeout(S.UNDERWAY, Duration.ofHours(1), T.GAP)
            .timeout(S.SILENT, Duration.ofHours(5), T.LONG_GAP)
            .historySize(8)
            .build();

    @Test
    void timeoutsAreExposedAsData() {
        assertThat(M.timeout(S.UNDERWAY)).contains(new TimeoutDef<>(S.UNDERWAY, Duration.ofHours(1), T.GAP));
        assertThat(M.timeout(S.LOST)).isEmpty();
    }

    @Test
    void nothingFiresBeforeTheTimeoutIsDue() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        assertThat(vessel.advanceTo(T0.plus(Duration.ofHours(1)).minusMillis(1), AT_SEA)).isEmpty();
        assertThat(vessel.state()).isEqualTo(S.UNDERWAY);
        assertThat(vessel.advanceTo(T0.minusSeconds(60), AT_SEA)).as("event time going back").isEmpty();
    }

    @Test
    void timeoutFiresExactlyWhenDueAndEntersAtTheDueTime() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        List<Outcome<S, T>> fired = vessel.advanceTo(T0.plus(Duration.ofMinutes(90)), AT_SEA);

        assertThat(fired).extracting(Outcome::kind).containsExactly(Outcome.Kind.FIRED);
        assertThat(fired.get(0).transition()).contains(new Transition<>(S.UNDERWAY, S.SILENT, T.GAP, false));
        assertThat(vessel.state()).isEqualTo(S.SILENT);
        assertThat(vessel.enteredAt()).as("due time, not the advance time").isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void chainedTimeoutsFireInOneAdvanceAtTheirOwnDueTimes() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        List<Outcome<S, T>> fired = vessel.advanceTo(T0.plus(Duration.ofHours(7)), AT_SEA);

        assertThat(fired).extracting(Outcome::state).containsExactly(S.SILENT, S.LOST);
        assertThat(vessel.enteredAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(vessel.history()).containsExactly(
                new HistoryEntry<>(S.UNDERWAY, S.SILENT, T.GAP, T0.plus(Duration.ofHours(1))),
                new HistoryEntry<>(S.SILENT, S.LOST, T.LONG_GAP, T0.plus(Duration.ofHours(6))));
    }

    @Test
    void aChainStopsAtTheFirstTimeoutNotYetDue() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        assertThat(vessel.advanceTo(T0.plus(Duration.ofHours(3)), AT_SEA)).hasSize(1);
        assertThat(vessel.state()).isEqualTo(S.SILENT);
        assertThat(vessel.advanceTo(T0.plus(Duration.ofHours(6)), AT_SEA)).hasSize(1);
        assertThat(vessel.state()).isEqualTo(S.LOST);
    }

    @Test
    void aReflexiveReportRestartsTheClock() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        vessel.fire(T.REPORT, AT_SEA, T0.plus(Duration.ofMinutes(50)));
        assertThat(vessel.advanceTo(T0.plus(Duration.ofMinutes(100)), AT_SEA)).isEmpty();
        assertThat(vessel.advanceTo(T0.plus(Duration.ofMinutes(110)), AT_SEA)).hasSize(1);
    }

    @Test
    void aGuardedTimeoutThatFailsLeavesTheStateAndReportsIt() {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        List<Outcome<S, T>> fired = vessel.advanceTo(T0.plus(Duration.ofHours(24)), new Ctx(true));

        assertThat(fired).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.FIRED, Outcome.Kind.GUARD_FAILED);
        assertThat(vessel.state()).isEqualTo(S.SILENT);
        assertThat(vessel.enteredAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    enum Beat { ALIVE }

    enum Tick { BEAT }

    @Test
    void aReflexiveTimeoutIsBoundedToStatesSizeStepsPerAdvance() {
        StateMachine<Beat, Tick, Void> heartbeat = StateMachine.<Beat, Tick, Void>builder("beat", Beat.class, Tick.class)
                .initial(Beat.ALIVE)
                .transition(Tick.BEAT, Beat.ALIVE, Beat.ALIVE).add()
                .timeout(Beat.ALIVE, Duration.ofMinutes(1), Tick.BEAT)
                .build();
        MachineInstance<Beat, Tick, Void> vessel = heartbeat.newInstance(T0);

        assertThat(vessel.advanceTo(T0.plus(Duration.ofMinutes(10)), null)).hasSize(1);
        assertThat(vessel.enteredAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(vessel.advanceTo(T0.plus(Duration.ofMinutes(10)), null)).hasSize(1);
        assertThat(vessel.enteredAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }
}
