package io.watchkeeper.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.behaviour.DriftingDetector;
import io.watchkeeper.core.detect.behaviour.LoiteringDetector;
import io.watchkeeper.core.detect.behaviour.SpeedChangeDetector;
import io.watchkeeper.core.detect.behaviour.SpeedingDetector;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.detect.gap.GapDetector;
import io.watchkeeper.core.detect.gap.GapSettings;
import io.watchkeeper.core.detect.pair.CpaDetector;
import io.watchkeeper.core.detect.pair.CpaSettings;
import io.watchkeeper.core.detect.identity.DuplicateMmsiDetector;
import io.watchkeeper.core.detect.identity.InvalidIdentityDetector;
import io.watchkeeper.core.detect.identity.PositionJumpDetector;
import io.watchkeeper.core.detect.pair.EncounterDetector;
import io.watchkeeper.core.detect.pair.EncounterSettings;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.detect.pair.TugAssistDetector;
import io.watchkeeper.core.detect.pair.TugAssistSettings;
import io.watchkeeper.core.detect.portcall.PortCallDetector;
import io.watchkeeper.core.detect.portcall.PortCallSettings;
import io.watchkeeper.core.detect.zone.ZoneDetector;
import io.watchkeeper.core.detect.zone.ZoneSettings;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.detect.rule.RuleDetector;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.rules.RulesFile;
import io.watchkeeper.server.rules.RulesFileException;
import java.nio.file.Path;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.config.SettingsBinder;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.live.StateListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * Every detector the engine runs, built from the configuration: the built-ins with their settings
 * ({@code detectors:} in YAML), the zones they look at, and the user's machines.
 *
 * <p>Each built-in is listed once in {@link #BUILT_INS} with its YAML key, default settings and
 * constructor; the YAML binder, {@code watchkeeper machines} and the docs all read that list.
 *
 * @param states hears the boat and port-call machines' state of each vessel after every step (the live
 *               map), or null; the engine runs the same detectors either way
 * @param limits bounds on the vessels and stations the engine keeps ({@code engine:} in YAML)
 */
