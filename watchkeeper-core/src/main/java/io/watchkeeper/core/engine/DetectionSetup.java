package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.ZoneLookup;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import io.watchkeeper.core.fix.Fix;

/**
 * What the engine detects with: the detectors, the zones they look at, the static data they read,
 * and how event time advances.
 *
 * @param detectors         per-vessel detectors, run in this order on every accepted fix
 * @param pairDetectors     detectors over pairs of vessels, run on a stage of their own
 * @param zones             the zones behind {@code DetectorContext.zones()}
 * @param vessels           static data behind {@code DetectorContext.vesselInfo()}
 * @param sweepEvery        how much event time passes between two timer sweeps of all vessels;
 *                          timers fire at their due time whatever this is, it only bounds how late
 *                          the event is <em>published</em> (and what a sweep costs per second)
 * @param wallClockFallback when true, a source that has gone quiet keeps its watermark moving at
 *                          wall-clock speed, so a live feed's silent vessels still time out; replays
 *                          turn it off so that they depend on the recording alone
 * @param fixTap            sees every accepted fix after the detectors, on the worker that owns its
 *                          vessel (a live view for the dashboard); must be cheap and must not block
 * @param maxAhead          a fix whose event time is further ahead of the engine's clock than this is a
 *                          dead letter, because it would move its source's watermark into the future and
 *                          time out every vessel of that source at once; null accepts any time
 * @param limits            bounds on the vessels and stations the engine keeps ({@link StateLimits#NONE}
 *                          unless set)
 */
public record DetectionSetup(List<Detector<?>> detectors, List<PairDetector> pairDetectors, ZoneLookup zones,
                             VesselRegistry vessels, Duration sweepEvery, boolean wallClockFallback,
                             Consumer<Fix> fixTap, @org.jetbrains.annotations.Nullable Duration maxAhead,
                             StateLimits limits) {

    /**
     * What {@code detect} and {@code demo} allow unless configured: receivers' clocks drift by seconds, not by
     * minutes. Each minute allowed is a minute for which one wrong fix can mute its vessel's real ones (they
     * are older, so out of order) and run its source's timers early.
     */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

    private static final Consumer<Fix> NO_TAP = f -> { };

    public static final Duration DEFAULT_SWEEP = Duration.ofSeconds(30);

    public DetectionSetup {
        detectors = List.copyOf(detectors);
        pairDetectors = List.copyOf(pairDetectors);
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(vessels, "vessels");
        Objects.requireNonNull(sweepEvery, "sweepEvery");
        Objects.requireNonNull(fixTap, "fixTap");
        Objects.requireNonNull(limits, "limits");
        if (sweepEvery.toMillis() < 1) {
            throw new IllegalArgumentException("sweepEvery must be at least 1 ms, was " + sweepEvery);
        }
    }

    /** Just these detectors: no pairs, no zones, no static data; live-feed time. */
    public static DetectionSetup of(List<Detector<?>> detectors) {
        return new DetectionSetup(detectors, List.of(), ZoneLookup.NONE, new VesselRegistry(), DEFAULT_SWEEP, true,
                NO_TAP, null, StateLimits.NONE);
    }

    public DetectionSetup withPairDetectors(List<PairDetector> pairs) {
        return new DetectionSetup(detectors, pairs, zones, vessels, sweepEvery, wallClockFallback, fixTap, maxAhead, limits);
    }

    public DetectionSetup withZones(ZoneLookup z) {
        return new DetectionSetup(detectors, pairDetectors, z, vessels, sweepEvery, wallClockFallback, fixTap, maxAhead, limits);
    }

    public DetectionSetup withVessels(VesselRegistry v) {
        return new DetectionSetup(detectors, pairDetectors, zones, v, sweepEvery, wallClockFallback, fixTap, maxAhead, limits);
    }

    public DetectionSetup withSweepEvery(Duration d) {
        return new DetectionSetup(detectors, pairDetectors, zones, vessels, d, wallClockFallback, fixTap, maxAhead, limits);
    }

    public DetectionSetup withWallClockFallback(boolean on) {
        return new DetectionSetup(detectors, pairDetectors, zones, vessels, sweepEvery, on, fixTap, maxAhead, limits);
    }

    public DetectionSetup withFixTap(Consumer<Fix> tap) {
        return new DetectionSetup(detectors, pairDetectors, zones, vessels, sweepEvery, wallClockFallback, tap, maxAhead, limits);
    }

    public DetectionSetup withLimits(StateLimits l) {
        return new DetectionSetup(detectors, pairDetectors, zones, vessels, sweepEvery, wallClockFallback, fixTap, maxAhead, l);
    }

    public DetectionSetup withMaxAhead(@org.jetbrains.annotations.Nullable Duration d) {
        return new DetectionSetup(detectors, pairDetectors, zones, vessels, sweepEvery, wallClockFallback, fixTap, d, limits);
    }
}
