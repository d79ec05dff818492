package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.OriginalBoatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Fix fix(String station, int boat, int second, double x, double y) {
        return Fix.planar(VesselId.scoped(station, Integer.toString(boat), true), station, T0.plusSeconds(second), x,
                y, null);
    }

    @Test
    void eachVesselsEventsArriveInOrderAndMatchTheOriginal() {
        Map<String, List<Event>> byVessel = new ConcurrentHashMap<>();
        List<DeadLetter> dead = new CopyOnWriteArrayList<>();
        OriginalBoatModel oracle = new OriginalBoatModel();
        Random random = new Random(7);
        double[][] pos = new double[500][2];

        try (Engine engine = Engine.start(new EngineConfig(4, 64), List.of(new BoatDetector()),
                e -> byVessel.computeIfAbsent(e.vessel().key(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(e),
                dead::add, Clock.systemUTC())) {
            for (int i = 0; i < 50_000; i++) {
                int boat = random.nextInt(pos.length);
                if (random.nextBoolean()) {
                    pos[boat][0] += random.nextInt(3) - 1;
                }
                Fix f = fix("P", boat, i, pos[boat][0], pos[boat][1]);
                oracle.report(f.vessel().key(), f.x(), f.y());
                engine.submit(f);
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(engine.stats().vessels()).isEqualTo(pos.length);
            assertThat(engine.stats().processed()).isEqualTo(50_000);
        }

        Map<String, List<OriginalBoatModel.Expected>> expected = new ConcurrentHashMap<>();
        oracle.expected().forEach(x -> expected.computeIfAbsent(x.boatKey(), k -> new ArrayList<>()).add(x));
        assertThat(byVessel.keySet()).isEqualTo(expected.keySet());
        byVessel.forEach((vessel, events) -> assertThat(events.stream()
                .map(e -> new OriginalBoatModel.Expected(vessel, e.to(), e.cause().x(), e.cause().y())).toList())
                .as(vessel).isEqualTo(expected.get(vessel)));
        assertThat(dead).isEmpty();
    }

    @Test
    void aSlowSinkPushesBackWithoutLosingAnything() {
        AtomicInteger seen = new AtomicInteger();
        try (Engine engine = Engine.start(new EngineConfig(2, 4), List.of(new BoatDetector()), e -> {
            seen.incrementAndGet();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }, d -> { }, Clock.systemUTC())) {
            // Boat k's j-th report is at x = (j + 1) / 2: 0, 1, 1, 2, 2, ... so every report is a
            // transition (resting at the origin, moving, resting, ...).
            for (int i = 0; i < 2_000; i++) {
                engine.submit(fix("P", i % 8, i, ((i / 8) + 1) / 2, 0));
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(engine.stats().backpressureWaits()).isPositive();
        }
        assertThat(seen.get()).isEqualTo(2_000);
    }

    @Test
    void aFailingDetectorDeadLettersTheFixAndKeepsTheVesselState() {
        Detector<Integer> flaky = new Detector<>() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public Integer initial(VesselId vessel) {
                return 0;
            }

            @Override
            public Step<Integer> step(Integer count, Fix fix, DetectorContext ctx) {
                if (fix.x() < 0) {
                    throw new IllegalStateException("negative x");
                }
                return Step.quiet(count + 1);
            }
        };
        EngineTestDriver driver = new EngineTestDriver(List.of(flaky, new BoatDetector()));

        driver.feed(fix("P", 1, 0, 1, 1)).feed(fix("P", 1, 1, -1, 1)).feed(fix("P", 1, 2, -1, 1));

        assertThat(driver.deadLetters()).hasSize(2)
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo(RejectReason.DETECTOR_ERROR))
                .allSatisfy(d -> assertThat(d.detail()).contains("flaky").contains("negative x"));
        assertThat(driver.state(VesselId.scoped("P", "1", true), (Class) flaky.getClass())).contains(1);
        // The other detector still saw every fix: (-1,1) twice means resting.
        assertThat(driver.events()).extracting(Event::to).containsExactly("resting");
    }

    @Test
    void submitAfterCloseIsRefused() {
        Engine engine = Engine.start(new EngineConfig(1, 8), List.of(new BoatDetector()), e -> { }, d -> { },
                Clock.systemUTC());
        engine.close();

        assertThatThrownBy(() -> engine.submit(fix("P", 1, 0, 0, 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeDrainsWhatWasSubmitted() {
        List<Event> events = new CopyOnWriteArrayList<>();
        Engine engine = Engine.start(new EngineConfig(2, 1024), List.of(new BoatDetector()), events::add, d -> { },
                Clock.systemUTC());
        for (int i = 0; i < 1000; i++) {
            engine.submit(fix("P", i, i, 0, 0)); // every new boat at (0,0) rests: one event each
        }
        engine.close();

        assertThat(events).hasSize(1000);
        assertThat(events.stream().map(e -> e.vessel().id()).sorted(Comparator.comparingInt(Integer::parseInt))
                .toList()).first().isEqualTo("0");
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> new EngineConfig(0, 10)).hasMessageContaining("workers");
        assertThatThrownBy(() -> new EngineConfig(1, 1)).hasMessageContaining("queueCapacity");
    }
}
