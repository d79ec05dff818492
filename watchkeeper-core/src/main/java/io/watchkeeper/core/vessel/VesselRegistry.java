package io.watchkeeper.core.vessel;

import io.watchkeeper.core.fix.VesselId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.annotations.Nullable;

/**
 * Static data per vessel, merged as reports arrive. Written by the decoding stage, read by detectors
 * and event bodies on the engine's worker threads: entries are immutable records replaced whole, so
 * a reader always sees a consistent {@link VesselInfo}.
 */
public final class VesselRegistry {

    private final ConcurrentHashMap<VesselId, VesselInfo> infos = new ConcurrentHashMap<>();

    /** Merges a possibly partial report into what is known; returns the merged info. */
    public VesselInfo merge(VesselInfo report) {
        Objects.requireNonNull(report, "report");
        return infos.merge(report.vessel(), report, VesselInfo::mergedWith);
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
