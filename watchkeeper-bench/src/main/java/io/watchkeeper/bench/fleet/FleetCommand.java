package io.watchkeeper.bench.fleet;

import io.watchkeeper.bench.SetupException;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.detect.pair.EncounterSettings;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.detect.portcall.PortCallSettings;
import io.watchkeeper.core.detect.zone.ZoneSettings;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.ZoneChoice;
import io.watchkeeper.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench fleet}: a simulated AIS fleet ({@link Fleet}) through the engine with every detector on.
 * Reports fixes/s per core ({@link io.watchkeeper.core.engine.InlineEngine} on one thread), events/s,
 * bytes allocated per fix, retained heap per vessel, the multi-threaded engine for comparison, and with
 * {@code --breakdown} each detector alone against none.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"A simulated AIS fleet (ITU-R M.1371 reporting rates) through the engine with all detectors.",
                "Run with a big fixed heap: java -Xms8g -Xmx8g -jar watchkeeper-bench.jar fleet"})
public final class FleetCommand implements Callable<Integer> {

    @Option(names = "--vessels", paramLabel = "N", defaultValue = "100000", description = "Fleet size (default: ${DEFAULT-VALUE}).")
    int vessels;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10",
            description = "Fleet time that is timed, after the warm-up (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--warmup", paramLabel = "M", defaultValue = "5",
            description = "Fleet time run first, untimed, so every vessel is known and the JIT is warm (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--chunk", paramLabel = "S", defaultValue = "60",
            description = "Seconds of fleet time per timed pass; the median pass is reported (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--zones", paramLabel = "SPEC", description = "Zones for the detectors (builtin:NAME or a GeoJSON file); default none.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--only", split = ",", paramLabel = "NAMES", description = "Run only these detectors ('none' for the bare engine).")
    List<String> only = new ArrayList<>();

    @Option(names = "--without", split = ",", paramLabel = "NAMES", description = "Run all detectors but these.")
    List<String> without = new ArrayList<>();

    @Option(names = "--workers", defaultValue = "2",
            description = "Workers of the multi-threaded engine run for comparison; 0 skips it (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--breakdown", description = "Also run each detector alone, and none, and report the difference.")
    boolean breakdown;

    @Option(names = "--no-heap", negatable = false, description = "Skip the heap-per-vessel measurement.")
    boolean noHeap;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        if (vessels < 2 || minutes < 1 || warmup < 0 || chunk < 1 || workers < 0) {
            throw new IllegalArgumentException("need --vessels >= 2, --minutes >= 1, --warmup >= 0, --chunk >= 1, --workers >= 0");
        }
        ZoneLookup zoneLookup;
        try {
            zoneLookup = ZoneChoice.load(zones, zoneMargin());
        } catch (ConfigException e) {
            throw new SetupException(e.getMessage(), e);
        }
        Ports ports = Ports.from(zoneLookup);
        List<String> names = DetectorSuite.defaults(SpeedProfile.DEFAULT).names();
        Set<String> chosen = choose(names, only, without);
        FleetRun.Timeline time = new FleetRun.Timeline(warmup * 60, minutes * 60, chunk);
        Fleet probe = new Fleet(vessels, seed, ports);
        System.out.printf(Locale.ROOT, "fleet        %,d vessels, seed %d, %d ports, nominal %,.0f fixes per fleet-second%n",
                vessels, seed, ports.size(), probe.nominalRatePerSecond());
        System.out.printf(Locale.ROOT, "timeline     %d min warm-up + %d min timed in %d s passes; zones %s%n",
                warmup, minutes, chunk, zones.isEmpty() ? "none" : zones);
        System.out.printf(Locale.ROOT, "detectors    %s%n", chosen);
        System.out.printf(Locale.ROOT, "jvm          %s %s, -Xmx %,d MB, %d cpus; load %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), load());
        probe = null; // its arrays are not part of what is measured next
        FleetRun.Result all = FleetRun.inline(new Fleet(vessels, seed, ports), r -> setup(zoneLookup, chosen, r), time, !noHeap);
        report("inline (1 core)", all, true);
        if (workers > 0) {
            Fleet fleet = new Fleet(vessels, seed, ports);
            FleetRun.Result threaded = FleetRun.threaded(fleet, setup(zoneLookup, chosen, fleet.registry()), time, workers);
            report("Engine " + workers + " workers", threaded, false);
        }
        if (breakdown) {
            breakdown(zoneLookup, ports, names, time);
        }
        return 0;
    }

    private void breakdown(ZoneLookup zoneLookup, Ports ports, List<String> names, FleetRun.Timeline time)
            throws InterruptedException {
        FleetRun.Result none = FleetRun.inline(new Fleet(vessels, seed, ports), r -> setup(zoneLookup, Set.of(), r), time,
                !noHeap);
        report("none (bare engine)", none, true);
        double baseNs = 1e9 / none.medianCpu();
        double baseBytes = none.bytesPerFix();
        double baseHeap = none.heapBytesPerVessel();
        System.out.printf(Locale.ROOT, "%nEach detector alone, and its cost over the bare engine (cpu time of the engine thread):%n");
        for (String name : names) {
            FleetRun.Result alone = FleetRun.inline(new Fleet(vessels, seed, ports),
                    r -> setup(zoneLookup, Set.of(name), r), time, !noHeap);
            System.out.printf(Locale.ROOT,
                    "alone %-12s %7.0f ns/fix (+%5.0f), %6.1f B/fix (+%6.1f), %5.0f B/vessel (+%5.0f), events %,d; load %s%n",
                    name, 1e9 / alone.medianCpu(), 1e9 / alone.medianCpu() - baseNs, alone.bytesPerFix(),
                    alone.bytesPerFix() - baseBytes, alone.heapBytesPerVessel(), alone.heapBytesPerVessel() - baseHeap,
                    alone.events(), load());
        }
    }

    /** As the server's suite: the widest distance any zone-reading detector tests, at default settings. */
    private static double zoneMargin() {
        return Math.max(ZoneSettings.DEFAULTS.requiredMarginMetres(), Math.max(
                PortCallSettings.DEFAULTS.requiredMarginMetres(), EncounterSettings.DEFAULTS.minPortDistanceMetres()));
    }

    private static Set<String> choose(List<String> names, List<String> only, List<String> without) {
        Set<String> known = new LinkedHashSet<>(names);
        List<String> asked = new ArrayList<>(only);
        asked.addAll(without);
        for (String n : asked) {
            if (!known.contains(n) && !n.equals("none")) {
                throw new IllegalArgumentException("unknown detector '" + n + "' (known: " + names + ", or none)");
            }
        }
        Set<String> chosen = new LinkedHashSet<>(only.isEmpty() ? names : only);
        chosen.remove("none");
        chosen.removeAll(without);
        return chosen;
    }

    /** A fresh suite (the pair detectors hold state) with just the {@code chosen} detectors. */
    private static DetectionSetup setup(ZoneLookup zones, Set<String> chosen, VesselRegistry registry) {
        DetectorSuite all = DetectorSuite.defaults(SpeedProfile.DEFAULT);
        List<Detector<?>> detectors = all.detectors().stream().filter(d -> chosen.contains(d.name())).toList();
        List<PairDetector> pairs = all.pairs().stream().filter(p -> chosen.contains(p.name())).toList();
        // Replay time: the recording alone drives timers, so runs do not depend on the wall clock. The
        // product's state bounds (eviction checked on every sweep), except that the whole simulated fleet
        // is one station and may be larger than a station's default quota.
        StateLimits limits = new StateLimits(StateLimits.DEFAULT_EVICT_AFTER, Integer.MAX_VALUE, StateLimits.DEFAULT_STATIONS,
                Integer.MAX_VALUE);
        return new DetectorSuite(detectors, pairs, zones).withLimits(limits).setup(registry, false);
    }

    private static void report(String what, FleetRun.Result r, boolean inline) {
        System.out.printf(Locale.ROOT, "%n== %s: %,d fixes timed over %d passes, %,d vessels tracked; load %s%n", what,
                r.fixes(), r.passes().size(), r.vessels(), load());
        System.out.printf(Locale.ROOT, "fixes/s      median pass %,.0f wall", r.medianWall());
        if (inline) {
            System.out.printf(Locale.ROOT, ", %,.0f per cpu-second (%.0f ns/fix)", r.medianCpu(), 1e9 / r.medianCpu());
        }
        System.out.printf(Locale.ROOT, "; all passes %,.0f wall%n", r.fixes() * 1e9 / r.wallNanos());
        System.out.printf(Locale.ROOT, "events       %,.0f /s of engine time, %,.1f per fleet-minute; %,d in all, dead letters %,d%n",
                r.eventsPerSecond(), r.passes().stream().mapToLong(FleetRun.Pass::events).sum() * 60.0 / r.fleetSeconds(),
                r.events(), r.deadLetters());
        if (!r.byType().isEmpty()) {
            System.out.printf(Locale.ROOT, "by type      %s%n", r.byType());
        }
        if (inline) {
            System.out.printf(Locale.ROOT, "allocation   %.1f bytes per fix (engine thread)%n", r.bytesPerFix());
        }
        if (!Double.isNaN(r.heapBytesPerVessel())) {
            System.out.printf(Locale.ROOT, "heap         %.0f bytes per vessel retained (target <= 1024)%n", r.heapBytesPerVessel());
        }
        System.out.printf(Locale.ROOT, "generator    %,.0f fixes/s (not in the figures above)%n",
                r.generatedFixes() * 1e9 / r.generatorNanos());
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
