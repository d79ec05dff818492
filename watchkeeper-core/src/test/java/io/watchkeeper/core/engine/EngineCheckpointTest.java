package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's side of checkpointing: barriers cut consistently, and a restored engine goes on exactly. */
class EngineCheckpointTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Emits a PARITY event on every fifth fix of a vessel: lose or repeat a fix's effect and the ids move. */
    record Count(long fixes) {
    }

    static final class EveryFifth implements Detector<Count> {
        private final String name;

        EveryFifth(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Count initial(VesselId vessel) {
            return new Count(0);
        }

        @Override
        public Step<Count> step(Count state, Fix fix, DetectorContext ctx) {
            Count next = new Count(state.fixes() + 1);
            if (next.fixes() % 5 != 0) {
                return Step.quiet(next);
            }
            return Step.of(next, Event.transition("PARITY", name, Long.toString(state.fixes()),
                    Long.toString(next.fixes()), fix, ctx.wallClock(), Map.of()));
        }

        @Override
        public StateCodec<Count> codec() {
            return new StateCodec<>() {
                @Override
                public void write(Count state, StateOut out) throws IOException {
                out.writeLong(state.fixes());
                }

                @Override
                public Count read(StateIn in, VesselId vessel) throws IOException {
                return new Count(in.readLong());
                }
            };
        }
    }

    private static List<Fix> track(int n, long seed) {
        Random random = new Random(seed);
        List<Fix> fixes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int boat = random.nextInt(200);
            fixes.add(Fix.planar(VesselId.scoped("P", Integer.toString(boat), true), "P", T0.plusSeconds(i),
                    random.nextInt(100), random.nextInt(100), null));
        }
        return fixes;
    }

    /** Every event id per vessel, in the order that vessel's events came. */
    private static Map<String, List<String>> run(Engine engine, List<Fix> fixes, List<Event> sink) {
        fixes.forEach(engine::submit);
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        return idsByVessel(sink);
    }

    private static Map<String, List<String>> idsByVessel(List<Event> sink) {
        Map<String, List<String>> byVessel = new TreeMap<>();
        synchronized (sink) {
            for (Event e : sink) {
                byVessel.computeIfAbsent(e.vessel().key(), k -> new ArrayList<>()).add(e.eventId());
            }
        }
        return byVessel;
    }

    @Test
    void anEngineRestoredFromABarrierGoesOnAsIfNeverStopped() throws Exception {
        List<Fix> fixes = track(20_000, 11);
        List<Fix> before = fixes.subList(0, 8_321);
        List<Fix> after = fixes.subList(8_321, fixes.size());
        DetectionSetup setup = DetectionSetup.of(List.of(new EveryFifth("a"), new EveryFifth("b")));

        List<Event> uninterrupted = Collections.synchronizedList(new ArrayList<>());
        byte[] checkpoint;
        try (Engine engine = Engine.start(new EngineConfig(3, 64), setup, uninterrupted::add, d -> { },
                Clock.systemUTC())) {
            before.forEach(engine::submit);
            EngineSnapshot snapshot = engine.barrier(true).get(30, TimeUnit.SECONDS);
            int eventsAtCut = uninterrupted.size();
            assertThat(eventsAtCut).as("every event of the fixes before the barrier was handed on")
                    .isEqualTo(2 * expectedEvents(before));
            assertThat(snapshot.vessels()).hasSize(200);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SnapshotCodec.write(snapshot, setup, bytes);
            checkpoint = bytes.toByteArray();
            uninterrupted.clear();
            run(engine, after, uninterrupted);
        }

        EngineSnapshot restored = SnapshotCodec.read(new ByteArrayInputStream(checkpoint), setup);
        List<Event> resumed = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.start(new EngineConfig(2, 64), setup, resumed::add, d -> { }, Clock.systemUTC(),
                restored)) {
            Map<String, List<String>> got = run(engine, after, resumed);
            assertThat(got).isEqualTo(idsByVessel(uninterrupted));
            assertThat(resumed).hasSize(uninterrupted.size()).isNotEmpty();
        }
    }

    private static int expectedEvents(List<Fix> fixes) {
        Map<VesselId, Integer> counts = new java.util.HashMap<>();
        int events = 0;
        for (Fix f : fixes) {
            if (counts.merge(f.vessel(), 1, Integer::sum) % 5 == 0) {
                events++;
            }
        }
        return events;
    }

    @Test
    void aRedeliveredFixBeforeTheCheckpointIsARepeatNotANewReport() throws Exception {
        List<Fix> fixes = track(1_000, 3);
        DetectionSetup setup = DetectionSetup.of(List.of(new EveryFifth("a")));
        EngineSnapshot snapshot;
        try (Engine engine = Engine.start(new EngineConfig(2, 64), setup, e -> { }, d -> { }, Clock.systemUTC())) {
            fixes.forEach(engine::submit);
            snapshot = engine.barrier(true).get(30, TimeUnit.SECONDS);
        }
        List<Event> out = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.start(new EngineConfig(2, 64), setup, out::add, d -> { }, Clock.systemUTC(),
                snapshot)) {
            fixes.subList(900, 1_000).forEach(engine::submit); // the broker resends what it never saw acknowledged
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(out).isEmpty();
            assertThat(engine.stats().outOfOrder() + engine.stats().duplicates()).isEqualTo(100);
        }
    }

    @Test
    void aCheckpointSurvivesADetectorAddedOrRemoved() throws Exception {
        DetectionSetup old = DetectionSetup.of(List.of(new EveryFifth("a"), new EveryFifth("gone")));
        EngineSnapshot snapshot;
        try (Engine engine = Engine.start(new EngineConfig(1, 64), old, e -> { }, d -> { }, Clock.systemUTC())) {
            track(3, 5).forEach(engine::submit);
            snapshot = engine.barrier(true).get(30, TimeUnit.SECONDS);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(snapshot, old, bytes);
        DetectionSetup now = DetectionSetup.of(List.of(new EveryFifth("new"), new EveryFifth("a")));
        EngineSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()), now);
        assertThat(read.detectorNames()).containsExactly("new", "a");
        for (EngineSnapshot.VesselRecord r : read.vessels()) {
            assertThat(r.states()[0]).isEqualTo(new Count(0));
            assertThat(((Count) r.states()[1]).fixes()).isPositive();
        }
    }

    @Test
    void aTruncatedOrAlteredCheckpointIsRefusedNotHalfBelieved() throws Exception {
        DetectionSetup setup = DetectionSetup.of(List.of(new EveryFifth("a")));
        EngineSnapshot snapshot;
        try (Engine engine = Engine.start(new EngineConfig(1, 64), setup, e -> { }, d -> { }, Clock.systemUTC())) {
            track(500, 9).forEach(engine::submit);
            snapshot = engine.barrier(true).get(30, TimeUnit.SECONDS);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(snapshot, setup, bytes);
        byte[] whole = bytes.toByteArray();
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 3)),
                setup)).isInstanceOf(IOException.class);
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x10;
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(flipped), setup))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}), setup))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Watchkeeper checkpoint");
    }
}
