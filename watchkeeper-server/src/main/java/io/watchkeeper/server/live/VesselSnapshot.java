package io.watchkeeper.server.live;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jetbrains.annotations.Nullable;

/**
 * A vessel as the dashboard shows it: its latest fix, the state of each machine, and its static data.
 *
 * @param id     {@link io.watchkeeper.core.fix.VesselId#key()}: an MMSI, or {@code PORT1/3} for a boat
 *               numbered by a station
 * @param last   the newest fix by event time; its absent numbers are NaN as in {@link Fix}
 * @param states machine name → its current state for the vessel, sorted by machine name: for the boat
 *               and port-call machines the engine's own state after the vessel's latest fix (known from
 *               its first fix on), for the others the {@code to} of the machine's latest event
 * @param info   static data from AIS types 5, 19 and 24, or null when none arrived
 */
public record VesselSnapshot(String id, Fix last, Map<String, String> states, @Nullable VesselInfo info) {

    public VesselSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(last, "last");
        states = Collections.unmodifiableMap(new TreeMap<>(states));
    }

    public String site() {
        return last.site();
    }

    /** Event time of the latest fix. */
    public Instant time() {
        return last.time();
    }

    public Optional<VesselInfo> staticData() {
        return Optional.ofNullable(info);
    }
}
