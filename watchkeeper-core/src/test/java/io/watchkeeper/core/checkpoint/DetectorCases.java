package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.behaviour.DriftingDetector;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector;
import io.watchkeeper.core.detect.behaviour.SpeedChangeDetector;
import io.watchkeeper.core.detect.behaviour.SpeedingDetector;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.gap.GapDetector;
import io.watchkeeper.core.detect.gap.GapSettings;
import io.watchkeeper.core.detect.identity.DuplicateMmsiDetector;
import io.watchkeeper.core.detect.identity.PositionJumpDetector;
import io.watchkeeper.core.detect.portcall.PortCallDetector;
import io.watchkeeper.core.detect.portcall.PortCallSettings;
import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleDetector;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.core.detect.zone.ZoneDetector;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * Every per-vessel detector, each with settings that make it fire on the short real recordings (an
 * 85-minute Solent hour has no 6-hour gap): a checkpoint test that sees no transition proves nothing.
 */
final class DetectorCases {

    /** A detector by name, built fresh on every call: a restore must never reuse the running instance. */
    record Case(String name, Supplier<Detector<?>> make) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Condition STOPPED = new Condition.SpeedBelow(1);
    private static final Condition UNDERWAY = new Condition.SpeedAbove(2);
    private static final Condition IN_PORT = new Condition.InZoneKind(ZoneKind.PORT);

    /** A user machine with fix conditions, a zone condition and both kinds of timer. */
    static final RuleMachine MACHINE = RuleMachine.of("slow-wait",
            List.of("underway", "slow", "waiting", "lost"), "underway", List.of(
                    transition("underway", "slow", List.of(STOPPED), List.of(), null),
                    transition("slow", "underway", List.of(UNDERWAY), List.of(), null),
                    transition("slow", "waiting",
                            List.of(new Condition.TimeInState(Duration.ofMinutes(10)), STOPPED), List.of(IN_PORT),
                            "WAITING"),
                    transition("waiting", "underway", List.of(UNDERWAY), List.of(), null),
                    transition(RuleTransition.ANY, "lost", List.of(new Condition.SilentFor(Duration.ofMinutes(15))),
                            List.of(), "LOST"),
                    transition("lost", "slow", List.of(STOPPED), List.of(), null),
                    transition("lost", "underway", List.of(), List.of(STOPPED), null)));

    private DetectorCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case("boat", BoatDetector::new),
                new Case("zone", ZoneDetector::new),
                new Case("gap", () -> new GapDetector(new GapSettings(Duration.ofMinutes(10), Duration.ofMinutes(5)))),
                new Case("portcall", () -> new PortCallDetector(
                        new PortCallSettings(3000.0, 4000.0, 0.2, 0.5, Duration.ofMinutes(10)))),
                new Case("speed-change", () -> new SpeedChangeDetector(
                        new SpeedChangeDetector.Settings(3.0, Duration.ofSeconds(60)))),
                // RTEC's 0.5 kn moving minimum instead of DMA's 1 kn, 1 min and no distance instead of 10 min
                // and 500 m: Boston's anchored ship swings at 0.5-0.9 kn
                new Case("drifting", () -> new DriftingDetector(new DriftingDetector.Settings(45.0, 0.5, 5.0,
                        Duration.ofSeconds(60), 0.0, Duration.ofSeconds(60), Duration.ofMinutes(10)))),
                new Case("speeding", SpeedingDetector::new),
                new Case("loitering", () -> new LoiteringDetector(
                        new LoiteringDetector.Settings(2.0, 3.0, Duration.ofMinutes(20)))),
                new Case("rule", () -> new RuleDetector(MACHINE)),
                // 12 kn over 100 m: harbour craft zigzagging between reports make jumps of it
                new Case("position-jump", () -> new PositionJumpDetector(
                        new PositionJumpDetector.Settings(12.0, 12.0, 12.0, 100.0, Duration.ofMinutes(2)))),
                // 1 kn over 20 m, 2 switches in 10 min: moored ships' position jitter switches "tracks"
                new Case("duplicate-mmsi", () -> new DuplicateMmsiDetector(
                        new DuplicateMmsiDetector.Settings(1.0, 20.0, 2, Duration.ofMinutes(10)))));
    }

    private static RuleTransition transition(String from, String to, List<Condition> when, List<Condition> unless,
                                             @Nullable String eventType) {
        return new RuleTransition(List.of(from), to, when, unless, eventType);
    }
}
