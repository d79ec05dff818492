package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Timers across a restore (found by review): the engine's own sweeps must fire a restored vessel's
 * timer exactly where the uninterrupted engine does, and the time the engine was down must not count
 * as event time.
 */
class EngineRestoreTimersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Fires once when a vessel has been silent for 60 s of event time; counts the firings. */
    record Silent(long lastMillis, boolean fired) {
    }

    static final class Silence implements Detector<Silent> {
        final AtomicInteger fired = new AtomicInteger();

        @Override
        public String name() {
            return "silence";
        }

        @Override
        public Silent initial(VesselId vessel) {
            return new Silent(Long.MIN_VALUE, false);
        }

        @Override
        public Step<Silent> step(Silent state, Fix fix, DetectorContext ctx) {
            return Step.quiet(new Silent(fix.time().toEpochMilli(), false));
        }

        @Override
        public long wakeAtMillis(Silent s) {
            return s.fired() || s.lastMillis() == Long.MIN_VALUE ? NO_TIMER : s.lastMillis() + 60_000;
        }

        @Override
        public Step<Silent> onTime(Silent s, VesselId vessel, long nowMillis, DetectorContext ctx) {
            fired.incrementAndGet();
            return Step.quiet(new Silent(s.lastMillis(), true));
        }

        @Override
        public StateCodec<Silent> codec() {
            return new StateCodec<>() {
                @Override
                public void write(Silent s, StateOut out) throws IOException {
                out.writeLong(s.lastMillis());
                out.writeBoolean(s.fired());
                }

                @Override
                public Silent read(StateIn in, VesselId vessel) throws IOException {
                return new Silent(in.readLong(), in.readBoolean());
                }
            };
        }
    }

    private static Fix fix(String boat, int second) {
        return Fix.planar(VesselId.scoped("P", boat, true), "P", T0.plusSeconds(second), second, 0, null);
    }

    private static EngineSnapshot roundTrip(EngineSnapshot s, DetectionSetup setup) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(s, setup, bytes);
        return SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()), setup);
    }

    /** Vessel A's timer is due at t=60; B keeps the source moving; A speaks again at t=70; the cut is at t=50. */
    private int sweepRun(boolean restore) throws Exception {
        Silence silence = new Silence();
        DetectionSetup setup = DetectionSetup.of(List.of(silence)).withWallClockFallback(false)
                .withSweepEvery(Duration.ofSeconds(30));
        List<Fix> before = List.of(fix("A", 0), fix("B", 10), fix("B", 20), fix("B", 30), fix("B", 40), fix("B", 50));
        List<Fix> after = List.of(fix("B", 60), fix("A", 70), fix("B", 80), fix("B", 90), fix("B", 100));
        EngineSnapshot cut;
        try (Engine engine = Engine.start(new EngineConfig(1, 64), setup, e -> { }, d -> { }, Clock.systemUTC())) {
            before.forEach(engine::submit);
            cut = roundTrip(engine.barrier(true).get(10, TimeUnit.SECONDS), setup);
            if (!restore) {
                silence.fired.set(0);
                after.forEach(engine::submit);
                assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
                return silence.fired.get();
            }
        }
        silence.fired.set(0);
        try (Engine engine = Engine.start(new EngineConfig(1, 64), setup, e -> { }, d -> { }, Clock.systemUTC(), cut)) {
            after.forEach(engine::submit);
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            return silence.fired.get();
        }
    }

    @Test
    void aRestoredEngineSweepsWhereTheUninterruptedOneDid() throws Exception {
        int uninterrupted = sweepRun(false);
        assertThat(uninterrupted).as("the case has a timer to fire").isEqualTo(1);
        assertThat(sweepRun(true)).isEqualTo(uninterrupted);
    }

    @Test
    void theTimeAnEngineWasDownIsNotEventTime() throws Exception {
        Silence silence = new Silence();
        DetectionSetup setup = DetectionSetup.of(List.of(silence)).withWallClockFallback(true);
        ManualClock clock = new ManualClock(T0);
        EngineSnapshot cut;
        try (Engine engine = Engine.start(new EngineConfig(1, 64), setup, e -> { }, d -> { }, clock)) {
            engine.submit(fix("A", 0));
            cut = roundTrip(engine.barrier(true).get(10, TimeUnit.SECONDS), setup);
        }
        clock.set(T0.plus(Duration.ofMinutes(10))); // down ten minutes; the reports of A wait at the broker
        try (Engine engine = Engine.start(new EngineConfig(1, 64), setup, e -> { }, d -> { }, clock, cut)) {
            Thread.sleep(1_500); // idle ticks, as while the subscriber connects
            for (int t = 30; t <= 600; t += 30) {
                engine.submit(fix("A", t));
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(silence.fired.get()).as("A reported every 30 s: it was never silent for a minute").isZero();
    }
}
