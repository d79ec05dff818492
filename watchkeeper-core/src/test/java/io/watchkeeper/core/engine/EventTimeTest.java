package io.watchkeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event time in the engine: order per vessel, timers on per-source watermarks, the wall-clock fallback. */
class EventTimeTest {

    private static final Instant T0 = Instant.parse("2024-03-01T23:59:00Z");

    /** Counts fixes; wants a wake-up 10 minutes after each one and then says SILENT at the due time. */
    record Silence(long lastMillis, int seen, boolean silent, Fix last) {
    }

    static final class SilenceDetector implements Detector<Silence> {
        @Override
        public String name() {
            return "silence";
        }

        @Override
        public Silence initial(VesselId vessel) {
            return new Silence(Long.MIN_VALUE, 0, false, null);
        }

        @Override
        public Step<Silence> step(Silence s, Fix fix, DetectorContext ctx) {
            return Step.quiet(new Silence(fix.time().toEpochMilli(), s.seen() + 1, false, fix));
        }

        @Override
        public long wakeAtMillis(Silence s) {
            return s.silent() || s.last() == null ? NO_TIMER : s.lastMillis() + 600_000;
        }

        @Override
        public Step<Silence> onTime(Silence s, VesselId vessel, long nowMillis, DetectorContext ctx) {
            Instant due = Instant.ofEpochMilli(s.lastMillis() + 600_000);
            Event e = Event.at("SILENT", name(), "heard", "silent", s.last(), due, ctx.wallClock(), Map.of(), "");
            return Step.of(new Silence(s.lastMillis(), s.seen(), true, s.last()), e);
        }
    }

    private static Fix fix(String vessel, String site, Instant t, double lat) {
        return Fix.geo(VesselId.of(vessel), site, t, lat, 1.0, 5, 90, 90, 0, null);
    }

    private static DetectionSetup setup(boolean fallback) {
        return DetectionSetup.of(List.of(new SilenceDetector())).withSweepEvery(Duration.ofMinutes(1))
                .withWallClockFallback(fallback);
    }

    @Test
    void olderAndRepeatedFixesAreCountedAndSkipped() {
        EngineTestDriver d = new EngineTestDriver(setup(false), T0);
        d.feed(fix("A", "S", T0, 50.0));
        d.feed(fix("A", "S", T0, 50.0));                       // redelivery
        d.feed(fix("A", "S", T0.minusSeconds(5), 50.1));       // late
        d.feed(fix("A", "S", T0, 50.2));                       // same second, new position: kept
        d.feed(fix("A", "S", T0.plusSeconds(1), 50.3));

        assertThat(d.state(VesselId.of("A"), SilenceDetector.class)).get()
                .extracting(Silence::seen).isEqualTo(3);
        StageCounters c = d.counters();
        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(c.outOfOrder()).isEqualTo(1);
        assertThat(c.processed()).isEqualTo(5);
    }

