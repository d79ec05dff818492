package io.watchkeeper.core.detect.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.RealTracks;
import io.watchkeeper.core.testing.RealTracks.Data;
import io.watchkeeper.core.testing.TransitionCuts;
import io.watchkeeper.core.zone.Zone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue D §2 for the pair stage, on real recordings: after a checkpoint and a restore into a fresh
 * detector, the events (and so their order and ids, which follow the grid's slots and the pairs'
 * creation order) are exactly those of an uninterrupted run.
 */
class PairCheckpointTest {

    /** The pair stage's sweep ({@link PairDetector#advanceTo}) after every 50th fix, in every run. */
    private static final int SWEEP_EVERY = 50;
    private static final int CUT_EVERY = 300;
    private static final int TRANSITION_CUTS = 12;

    private static final Data SOLENT = RealTracks.solent();
    private static final Data BOSTON = RealTracks.boston();

    /** A pair detector by name, built fresh on every call. */
    record Case(String name, Supplier<PairDetector> make) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Settings that fire within 85 minutes: encounters after 10 min within 500 m at a median below 2 kn,
     * anywhere (the Solent's slow ships are moored in Portsmouth), over after 10 min of silence; tug assists with the two local craft
     * that escort a ship into Portsmouth (see the server's TugAssistReplayTest) named as tugs.
     */
    private static final Case ENCOUNTER = new Case("encounter", () -> new EncounterDetector(new EncounterSettings(
            500.0, 600.0, Duration.ofMinutes(10), 2.0, 0.0, Duration.ofMinutes(10), 8)));
    private static final Case TUG_ASSIST = new Case("tug-assist", () -> new TugAssistDetector(
            TugAssistSettings.DEFAULTS.withTugVessels(Set.of("235070762", "235072757"))));
    /** Collision-risk warnings with their defaults: the harbour's traffic gives plenty. */
    private static final Case CPA = new Case("cpa", CpaDetector::new);

    static Stream<Arguments> casesAndData() {
        return Stream.of(ENCOUNTER, TUG_ASSIST, CPA)
                .flatMap(c -> Stream.of(Arguments.of(c, SOLENT), Arguments.of(c, BOSTON)));
    }

    /** Boston's four ships never meet: no transition to cut before there. */
    static Stream<Arguments> casesWithTransitions() {
        return Stream.of(Arguments.of(ENCOUNTER, SOLENT), Arguments.of(TUG_ASSIST, SOLENT), Arguments.of(CPA, SOLENT));
    }

    /** One pair detector over a recording, with zones from the recording's zone set. */
    private static final class Run {
        final PairDetector detector;
        final Data data;
        final List<Event> events = new ArrayList<>();

        Run(PairDetector detector, Data data) {
            this.detector = detector;
            this.data = data;
        }

        void feed(int i) {
            Fix fix = data.fixes().get(i);
            PairHarness.Ctx ctx = new PairHarness.Ctx(fix.time(), data.zones().near(fix.lat(), fix.lon()), Map.of());
            detector.accept(fix, ctx, events::add);
            if (i % SWEEP_EVERY == SWEEP_EVERY - 1) {
                detector.advanceTo(fix.time().toEpochMilli(), new PairHarness.Ctx(fix.time(), List.of(), Map.of()),
                        events::add);
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void restoringEveryFewHundredFixesGivesTheEventsOfAnUninterruptedRun(Case c, Data data) {
        List<Event> expected = uninterrupted(c, data).events;

        List<Event> resumed = new ArrayList<>();
        Run run = new Run(c.make().get(), data);
        for (int i = 0; i < data.fixes().size(); i++) {
            run.feed(i);
            if (i % CUT_EVERY == CUT_EVERY - 1) {
                resumed.addAll(run.events);
                Run next = new Run(c.make().get(), data);
                byte[] bytes = write(run.detector);
                read(next.detector, bytes, zones(data));
                assertThat(write(next.detector)).as("restored at fix %d, written again", i).isEqualTo(bytes);
                assertThat(next.detector.trackedPairs()).isEqualTo(run.detector.trackedPairs());
                assertSameGrid(((PairTracker<?>) run.detector).grid, ((PairTracker<?>) next.detector).grid);
                run = next;
            }
        }
        resumed.addAll(run.events);

        assertThat(resumed).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesWithTransitions")
    void restoringRightBeforeATransitionGivesTheSameTransition(Case c, Data data) {
        int n = data.fixes().size();
        int[] eventsAfter = new int[n];
        Run whole = new Run(c.make().get(), data);
        for (int i = 0; i < n; i++) {
            whole.feed(i);
            eventsAfter[i] = whole.events.size();
        }
        List<Integer> cuts = TransitionCuts.before(eventsAfter, TRANSITION_CUTS);
        assertThat(cuts).as("transitions to cut before").isNotEmpty();

        Map<Integer, byte[]> checkpoints = new LinkedHashMap<>();
        Run again = new Run(c.make().get(), data);
        for (int i = 0; i < n; i++) {
            again.feed(i);
            if (cuts.contains(i)) {
                checkpoints.put(i, write(again.detector));
            }
        }
        checkpoints.forEach((cut, bytes) -> {
            Run resumed = new Run(c.make().get(), data);
            read(resumed.detector, bytes, zones(data));
            for (int i = cut + 1; i < n; i++) {
                resumed.feed(i);
            }
            assertThat(resumed.events).as("resumed after fix %d", cut)
                    .containsExactlyElementsOf(whole.events.subList(eventsAfter[cut], whole.events.size()));
        });
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void aTruncatedCheckpointIsAnEofNeverAWrongState(Case c, Data data) {
        Run run = new Run(c.make().get(), data);
        for (int i = 0; i < Math.min(1_500, data.fixes().size()); i++) {
            run.feed(i);
        }
        byte[] bytes = write(run.detector);
        assertThat(run.detector.trackedVessels()).isPositive();
        // every prefix of the first kilobyte, then every 97th: each is a fresh detector's full restore
        for (int len = 0; len < bytes.length; len += len < 1024 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(bytes, len);
            PairDetector fresh = c.make().get();
            assertThatThrownBy(() -> fresh.readState(new StateIn(new ByteArrayInputStream(cut), zones(data))))
                    .as("cut to %d of %d bytes", len, bytes.length).isInstanceOf(EOFException.class);
        }
    }

    /**
     * A damaged byte is refused or, where the format cannot tell (a position is any double), read as
     * something; never a crash of another kind, a huge allocation or a corrupt grid (the grid checks
     * its slots and cell lists on restore).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void aDamagedCheckpointIsAnIoExceptionNeverACrash(Case c, Data data) {
        Run run = new Run(c.make().get(), data);
        for (int i = 0; i < Math.min(1_500, data.fixes().size()); i++) {
            run.feed(i);
        }
        byte[] bytes = write(run.detector);
        for (int at = 0; at < bytes.length; at += at < 512 ? 1 : 13) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= (byte) mask;
                PairDetector fresh = c.make().get();
                try {
                    fresh.readState(new StateIn(new ByteArrayInputStream(damaged), zones(data)));
                } catch (IOException expected) {
                    continue;
                }
                Run resumed = new Run(fresh, data);
                for (int i = 1_500; i < Math.min(1_800, data.fixes().size()); i++) {
                    resumed.feed(i); // a state that was accepted must run on
                }
            }
        }
    }

    /** The properties above mean something only if pairs start and end in the recording. */
    @Test
    void theRecordingHasStartsAndEndsOfBothKinds() {
        Run encounters = uninterrupted(ENCOUNTER, SOLENT);
        Run assists = uninterrupted(TUG_ASSIST, SOLENT);
        System.out.printf("pair state on the Solent: %d bytes for %d vessels and %d encounter pairs, %d bytes for"
                        + " %d vessels and %d tug pairs%n", write(encounters.detector).length,
                encounters.detector.trackedVessels(), encounters.detector.trackedPairs(), write(assists.detector).length,
                assists.detector.trackedVessels(), assists.detector.trackedPairs());

        assertThat(encounters.events).extracting(Event::type).contains(EncounterDetector.START, EncounterDetector.END);
        assertThat(assists.events).extracting(Event::type).contains(TugAssistDetector.START, TugAssistDetector.END);
    }

    @Test
    void onlyAFreshDetectorCanBeRestoredAndOnlyWithItsGrid() {
        Run run = uninterrupted(new Case("e", EncounterDetector::new), SOLENT);
        byte[] bytes = write(run.detector);

        assertThatThrownBy(() -> read(run.detector, bytes, zones(SOLENT))).isInstanceOf(IllegalStateException.class);
        EncounterDetector otherGrid = new EncounterDetector(new EncounterSettings(500.0, 900.0, Duration.ofHours(2),
                2.0, 10_000.0, Duration.ofHours(1), 8));
        assertThatThrownBy(() -> otherGrid.readState(new StateIn(new ByteArrayInputStream(bytes), zones(SOLENT))))
                .isInstanceOf(IOException.class).hasMessageContaining("grid");
    }

    /** Slot by slot the same vessels and fixes, and around each the same neighbours in the same order. */
    private static void assertSameGrid(SpatialGrid expected, SpatialGrid actual) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.highWater()).isEqualTo(expected.highWater());
        for (int s = 0; s < expected.highWater(); s++) {
            assertThat(actual.occupied(s)).as("slot %d taken", s).isEqualTo(expected.occupied(s));
            if (!expected.occupied(s)) {
                continue;
            }
            assertThat(actual.id(s)).isEqualTo(expected.id(s));
            assertThat(actual.slotOf(expected.id(s))).isEqualTo(s);
            assertThat(actual.fix(s)).isEqualTo(expected.fix(s));
            assertThat(actual.flags(s)).isEqualTo(expected.flags(s));
            assertThat(actual.timeMillis(s)).isEqualTo(expected.timeMillis(s));
            assertThat(actual.cellOf(actual.lat(s), actual.lon(s))).isEqualTo(expected.cellOf(expected.lat(s),
                    expected.lon(s)));
            int n = expected.near(s, expected.cellMetres());
            assertThat(actual.near(s, actual.cellMetres())).isEqualTo(n);
            assertThat(Arrays.copyOf(actual.found(), n)).as("neighbours of slot %d", s)
                    .containsExactly(Arrays.copyOf(expected.found(), n));
        }
    }

    private static Run uninterrupted(Case c, Data data) {
        Run run = new Run(c.make().get(), data);
        for (int i = 0; i < data.fixes().size(); i++) {
            run.feed(i);
        }
        return run;
    }

    private static byte[] write(PairDetector detector) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateOut out = new StateOut(bytes);
            detector.writeState(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(PairDetector detector, byte[] bytes, Function<String, @Nullable Zone> zones) {
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            detector.readState(new StateIn(in, zones));
            assertThat(in.available()).as("bytes left unread").isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Function<String, @Nullable Zone> zones(Data data) {
        Map<String, Zone> map = new HashMap<>();
        data.zones().all().forEach(z -> map.put(z.id(), z));
        return map::get;
    }
}