public record DetectorSuite(List<Detector<?>> detectors, List<PairDetector> pairs, ZoneLookup zones,
                            Duration maxAhead, @Nullable StateListener states, StateLimits limits) {

    /** A built-in detector: its key under {@code detectors:}, its default settings, and how to make it. */
    public record BuiltIn<R extends Record>(String key, R defaults, Function<R, Object> factory) {

        Object create(@Nullable JsonNode block) {
            R settings = SettingsBinder.bind("detectors." + key, defaults, block, Set.of(ENABLED));
            return factory.apply(settings);
        }
    }

    /** The key that turns a built-in off: {@code detectors: {encounter: {enabled: false}}}. */
    public static final String ENABLED = "enabled";

    /** In the order they run on each fix. */
    public static final List<BuiltIn<?>> BUILT_INS = List.of(
            new BuiltIn<>("zone", ZoneSettings.DEFAULTS, ZoneDetector::new),
            new BuiltIn<>("portCall", PortCallSettings.DEFAULTS, PortCallDetector::new),
            new BuiltIn<>("gap", GapSettings.DEFAULTS, GapDetector::new),
            new BuiltIn<>("loitering", LoiteringDetector.Settings.DEFAULTS, LoiteringDetector::new),
            new BuiltIn<>("drifting", DriftingDetector.Settings.DEFAULTS, DriftingDetector::new),
            new BuiltIn<>("speeding", SpeedingDetector.Settings.DEFAULTS, SpeedingDetector::new),
            new BuiltIn<>("speedChange", SpeedChangeDetector.Settings.DEFAULTS, SpeedChangeDetector::new),
            new BuiltIn<>("encounter", EncounterSettings.DEFAULTS, EncounterDetector::new),
            new BuiltIn<>("tugAssist", TugAssistSettings.DEFAULTS, TugAssistDetector::new),
            new BuiltIn<>("cpa", CpaSettings.DEFAULTS, CpaDetector::new),
            new BuiltIn<>("positionJump", PositionJumpDetector.Settings.DEFAULTS, PositionJumpDetector::new),
            new BuiltIn<>("duplicateMmsi", DuplicateMmsiDetector.Settings.DEFAULTS, DuplicateMmsiDetector::new),
            new BuiltIn<>("identity", InvalidIdentityDetector.Settings.DEFAULTS, InvalidIdentityDetector::new));

    public DetectorSuite {
        detectors = List.copyOf(detectors);
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(maxAhead, "maxAhead");
        Objects.requireNonNull(limits, "limits");
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("maxAhead must not be negative, was " + maxAhead);
        }
    }

    /**
     * These detectors, allowing live fixes {@link DetectionSetup#DEFAULT_MAX_AHEAD} ahead of the clock,
     * without a state listener, within {@link StateLimits#DEFAULTS}.
     */
    public DetectorSuite(List<Detector<?>> detectors, List<PairDetector> pairs, ZoneLookup zones) {
        this(detectors, pairs, zones, DetectionSetup.DEFAULT_MAX_AHEAD, null, StateLimits.DEFAULTS);
    }

    /** The same detectors; a live run refuses fixes further than {@code d} ahead of the clock. */
    public DetectorSuite withMaxAhead(Duration d) {
        return new DetectorSuite(detectors, pairs, zones, d, states, limits);
    }

    /** The same detectors in an engine that keeps vessels and stations within {@code l}. */
    public DetectorSuite withLimits(StateLimits l) {
        return new DetectorSuite(detectors, pairs, zones, maxAhead, states, l);
    }

    /** The per-vessel detectors alone, without the pair detectors and without a state listener. */
    public DetectorSuite withoutPairs() {
        return new DetectorSuite(detectors, List.of(), zones, maxAhead, null, limits);
    }

    /** The same detectors, whose engine tells {@code listener} each vessel's boat and port-call state. */
    public DetectorSuite withStates(@Nullable StateListener listener) {
        return new DetectorSuite(detectors, pairs, zones, maxAhead, listener, limits);
    }

    /** Every built-in with its defaults, the given motion band, no zones. */
    public static DetectorSuite defaults(SpeedProfile motion) {
        return build(motion, null, List.of(), null);
    }

    /**
     * The configured suite: built-ins with their {@code detectors:} settings, the zones of
     * {@code zoneSpecs} (indexed with the margin the enabled detectors need), and the machines of
     * {@code rules}, if given.
     *
     * @throws ConfigException for an unknown detector or setting, an impossible value, a zone file or
     *     a rules file that cannot be used (with its line and column), or a user machine named like a
     *     built-in one
     */
    public static DetectorSuite from(WatchkeeperConfig config, List<String> zoneSpecs, @Nullable Path rules) {
        return build(config.motion().toSpeedProfile(), config.detectors(), zoneSpecs, rules)
                .withMaxAhead(config.input().maxAheadOrDefault()).withLimits(config.engine().limits());
    }

    private static DetectorSuite build(SpeedProfile motion, @Nullable JsonNode blocks, List<String> zoneSpecs,
                                       @Nullable Path rules) {
        Map<String, JsonNode> byKey = blocks(blocks);
        List<Detector<?>> detectors = new ArrayList<>();
        List<PairDetector> pairs = new ArrayList<>();
        detectors.add(new BoatDetector(motion));
        double margin = 0;
        for (BuiltIn<?> b : BUILT_INS) {
            JsonNode block = byKey.get(b.key());
            if (block != null && block.has(ENABLED) && !block.get(ENABLED).asBoolean(true)) {
                continue;
            }
            Object d = b.create(block);
            margin = Math.max(margin, marginFor(d));
            if (d instanceof PairDetector p) {
                pairs.add(p);
            } else {
                detectors.add((Detector<?>) d);
            }
        }
        if (rules != null) {
            detectors.addAll(userMachines(rules, detectors, pairs));
        }
        return new DetectorSuite(detectors, pairs, ZoneChoice.load(zoneSpecs, margin));
    }

    /** The zone margin a detector needs: "no hit" must mean "farther than any distance it tests". */
    private static double marginFor(Object detector) {
        if (detector instanceof ZoneDetector z) {
            return z.settings().requiredMarginMetres();
        }
        if (detector instanceof PortCallDetector p) {
            return p.settings().requiredMarginMetres();
        }
        if (detector instanceof EncounterDetector e) {
            return e.settings().minPortDistanceMetres();
        }
        return 0;
    }

    private static List<Detector<?>> userMachines(Path rules, List<Detector<?>> builtIns, List<PairDetector> pairs) {
        List<RuleMachine> machines;
        try {
            machines = RulesFile.load(rules);
        } catch (RulesFileException e) {
            throw new ConfigException(e.getMessage());
        }
        Set<String> taken = new HashSet<>();
        builtIns.forEach(d -> taken.add(d.name()));
        pairs.forEach(p -> taken.add(p.name()));
        List<Detector<?>> out = new ArrayList<>();
        for (RuleMachine m : machines) {
            if (!taken.add(m.name())) {
                throw new ConfigException(rules + ": machine '" + m.name() + "' has the name of a built-in detector; "
                        + "built-ins are " + taken);
            }
            out.add(new RuleDetector(m));
        }
        return out;
    }

    private static Map<String, JsonNode> blocks(@Nullable JsonNode blocks) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (blocks == null || blocks.isNull()) {
            return out;
        }
        if (!blocks.isObject()) {
            throw new ConfigException("detectors: expected one block per detector, e.g. 'gap: {atSea: 6h}'");
        }
        List<String> known = BUILT_INS.stream().map(BuiltIn::key).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                throw new ConfigException("detectors: unknown detector '" + e.getKey() + "' (known: " + known + ")");
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The engine's view: these detectors, this static data, and how time advances. A live run
     * ({@code wallClockFallback}) also refuses fixes more than {@link #maxAhead} ahead of the clock; a
     * replay runs on its recording's own time ({@link Recording} refuses the future there).
     */
    public DetectionSetup setup(VesselRegistry vessels, boolean wallClockFallback) {
        return DetectionSetup.of(states == null ? detectors : tapped(states)).withPairDetectors(pairs).withZones(zones).withVessels(vessels)
                .withWallClockFallback(wallClockFallback)
                .withMaxAhead(wallClockFallback ? maxAhead : null).withLimits(limits);
    }

    /** The detectors, the boat and port-call ones wrapped in a {@link StateTap} telling {@code listener}. */
    private List<Detector<?>> tapped(StateListener listener) {
        List<Detector<?>> out = new ArrayList<>(detectors.size());
        for (Detector<?> d : detectors) {
            if (d instanceof BoatDetector boat) {
                out.add(new StateTap<>(boat, BoatDetector.NAME, BoatDetector::stateOf, listener));
            } else if (d instanceof PortCallDetector call) {
                out.add(new StateTap<>(call, PortCallDetector.NAME, PortCallDetector::stateOf, listener));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The detectors' machines: the per-vessel ones in detector order, then each pair detector's pair lifecycle. */
    public List<Machine<?, ?>> machines() {
        List<Machine<?, ?>> out = new ArrayList<>();
        for (Detector<?> d : detectors) {
            if (d instanceof Machine<?, ?> m) {
                out.add(m);
            } else if (d instanceof PortCallDetector call) {
                out.add(call.machine());
            }
        }
        for (PairDetector p : pairs) {
            if (p.machine() != null) {
                out.add(p.machine());
            }
        }
        return out;
    }

    /** The user's machines (from {@code --rules}), in file order. */
    public List<RuleMachine> ruleMachines() {
        List<RuleMachine> out = new ArrayList<>();
        for (Detector<?> d : detectors) {
            if (d instanceof RuleDetector r) {
                out.add(r.machine());
            }
        }
        return out;
    }

    /** Names of every detector, per-vessel ones first. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        detectors.forEach(d -> names.add(d.name()));
        pairs.forEach(p -> names.add(p.name()));
        return names;
    }
}
