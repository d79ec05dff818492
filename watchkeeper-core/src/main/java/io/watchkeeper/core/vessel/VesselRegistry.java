package io.watchkeeper.core.vessel;

import io.watchkeeper.core.fix.VesselId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static data per vessel, merged as reports arrive. Written by the decoding stage, read by detectors
 * and event bodies on the engine's worker threads: entries are immutable records replaced whole, so
 * a reader always sees a consistent {@link VesselInfo}.
 *
 * <p>The ids are whoever reports them, so the registry keeps at most {@code maxVessels} (a little more
 * when several threads add at once); the report of a further new vessel is not kept, only counted.
 */
public final class VesselRegistry {

    /** About three times the world's AIS fleet; a few hundred bytes each, so a few hundred MB at most. */
    public static final int DEFAULT_MAX_VESSELS = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(VesselRegistry.class);

    private final ConcurrentHashMap<VesselId, VesselInfo> infos = new ConcurrentHashMap<>();
    private final int maxVessels;
    private final LongAdder refused = new LongAdder();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** At most {@link #DEFAULT_MAX_VESSELS} vessels. */
    public VesselRegistry() {
        this(DEFAULT_MAX_VESSELS);
    }

    public VesselRegistry(int maxVessels) {
        if (maxVessels < 1) {
            throw new IllegalArgumentException("maxVessels must be at least 1, was " + maxVessels);
        }
        this.maxVessels = maxVessels;
    }

    /**
     * Merges a possibly partial report into what is known; returns the merged info. A report of a new
     * vessel when the registry is full is returned as it is, not kept, and counted in {@link #refused}.
     */
    public VesselInfo merge(VesselInfo report) {
        Objects.requireNonNull(report, "report");
        if (infos.size() >= maxVessels && !infos.containsKey(report.vessel())) {
            refused.increment();
            if (warned.compareAndSet(false, true)) {
                LOG.warn("static data of {} vessels kept, the most there may be; further new vessels' reports are "
                        + "not kept (first: {})", maxVessels, report.vessel());
            }
            return report;
        }
        return infos.merge(report.vessel(), report, VesselInfo::mergedWith);
    }

    /** Reports of new vessels not kept because the registry was full. */
    public long refused() {
        return refused.sum();
    }

    public Optional<VesselInfo> find(VesselId vessel) {
        return Optional.ofNullable(infos.get(vessel));
    }

    /** What is known of {@code vessel}, or null: the allocation-free form for detectors. */
    public @Nullable VesselInfo get(VesselId vessel) {
        return infos.get(vessel);
    }

    public int size() {
        return infos.size();
    }

    /** A snapshot-free view for listings; entries may change while iterating. */
    public Collection<VesselInfo> all() {
        return infos.values();
    }
}
