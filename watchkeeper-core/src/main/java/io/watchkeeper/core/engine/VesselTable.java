package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.fix.VesselId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vessel registry of one partition: one slot per vessel, created on first sight.
 *
 * <p>Owned by exactly one thread (the partition's worker, or a test driver's caller); not thread-safe
 * by design, which is what keeps the hot path free of locks.
 */
final class VesselTable {

    private final List<Detector<?>> detectors;
    private final Map<VesselId, VesselSlot> slots = new HashMap<>();

    VesselTable(List<Detector<?>> detectors) {
        this.detectors = detectors;
    }

    /** The slot of {@code vessel}, creating initial states on first sight. */
    VesselSlot slotOf(VesselId vessel) {
        VesselSlot s = slots.get(vessel);
        if (s == null) {
            Object[] states = new Object[detectors.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = detectors.get(i).initial(vessel);
            }
            s = new VesselSlot(states);
            slots.put(vessel, s);
        }
        return s;
    }

    /** Puts back a checkpointed vessel. */
    VesselSlot restore(VesselId vessel, Object[] states) {
        VesselSlot s = new VesselSlot(states);
        slots.put(vessel, s);
        return s;
    }

    Optional<Object> stateOf(VesselId vessel, int detectorIndex) {
        VesselSlot s = slots.get(vessel);
        return s == null ? Optional.empty() : Optional.of(s.states[detectorIndex]);
    }

    Collection<Map.Entry<VesselId, VesselSlot>> entries() {
        return slots.entrySet();
    }

    int size() {
        return slots.size();
    }
}
