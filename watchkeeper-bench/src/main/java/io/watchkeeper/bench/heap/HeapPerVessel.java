package io.watchkeeper.bench.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.mqtt.wire.Decoded;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.nio.charset.StandardCharsets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench heap}: retained heap bytes per tracked vessel with the Boat detector (or every detector),
 * measured through the public {@link Engine} API (its vessel table is package-private): one worker, one
 * planar fix per distinct vessel (away from (0, 0), so each vessel holds its own state and no event
 * fires), then full GCs and the difference of used heap against the empty engine. Run it with a fixed
 * heap, e.g. {@code WATCHKEEPER_JAVA_OPTS=-Xmx4g}.
 *
 * <p>With {@code --limits standard} the engine keeps state within the bounds {@code detect} uses: the
 * {@code mmsi} ids all come from one station, so a million of them is the flood of made-up ids one
 * station can send, and the heap after it is what the per-station quota bounds.
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = {"Measures retained heap bytes per tracked vessel with the Boat detector or all (1 engine worker),", "and with --limits standard what the state bounds keep of a flood of made-up ids.",
                "Run with a fixed heap: WATCHKEEPER_JAVA_OPTS='-Xms4g -Xmx4g' ./watchkeeper bench heap"})
public final class HeapPerVessel implements Callable<Integer> {

    /** How vessels are identified. */
    enum Ids {
        /** global ids such as a 9-digit MMSI ({@code VesselId.of}), the million-vessel AIS case */
        mmsi,
        /** the original format: a small boat number scoped by its station, decoded by FixDecoder */
        station
    }

    @Option(names = "--vessels", paramLabel = "N", defaultValue = "1000000",
            description = "Distinct vessels to track (default: ${DEFAULT-VALUE}).")
    int vessels;

    /** Which detectors hold state per vessel. */
    enum Detectors {
        /** the Boat detector alone, as the per-vessel target was set */
        boat,
        /** every built-in detector at its defaults, as {@code detect} runs them */
        all
    }

    /** What bounds the engine's state. */
    enum Limits {
        /** none: every vessel is kept (the per-vessel figure) */
        none,
        /** {@code detect}'s defaults: 100,000 vessels per station, eviction after 24 h of silence */
        standard
    }

    @Option(names = "--detectors", paramLabel = "SET", defaultValue = "boat",
            description = "boat: the Boat detector; all: every built-in detector (default: ${DEFAULT-VALUE}).")
    Detectors detectorSet;

    @Option(names = "--limits", paramLabel = "L", defaultValue = "none",
            description = "none: keep every vessel; standard: detect's state bounds, 100,000 vessels per station "
                    + "(the mmsi ids are all one station's) (default: ${DEFAULT-VALUE}).")
    Limits limits;

    @Option(names = "--ids", paramLabel = "KIND", defaultValue = "mmsi",
            description = "mmsi: 9-digit global ids; station: boat numbers 0..999 scoped by 1,000+ stations, "
                    + "decoded from original-format payloads by FixDecoder (default: ${DEFAULT-VALUE}).")
    Ids ids;

    @Override
    public Integer call() throws InterruptedException {
        if (vessels < 1) {
            throw new IllegalArgumentException("--vessels must be at least 1, was " + vessels);
        }
        LongAdder events = new LongAdder();
        EventSink sink = e -> events.increment();
        DeadLetterCounter deadLetters = new DeadLetterCounter(d -> { });
        List<Detector<?>> detectors = detectorSet == Detectors.boat ? List.of(new BoatDetector())
                : DetectorSuite.defaults(SpeedProfile.DEFAULT).detectors();
        DetectionSetup setup = DetectionSetup.of(detectors)
                .withLimits(limits == Limits.standard ? StateLimits.DEFAULTS : StateLimits.NONE);
        Engine engine = Engine.start(new EngineConfig(1, EngineConfig.DEFAULT_QUEUE_CAPACITY), setup, sink,
                deadLetters, Clock.systemUTC());
        try {
            // Warm the path with one vessel, then measure the empty engine.
            engine.submit(fix(-1));
            engine.awaitIdle(Duration.ofSeconds(10));
            long before = HeapMeter.usedAfterGc();
            long start = System.nanoTime();
            for (int i = 0; i < vessels; i++) {
                engine.submit(fix(i)); // the ids are created here and kept only by the engine
            }
            if (!engine.awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("engine did not finish within 5 min");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = HeapMeter.usedAfterGc();
            EngineStats stats = engine.stats();
            double perVessel = (double) (after - before) / (stats.vessels() - 1); // the warm-up vessel came before
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "vessels tracked        %,d of %,d sent and 1 warm-up (%s ids, %s detector(s), "
                    + "limits %s), events %,d%n", stats.vessels(), vessels, ids, detectorSet, limits, events.sum());
            System.out.printf(Locale.ROOT, "dead letters           %,d %s%n", deadLetters.total(), deadLetters.snapshot());
            System.out.printf(Locale.ROOT, "used heap before/after %,d / %,d bytes (after full GC)%n", before, after);
            System.out.printf(Locale.ROOT, "heap per vessel        %.1f bytes per tracked vessel (target <= 300 with the Boat "
                    + "detector)%n", perVessel);
            System.out.printf(Locale.ROOT, "heap retained          %,.1f MiB%n", (after - before) / 1048576.0);
            System.out.printf(Locale.ROOT, "fill rate              %,.0f new vessels/s (1 worker)%n", vessels / seconds);
            System.out.printf(Locale.ROOT, "jvm                    %s %s, -Xmx %,d MB, GC %s, compressed oops %s%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    rt.maxMemory() >> 20, gcNames(), vmOption("UseCompressedOops"));
            return 0;
        } finally {
            engine.close();
        }
    }

    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);
    private final FixDecoder decoder = new FixDecoder();

    private Fix fix(int i) {
        if (ids == Ids.mmsi) {
            return Fix.planar(VesselId.of(Integer.toString(200_000_000 + i)), "AIS", TIME, 1.0 + i, 2.0, null);
        }
        // Through the real decoder, which parses a new port_id String per fix (and canonicalises it).
        String station = "PORT" + i / 1000;
        String json = "{\"boat_id\": " + i % 1000 + ", \"position\": {\"ts\": " + TIME.getEpochSecond()
                + ", \"x\": " + (1.0 + i) + ", \"y\": 2.0, \"port_id\": \"" + station + "\"}}";
        Decoded decoded = decoder.decode(station, json.getBytes(StandardCharsets.UTF_8));
        if (decoded instanceof Decoded.Accepted accepted) {
            return accepted.fix();
        }
        throw new IllegalStateException("bench payload refused: " + decoded);
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join("+", names);
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