    @Test
    void timerFiresAtItsDueTimeOnceTheSourceWatermarkPassesIt() {
        EngineTestDriver d = new EngineTestDriver(setup(false), T0);
        d.feed(fix("A", "S", T0, 50.0));                        // due at T0+10 min
        for (int m = 1; m <= 9; m++) {
            d.feed(fix("B", "S", T0.plus(Duration.ofMinutes(m)), 51.0 + m));
        }
        assertThat(d.events()).isEmpty();
        d.feed(fix("B", "S", T0.plus(Duration.ofMinutes(12)), 52.0)); // watermark passes A's due time

        assertThat(d.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("SILENT");
            assertThat(e.vessel()).isEqualTo(VesselId.of("A"));
            assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(10))); // crosses midnight, not the sweep time
        });
    }

    @Test
    void anotherSourcesTimeNeverTimesOutAVessel() {
        EngineTestDriver d = new EngineTestDriver(setup(false), T0);
        d.feed(fix("A", "OLD", T0, 50.0));
        d.feed(fix("B", "NEW", T0.plus(Duration.ofDays(3)), 51.0));
        d.feed(fix("B", "NEW", T0.plus(Duration.ofDays(3)).plusSeconds(120), 51.1));
        assertThat(d.events()).isEmpty();
    }

    @Test
    void withoutFallbackAQuietFeedStaysPut_withItWallTimeCarriesItOn() {
        EngineTestDriver replay = new EngineTestDriver(setup(false), T0);
        replay.feed(fix("A", "S", T0, 50.0));
        replay.advanceWallClock(Duration.ofMinutes(11)).tick();
        assertThat(replay.events()).isEmpty();

        EngineTestDriver live = new EngineTestDriver(setup(true), T0);
        live.feed(fix("A", "S", T0, 50.0));
        live.advanceWallClock(Duration.ofMinutes(9)).tick();
        assertThat(live.events()).isEmpty();
        live.advanceWallClock(Duration.ofMinutes(2)).tick();
        assertThat(live.events()).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aWallClockSetForwardFiresNoTimer_elapsedTimeStillDoes() {
        RecordingPair pairs = new RecordingPair();
        List<Long> pairAdvances = pairs.advances;
        EngineTestDriver live = new EngineTestDriver(setup(true).withPairDetectors(List.of(pairs)), T0);
        live.feed(fix("A", "S", T0, 50.0));

        live.jumpWallClock(Duration.ofHours(7)).tick();
        assertThat(live.events()).as("the system clock set 7 h forward").isEmpty();
        assertThat(pairAdvances).as("the pair stage's time after the jump").allMatch(t -> t < T0.plusSeconds(60).toEpochMilli());

        live.advanceWallClock(Duration.ofMinutes(11)).tick();
        assertThat(live.events()).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
        assertThat(pairAdvances).last().isEqualTo(T0.plus(Duration.ofMinutes(11)).toEpochMilli());
    }

    @Test
    void pairDetectorsSeeAcceptedGeoFixesOnlyAndAdvanceOnSweeps() {
        RecordingPair recorder = new RecordingPair();
        List<String> seen = recorder.seen;
        List<Long> advances = recorder.advances;
        EngineTestDriver d = new EngineTestDriver(setup(false).withPairDetectors(List.of(recorder)), T0);
        d.feed(fix("A", "S", T0, 50.0));
        d.feed(fix("A", "S", T0, 50.0));
        d.feed(Fix.planar(VesselId.of("P"), "S", T0, 1, 2, null));
        d.feed(fix("A", "S", T0.plusSeconds(90), 50.5));

        assertThat(seen).containsExactly("A@" + T0.getEpochSecond(), "A@" + (T0.getEpochSecond() + 90));
        assertThat(advances).containsExactly(T0.plusSeconds(90).toEpochMilli());
    }

    @Test
    void timersDueAtOneInstantAllFireInDetectorOrderWithTheirOwnTimes() {
        DetectionSetup two = DetectionSetup.of(List.of(new SilenceDetector(),
                        new io.watchkeeper.core.detect.gap.GapDetector(new io.watchkeeper.core.detect.gap.GapSettings(
                                Duration.ofMinutes(10), Duration.ofMinutes(10)))))
                .withSweepEvery(Duration.ofMinutes(1)).withWallClockFallback(false);
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            EngineTestDriver d = new EngineTestDriver(two, T0);
            d.feed(fix("A", "S", T0, 50.0)).feed(fix("B", "S", T0, 51.0));
            d.feed(fix("C", "S", T0.plus(Duration.ofMinutes(11)), 52.0));
            List<Event> events = d.events();
            assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
            // per vessel, the detectors in their order: SILENT then GAP_START
            assertThat(events.stream().filter(e -> e.vessel().key().equals("A")).map(Event::type))
                    .containsExactly("SILENT", "GAP_START");
            runs.add(events.stream().map(Event::eventId).toList().toString());
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void aFixFromTheFutureIsADeadLetterAndMovesNoWatermark() {
        EngineTestDriver d = new EngineTestDriver(setup(true).withMaxAhead(Duration.ofHours(1)), T0);
        d.feed(fix("A", "S", T0, 50.0));
        d.feed(fix("B", "S", T0.plus(Duration.ofDays(400)), 51.0)); // a receiver with a wrong clock

        assertThat(d.deadLetters()).singleElement().satisfies(dl -> {
            assertThat(dl.reason()).isEqualTo(io.watchkeeper.core.deadletter.RejectReason.FROM_FUTURE);
            assertThat(dl.detail()).contains("ahead of the clock");
        });
        assertThat(d.events()).as("A's 10-minute timer did not fire").isEmpty();
        assertThat(d.vesselCount()).isEqualTo(1);
        d.feed(fix("B", "S", T0.plus(Duration.ofMinutes(30)), 51.0)); // within the hour: accepted
        assertThat(d.vesselCount()).isEqualTo(2);
        d.feed(fix("C", "S", Instant.MAX, 52.0)); // no overflow on the way to the dead letter
        assertThat(d.deadLetters()).hasSize(2);
    }
}
