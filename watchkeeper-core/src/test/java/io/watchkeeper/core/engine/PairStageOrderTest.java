package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair stage in submit order: a place that must still come after a refused submit, and a barrier whose take fails. */
class PairStageOrderTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Fix fix(String v, int s) {
        return Fix.geo(VesselId.of(v), "S", T0.plusSeconds(s), 50, 1, 5, 90, 90, 0, null);
    }

    static DetectionSetup setup(RecordingPair r) {
        return DetectionSetup.of(List.of()).withPairDetectors(List.of(r)).withMaxAhead(null);
    }

    /** A submit that throws must not leave its place empty, or the pair stage would wait for it forever. */
    @Test
    void aRefusedSubmitLeavesNoHole() {
        RecordingPair r = new RecordingPair();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (Engine engine = Engine.start(new EngineConfig(2, 1024), setup(r), e -> { }, d -> { }, clock)) {
            assertThatThrownBy(() -> engine.submit(null)).isInstanceOf(NullPointerException.class);
            engine.submit(fix("A", 1));
            engine.submit(fix("B", 2));
            assertThat(engine.awaitIdle(Duration.ofSeconds(2))).as("idle after two good fixes").isTrue();
            assertThat(r.seen).containsExactly("A@" + (T0.getEpochSecond() + 1), "B@" + (T0.getEpochSecond() + 2));
        }
    }

    /**
     * The last partition's copy of a barrier arrives after a fix behind the cut; taking the barrier throws
     * (a pair detector that cannot be checkpointed). The barrier fails and the fix behind it is taken.
     */
    @Test
    void aFailedBarrierTakeFailsTheBarrierAndGoesOn() {
        RecordingPair r = new RecordingPair();
        PairStage stage = new PairStage(setup(r), e -> { }, d -> { }, Clock.fixed(T0, ZoneOffset.UTC));
        Barrier b = new Barrier(true, 2, true, 0, List.of(), 1);
        stage.process(new Sequenced(0, fix("A", 1)));
        stage.barrier(b);                                  // partition 0 passed it
        stage.process(new Sequenced(1, fix("A", 2)));      // partition 0's next fix: after the cut, waits
        try {
            stage.barrier(b);                              // partition 1 passed it: take fails
        } catch (UnsupportedOperationException e) {
            b.fail(e);                                     // what Worker.handle does for a barrier
        }
        assertThat(b.future()).isCompletedExceptionally();
        assertThat(r.seen).as("fix 1 is ready: every place before it taken, barrier gone").hasSize(2);
    }

    /** A barrier taken on the arrival of a fix (not of the barrier) whose take fails is failed too, not left open. */
    @Test
    void aBarrierTakenOnAFixArrivalThatFailsIsSettled() {
        RecordingPair r = new RecordingPair();
        PairStage stage = new PairStage(setup(r), e -> { }, d -> { }, Clock.fixed(T0, ZoneOffset.UTC));
        Barrier b = new Barrier(true, 1, true, 0, List.of(), 1);
        stage.barrier(b);                                  // place 0 not here yet: held
        try {
            stage.process(new Sequenced(0, fix("A", 1)));  // Worker would count this as a fix failure
        } catch (RuntimeException expected) {
            // Worker.handle(Sequenced) swallows it without failing the barrier
        }
        assertThat(b.future()).as("checkpoint future settled").isDone();
    }
}
