package io.watchkeeper.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.behaviour.DriftingDetector;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector;
import io.watchkeeper.core.detect.behaviour.SpeedChangeDetector;
import io.watchkeeper.core.detect.behaviour.SpeedingDetector;
import io.watchkeeper.core.detect.boat.BoatState;
import io.watchkeeper.core.detect.portcall.PortCall;
import io.watchkeeper.core.detect.portcall.PortCallDetector;
import io.watchkeeper.core.detect.portcall.PortCallSettings;
import io.watchkeeper.core.detect.portcall.PortCallState;
import io.watchkeeper.core.detect.portcall.StopBasis;
import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleDetector;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleData;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.core.detect.zone.ZoneDetector;
import io.watchkeeper.core.detect.zone.ZonePresence;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.testing.RealTracks;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What a checkpoint means when the world changed between writing and reading it: enums written by
 * ordinal, zones that were deleted, a rules file that was edited.
 */
class CheckpointFormatTest {

    /**
     * Enums in checkpoints are written by ordinal (one byte; see StateOut#writeEnum). Reordering or
     * inserting a constant would silently change old checkpoints' meaning, so the orders are pinned
     * here: if this fails, append the new constant at the end instead, or version the format.
     */
    @Test
    void checkpointedEnumsKeepTheirOrder() {
        assertThat(BoatState.values()).containsExactly(BoatState.MOVING, BoatState.RESTING);
        assertThat(Arrays.stream(PortCallState.values()).map(Enum::name))
                .containsExactly("AT_SEA", "IN_PORT", "AT_ANCHOR", "BERTHED", "UNBERTHED");
        assertThat(Arrays.stream(StopBasis.values()).map(Enum::name)).containsExactly("BERTH_ZONE", "ANCHORAGE_ZONE",
                "NAV_STATUS_MOORED", "NAV_STATUS_AT_ANCHOR", "STOPPED_IN_PORT", "STOPPED_OUTSIDE_PORT");
        assertThat(Arrays.stream(ZoneKind.values()).map(Enum::name))
                .containsExactly("PORT", "BERTH", "ANCHORAGE", "PILOT_BOARDING", "SPEED_LIMIT", "OTHER");
        // A machine's state is written as its index in states(), so their order is pinned the same way.
        assertThat(new LoiteringDetector().states()).containsExactly("normal", "loitering");
        assertThat(new DriftingDetector().states()).containsExactly("normal", "drifting");
        assertThat(new SpeedChangeDetector().states()).containsExactly("steady", "accelerating", "decelerating");
    }

    @Test
    void aZoneThatNoLongerExistsIsDroppedFromThePresenceAsIfNeverEntered() {
        RealTracks.Data solent = RealTracks.solent();
        VesselRun<ZonePresence> run = new VesselRun<>(new ZoneDetector(), solent.zones());
        Map.Entry<VesselId, ZonePresence> inTwo = runUntil(run, solent, p -> p.size() >= 2);
        String gone = inTwo.getValue().zoneIds()[0];

        ZonePresence back = VesselRun.read(new ZoneDetector(), VesselRun.write(run.detector(), inTwo.getValue()),
                inTwo.getKey(), without(solent, gone));

        assertThat(back.zoneIds()).containsExactly(Arrays.copyOfRange(inTwo.getValue().zoneIds(), 1,
                inTwo.getValue().size()));
        assertThat(back.enteredAtMillis()).containsExactly(Arrays.copyOfRange(inTwo.getValue().enteredAtMillis(), 1,
                inTwo.getValue().size()));
        assertThat(back.changedAtMillis()).isEqualTo(inTwo.getValue().changedAtMillis());
    }

