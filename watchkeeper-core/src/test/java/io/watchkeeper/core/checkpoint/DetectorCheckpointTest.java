package io.watchkeeper.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.checkpoint.DetectorCases.Case;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.RealTracks;
import io.watchkeeper.core.testing.RealTracks.Data;
import io.watchkeeper.core.testing.TransitionCuts;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue D §2 for per-vessel detectors, on real recordings: after a checkpoint and a restore into a
 * fresh detector, the events are exactly those of a run that was never interrupted (type, vessel,
 * time, details, id, cause: {@link Event#equals}), so a restart loses no transition and invents none.
 */
class DetectorCheckpointTest {

    /** The engine sweeps every vessel's timers now and then; here after every 50th fix, in both runs. */
    private static final int SWEEP_EVERY = 50;
    /** A checkpoint every few hundred fixes. */
    private static final int CUT_EVERY = 300;
    /** How many transitions get a restore right before them. */
    private static final int TRANSITION_CUTS = 12;

    private static final Data SOLENT = RealTracks.solent();
    private static final Data BOSTON = RealTracks.boston();

    static Stream<Arguments> casesAndData() {
        return DetectorCases.all().stream().flatMap(c -> Stream.of(Arguments.of(c, SOLENT), Arguments.of(c, BOSTON)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void everyStateOfARealRunReadsBackEqual(Case c, Data data) {
        VesselRun<?> run = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i < data.fixes().size(); i++) {
            feed(run, data.fixes(), i);
            if (i % CUT_EVERY == CUT_EVERY - 1 || i == data.fixes().size() - 1) {
                assertEveryStateReadsBack(run, c.make().get(), data);
            }
        }
    }

    private static <S> void assertEveryStateReadsBack(VesselRun<S> run, Detector<?> freshDetector, Data data) {
        @SuppressWarnings("unchecked") Detector<S> fresh = (Detector<S>) freshDetector;
        run.states().forEach((vessel, state) -> {
            byte[] bytes = VesselRun.write(run.detector(), state);
            S back = VesselRun.read(fresh, bytes, vessel, VesselRun.byId(data.zones()));
            assertThat(back).as("%s of %s", run.detector().name(), vessel).isEqualTo(state);
            assertThat(VesselRun.write(fresh, back)).as("written again").isEqualTo(bytes);
        });
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void restoringEveryFewHundredFixesGivesTheEventsOfAnUninterruptedRun(Case c, Data data) {
        List<Event> expected = uninterrupted(c, data).events();

        List<Event> resumed = new ArrayList<>();
        VesselRun<?> run = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i < data.fixes().size(); i++) {
            feed(run, data.fixes(), i);
            if (i % CUT_EVERY == CUT_EVERY - 1) {
                resumed.addAll(run.events());
                run = restore(c, data, run.checkpoint());
            }
        }
        resumed.addAll(run.events());

        assertThat(resumed).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void restoringRightBeforeATransitionGivesTheSameTransition(Case c, Data data) {
        List<Fix> fixes = data.fixes();
        int[] eventsAfter = new int[fixes.size()];
        VesselRun<?> whole = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i < fixes.size(); i++) {
            feed(whole, fixes, i);
            eventsAfter[i] = whole.events().size();
        }
        List<Integer> cuts = TransitionCuts.before(eventsAfter, TRANSITION_CUTS);

        Map<Integer, Map<VesselId, byte[]>> checkpoints = new LinkedHashMap<>();
        VesselRun<?> again = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i < fixes.size(); i++) {
            feed(again, fixes, i);
            if (cuts.contains(i)) {
                checkpoints.put(i, again.checkpoint());
            }
        }
        checkpoints.forEach((cut, checkpoint) -> {
            VesselRun<?> resumed = restore(c, data, checkpoint);
            for (int i = cut + 1; i < fixes.size(); i++) {
                feed(resumed, fixes, i);
            }
            List<Event> after = whole.events().subList(eventsAfter[cut], whole.events().size());
            assertThat(resumed.events()).as("resumed after fix %d", cut).containsExactlyElementsOf(after);
        });
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void aTruncatedStateIsAnEofNeverAWrongState(Case c, Data data) {
        VesselRun<?> run = uninterrupted(c, data);
        Detector<?> fresh = c.make().get();
        for (Map.Entry<VesselId, byte[]> e : run.checkpoint().entrySet()) {
            byte[] bytes = e.getValue();
            for (int n = 0; n < bytes.length; n++) {
                byte[] cut = Arrays.copyOf(bytes, n);
                assertThatThrownBy(() -> Detector.codecOf(fresh).read(new StateIn(new ByteArrayInputStream(cut),
                        VesselRun.byId(data.zones())), e.getKey()))
                        .as("%s of %s cut to %d of %d bytes", fresh.name(), e.getKey(), n, bytes.length)
                        .isInstanceOf(EOFException.class);
            }
        }
    }

    /**
     * A damaged byte is refused with an IOException or, where the format cannot tell (a speed is any
     * double), read as some valid state; never another exception, which the engine would not expect.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesAndData")
    void aDamagedStateIsAnIoExceptionOrAStateThatRunsOn(Case c, Data data) {
        VesselRun<?> run = uninterrupted(c, data);
        Map<VesselId, Fix> lastFix = new LinkedHashMap<>();
        data.fixes().forEach(f -> lastFix.put(f.vessel(), f));
        for (Map.Entry<VesselId, byte[]> e : run.checkpoint().entrySet()) {
            for (int at = 0; at < e.getValue().length; at++) {
                for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] damaged = e.getValue().clone();
                    damaged[at] ^= (byte) mask;
                    runOnIfAccepted(c.make().get(), damaged, lastFix.get(e.getKey()), data);
                }
            }
        }
    }

    /** Reads a damaged state; if it is accepted, the vessel's next fix and a day's timers must run on it. */
    private static <S> void runOnIfAccepted(Detector<S> fresh, byte[] damaged, Fix last, Data data) {
        VesselId vessel = last.vessel();
        S state;
        try {
            state = Detector.codecOf(fresh).read(new StateIn(new ByteArrayInputStream(damaged), VesselRun.byId(data.zones())),
                    vessel);
        } catch (IOException refused) {
            return; // the engine starts this vessel afresh
        }
        Fix next = new Fix(vessel, last.site(), last.time().plusSeconds(60), last.x(), last.y(), last.lat(),
                last.lon(), 0.1, last.cogDegrees(), last.headingDegrees(), last.navStatus(), last.positionJson());
        VesselRun<S> run = VesselRun.restore(fresh, data.zones(), Map.of());
        run.states().put(vessel, state);
        run.fix(next);
        run.sweep(next.time().plusSeconds(86_400));
        run.fix(new Fix(vessel, last.site(), next.time().plusSeconds(86_460), last.x(), last.y(), last.lat(),
                last.lon(), 12.0, last.cogDegrees(), last.headingDegrees(), last.navStatus(), last.positionJson()));
    }

    /** The properties above mean something only if the detectors fire on this data, timers included. */
    @Test
    void everyDetectorHasTransitionsInTheRecordings() {
        for (Case c : DetectorCases.all()) {
            int events = uninterrupted(c, SOLENT).events().size() + uninterrupted(c, BOSTON).events().size();
            System.out.printf("events of %-13s %d%n", c.name(), events);
            assertThat(events).as(c.name()).isGreaterThanOrEqualTo(2);
        }
    }

    /** A typical state is small: this runs for up to a million vessels. Prints the sizes for the docs. */
    @Test
    void statesAreCompact() {
        for (Case c : DetectorCases.all()) {
            List<Integer> sizes = new ArrayList<>();
            for (Data data : List.of(SOLENT, BOSTON)) {
                uninterrupted(c, data).checkpoint().values().forEach(b -> sizes.add(b.length));
            }
            double mean = sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
            int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
            System.out.printf("checkpoint bytes per vessel, %-13s mean %5.1f max %4d (%d vessels)%n", c.name(), mean,
                    max, sizes.size());
            assertThat(mean).as(c.name()).isLessThan(64);
            assertThat(max).as(c.name()).isLessThan(160);
        }
    }

    private static VesselRun<?> uninterrupted(Case c, Data data) {
        VesselRun<?> run = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i < data.fixes().size(); i++) {
            feed(run, data.fixes(), i);
        }
        return run;
    }

    /** Fix {@code i}, then the sweep if one is due after it: the same schedule in every run. */
    private static void feed(VesselRun<?> run, List<Fix> fixes, int i) {
        Fix fix = fixes.get(i);
        run.fix(fix);
        if (i % SWEEP_EVERY == SWEEP_EVERY - 1) {
            run.sweep(fix.time());
        }
    }

    private static VesselRun<?> restore(Case c, Data data, Map<VesselId, byte[]> checkpoint) {
        return VesselRun.restore(c.make().get(), data.zones(), checkpoint);
    }
}
