package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.gap.GapDetector;
import io.watchkeeper.core.detect.gap.GapSettings;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bounded engine state: silent vessels forgotten without losing a timer, quotas per station and on stations. */
class EngineBoundsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final GapSettings GAP_10_MIN = new GapSettings(Duration.ofMinutes(10), Duration.ofMinutes(10));

    private static Fix fix(String vessel, String site, Instant t) {
        return Fix.geo(VesselId.of(vessel), site, t, 50.0 + (t.getEpochSecond() % 600) / 1e4, 1.0, 5, 90, 90, 0, null);
    }

    private static DetectionSetup setup(StateLimits limits) {
        return DetectionSetup.of(List.<Detector<?>>of(new GapDetector(GAP_10_MIN))).withSweepEvery(Duration.ofMinutes(1))
                .withWallClockFallback(false).withLimits(limits);
    }

    private static StateLimits evictAfter(Duration d) {
        return new StateLimits(d, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** B reports every 30 s from {@code from} to {@code to} (seconds after T0), keeping station S's time moving. */
    private static List<Fix> keeper(int from, int to) {
        List<Fix> out = new ArrayList<>();
        for (int t = from; t <= to; t += 30) {
            out.add(fix("B", "S", T0.plusSeconds(t)));
        }
        return out;
    }

    @Test
    void aSilentVesselIsForgottenOnlyOnceItsTimerHasFired() {
        EngineTestDriver d = new EngineTestDriver(setup(evictAfter(Duration.ofMinutes(1))), T0);
        d.feed(fix("A", "S", T0));
        d.feedAll(keeper(30, 5 * 60));
        assertThat(d.vesselCount()).as("A silent 5 min, its 10-minute gap timer pending: kept").isEqualTo(2);

        d.feedAll(keeper(5 * 60 + 30, 12 * 60));
        assertThat(d.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(GapDetector.GAP_START);
            assertThat(e.vessel()).isEqualTo(VesselId.of("A"));
        });
        assertThat(d.vesselCount()).as("the timer fired, nothing left to wait for: forgotten").isEqualTo(1);
        assertThat(d.counters().evicted()).isEqualTo(1);
        assertThat(d.state(VesselId.of("A"), GapDetector.class)).isEmpty();
    }

    @Test
    void forgettingVesselsThatDoNotComeBackChangesNoEvent() {
        List<Fix> fixes = randomFleet(new Random(7), 300, 3 * 3600);
        EngineTestDriver unbounded = new EngineTestDriver(setup(StateLimits.NONE), T0).feedAll(fixes);
        EngineTestDriver bounded = new EngineTestDriver(setup(evictAfter(Duration.ofMinutes(20))), T0).feedAll(fixes);

        assertThat(bounded.counters().evicted()).as("vessels forgotten").isGreaterThan(200);
        assertThat(bounded.vesselCount()).isLessThan(unbounded.vesselCount() - 200);
        assertThat(unbounded.events()).hasSizeGreaterThan(200);
        // Within one sweep, timers fire in the vessel table's order, which its size may change: compare as sets.
        assertThat(bounded.events()).containsExactlyInAnyOrderElementsOf(unbounded.events());
    }

    /** Each vessel reports every 10..60 s from a random start until a random end, and is never heard again. */
    private static List<Fix> randomFleet(Random random, int vessels, int seconds) {
        List<Fix> out = new ArrayList<>(keeper(0, seconds));
        for (int v = 0; v < vessels; v++) {
            int start = random.nextInt(seconds / 2);
            int end = start + random.nextInt(seconds / 2);
            for (int t = start; t <= end; t += 10 + random.nextInt(51)) {
                out.add(fix("V" + v, "S", T0.plusSeconds(t)));
            }
        }
        out.sort(Comparator.comparing(Fix::time));
        return out;
    }

    @Test
    void aForgottenVesselIsNotInTheNextCheckpoint_andAnOldCheckpointStillResumes() throws Exception {
        DetectionSetup setup = setup(evictAfter(Duration.ofMinutes(5)));
        ManualClock clock = new ManualClock(T0);
        List<Event> uninterrupted = Collections.synchronizedList(new ArrayList<>());
        EngineSnapshot old;
        EngineSnapshot late;
        // One worker: A's timer needs B's fixes to move their partition's event time (no wall-clock fallback here).
        try (Engine engine = Engine.start(new EngineConfig(1, 256), setup, uninterrupted::add, x -> { }, clock)) {
            engine.submit(fix("A", "S", T0));
            keeper(30, 4 * 60).forEach(engine::submit);
            old = roundTrip(engine.barrier(true).get(10, TimeUnit.SECONDS), setup);
            keeper(4 * 60 + 30, 20 * 60).forEach(engine::submit);
            late = roundTrip(engine.barrier(true).get(10, TimeUnit.SECONDS), setup);
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.stats().evicted()).isEqualTo(1);
        }
        assertThat(old.vessels()).extracting(EngineSnapshot.VesselRecord::vessel)
                .containsExactlyInAnyOrder(VesselId.of("A"), VesselId.of("B"));
        assertThat(late.vessels()).extracting(EngineSnapshot.VesselRecord::vessel).containsExactly(VesselId.of("B"));

        List<Event> resumed = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.start(new EngineConfig(1, 256), setup, resumed::add, x -> { }, clock, old)) {
            keeper(4 * 60 + 30, 20 * 60).forEach(engine::submit);
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.stats().evicted()).as("A, restored from the old checkpoint, forgotten again").isEqualTo(1);
            assertThat(engine.stats().vessels()).isEqualTo(1);
        }
        assertThat(resumed).extracting(Event::eventId).containsExactlyElementsOf(
                uninterrupted.stream().map(Event::eventId).toList());
    }

    private static EngineSnapshot roundTrip(EngineSnapshot s, DetectionSetup setup) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(s, setup, bytes);
        return SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()), setup);
    }

    @Test
    void newVesselsBeyondAStationsQuotaAreDeadLetters_othersGoOn() {
        EngineTestDriver d = new EngineTestDriver(setup(new StateLimits(Duration.ofMinutes(5), 3, 100, Integer.MAX_VALUE)), T0);
        for (int v = 0; v < 5; v++) {
            d.feed(fix("P" + v, "PORT1", T0));
        }
        d.feed(fix("Q0", "PORT2", T0));
        d.feed(fix("P0", "PORT1", T0.plusSeconds(30)));

        assertThat(d.vesselCount()).isEqualTo(4);
        assertThat(d.deadLetters()).hasSize(2).allSatisfy(l -> {
            assertThat(l.reason()).isEqualTo(RejectReason.STATION_QUOTA);
            assertThat(l.source()).isEqualTo("PORT1");
            assertThat(l.detail()).contains("quota of 3 vessels");
        });
        assertThat(d.deadLetters()).extracting(DeadLetter::payload).anySatisfy(p -> assertThat(p).contains("P3"));

        // P1 and P2 fall silent; once their gaps fired and 5 more minutes passed, PORT1 has room again.
        for (int t = 60; t <= 16 * 60; t += 30) {
            d.feed(fix("P0", "PORT1", T0.plusSeconds(t)));
        }
        d.feed(fix("P3", "PORT1", T0.plusSeconds(16 * 60 + 10)));
        assertThat(d.state(VesselId.of("P3"), GapDetector.class)).isPresent();
        assertThat(d.deadLetters()).hasSize(2);
    }

    @Test
    void newStationsBeyondTheLimitAreDeadLetters() {
        EngineTestDriver d = new EngineTestDriver(setup(new StateLimits(Duration.ZERO, 100, 2, Integer.MAX_VALUE)), T0);
        d.feed(fix("A", "S1", T0));
        d.feed(fix("B", "S2", T0));
        d.feed(fix("C", "S3", T0));
        d.feed(fix("A", "S3", T0.plusSeconds(1)));

        assertThat(d.vesselCount()).isEqualTo(2);
        assertThat(d.deadLetters()).hasSize(2).allSatisfy(l -> {
            assertThat(l.reason()).isEqualTo(RejectReason.STATION_QUOTA);
            assertThat(l.detail()).contains("keeps 2 stations");
        });
    }

    @Test
    void theQuotaHoldsAcrossWorkers() {
        List<DeadLetter> letters = Collections.synchronizedList(new ArrayList<>());
        DetectionSetup setup = setup(new StateLimits(Duration.ZERO, 100, 10, Integer.MAX_VALUE));
        try (Engine engine = Engine.start(new EngineConfig(4, 256), setup, e -> { }, letters::add,
                new ManualClock(T0))) {
            for (int v = 0; v < 1_000; v++) {
                engine.submit(fix("V" + v, "ONE", T0));
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.stats().vessels()).isEqualTo(100);
        }
        assertThat(letters).hasSize(900).allMatch(l -> l.reason() == RejectReason.STATION_QUOTA);
    }

    @Test
    void theEnginesVesselLimitHoldsOverEveryStationAndWorker() {
        // Made-up station names cannot multiply the per-station quota: 50 stations of 100 vessels each
        // against a limit of 1,000 vessels in all.
        List<DeadLetter> letters = Collections.synchronizedList(new ArrayList<>());
        DetectionSetup setup = setup(new StateLimits(Duration.ZERO, 100, 1_000, 1_000));
        try (Engine engine = Engine.start(new EngineConfig(4, 256), setup, e -> { }, letters::add,
                new ManualClock(T0))) {
            for (int s = 0; s < 50; s++) {
                for (int v = 0; v < 100; v++) {
                    engine.submit(fix("S" + s + "V" + v, "S" + s, T0));
                }
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(engine.stats().vessels()).isEqualTo(1_000);
        }
        assertThat(letters).hasSize(4_000).allSatisfy(l -> {
            assertThat(l.reason()).isEqualTo(RejectReason.STATION_QUOTA);
            assertThat(l.detail()).contains("limit of 1000 vessels over all stations");
        });
    }
}