    @Test
    void aSpeedingRunInAZoneThatNoLongerExistsIsDropped() {
        RealTracks.Data solent = RealTracks.solent();
        VesselRun<SpeedingDetector.State> run = new VesselRun<>(new SpeedingDetector(), solent.zones());
        Map.Entry<VesselId, SpeedingDetector.State> speeding = runUntil(run, solent, SpeedingDetector.State::speeding);
        byte[] bytes = VesselRun.write(run.detector(), speeding.getValue());

        SpeedingDetector.State kept = VesselRun.read(new SpeedingDetector(), bytes, speeding.getKey(),
                VesselRun.byId(solent.zones()));
        SpeedingDetector.State dropped = VesselRun.read(new SpeedingDetector(), bytes, speeding.getKey(),
                without(solent, speeding.getValue().zoneId()));

        assertThat(kept).isEqualTo(speeding.getValue());
        assertThat(kept.zoneId()).as("the zone set's own string").isSameAs(
                solent.zones().all().stream().filter(z -> z.id().equals(kept.zoneId())).findFirst().orElseThrow().id());
        assertThat(dropped.zoneId()).isNull();
        assertThat(dropped.speeding()).isFalse();
        assertThat(dropped.changedMillis()).isEqualTo(speeding.getValue().changedMillis());
    }

    /** A call ends by distance from every port zone, so it survives its own zone's deletion. */
    @Test
    void aPortCallWhoseZoneIsGoneIsKeptWithItsName() {
        RealTracks.Data solent = RealTracks.solent();
        PortCallDetector detector = new PortCallDetector(
                new PortCallSettings(3000.0, 4000.0, 0.2, 0.5, Duration.ofMinutes(10)));
        VesselRun<Place<PortCall>> run = new VesselRun<>(detector, solent.zones());
        Map.Entry<VesselId, Place<PortCall>> stopping = runUntil(run, solent, p -> p.data().stopping());
        byte[] bytes = VesselRun.write(detector, stopping.getValue());

        Place<PortCall> back = VesselRun.read(detector, bytes, stopping.getKey(),
                without(solent, stopping.getValue().data().portId()));

        assertThat(back).isEqualTo(stopping.getValue());
    }

    @Test
    void aRuleStateOfAnotherMachineIsRefused() throws IOException {
        RealTracks.Data boston = RealTracks.boston();
        RuleDetector detector = new RuleDetector(DetectorCases.MACHINE);
        VesselRun<Place<RuleData>> run = new VesselRun<>(detector, boston.zones());
        Map.Entry<VesselId, Place<RuleData>> lost = runUntil(run, boston, s -> s.state() >= 2); // beyond the smaller machine
        byte[] bytes = VesselRun.write(detector, lost.getValue());
        RuleDetector smaller = new RuleDetector(RuleMachine.of("slow-wait", List.of("underway", "slow"), "underway",
                List.of(new RuleTransition(List.of("underway"), "slow", List.of(new Condition.SpeedBelow(1)),
                        List.of(), null))));

        assertThatThrownBy(() -> Detector.codecOf(smaller).read(new StateIn(new ByteArrayInputStream(bytes), id -> null),
                lost.getKey())).isInstanceOf(IOException.class).hasMessageContaining("another rules file");
    }

    @Test
    void aVesselNeverSeenReadsBackAsTheSharedInitialState() {
        for (DetectorCases.Case c : DetectorCases.all()) {
            assertInitialShared(c.make().get());
        }
    }

    private static <S> void assertInitialShared(io.watchkeeper.core.detect.Detector<S> detector) {
        VesselId vessel = VesselId.of("1");
        S initial = detector.initial(vessel);
        S back = VesselRun.read(detector, VesselRun.write(detector, initial), vessel, id -> null);
        assertThat(back).as(detector.name()).isSameAs(initial);
    }

    /** Runs the recording until some vessel's state matches; that vessel and state. */
    private static <S> Map.Entry<VesselId, S> runUntil(VesselRun<S> run, RealTracks.Data data,
                                                       java.util.function.Predicate<S> wanted) {
        for (Fix fix : data.fixes()) {
            run.fix(fix);
            S state = run.states().get(fix.vessel());
            if (wanted.test(state)) {
                return Map.entry(fix.vessel(), state);
            }
        }
        throw new AssertionError("no state of " + run.detector().name() + " matched in " + data.name());
    }

    private static Function<String, @Nullable Zone> without(RealTracks.Data data, @Nullable String zoneId) {
        Function<String, @Nullable Zone> all = VesselRun.byId(data.zones());
        return id -> id.equals(zoneId) ? null : all.apply(id);
    }

}
