package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.fix.VesselId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * The vessel registry of one partition: one slot per vessel, created on first sight (if its station's
 * quota allows) and removed when the partition forgets a long-silent vessel.
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

    /** The slot of {@code vessel}, or null if it is not known (never seen, or forgotten). */
    @Nullable VesselSlot get(VesselId vessel) {
        return slots.get(vessel);
    }

    /** A new slot for {@code vessel}, with every detector's initial state. */
    VesselSlot create(VesselId vessel) {
        Object[] states = new Object[detectors.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = detectors.get(i).initial(vessel);
        }
        VesselSlot s = new VesselSlot(states);
        slots.put(vessel, s);
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

    /** Every vessel; its iterator's {@code remove} forgets one. */
    Collection<Map.Entry<VesselId, VesselSlot>> entries() {
        return slots.entrySet();
    }

    int size() {
        return slots.size();
    }
}
