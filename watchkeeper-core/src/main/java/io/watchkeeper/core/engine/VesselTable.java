package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.fix.VesselId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vessel registry of one partition: one state per detector per vessel, created on first sight.
 *
 * <p>Owned by exactly one thread (the partition's worker, or a test driver's caller); not thread-safe
 * by design, which is what keeps the hot path free of locks.
 */
final class VesselTable {

    private final List<Detector<?>> detectors;
    private final Map<VesselId, Object[]> states = new HashMap<>();

    VesselTable(List<Detector<?>> detectors) {
        this.detectors = detectors;
    }

    /** The per-detector states of {@code vessel}, creating initial ones on first sight. */
    Object[] statesOf(VesselId vessel) {
        Object[] s = states.get(vessel);
        if (s == null) {
            s = new Object[detectors.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = detectors.get(i).initial(vessel);
            }
            states.put(vessel, s);
        }
        return s;
    }

    Optional<Object> stateOf(VesselId vessel, int detectorIndex) {
        Object[] s = states.get(vessel);
        return s == null ? Optional.empty() : Optional.of(s[detectorIndex]);
    }

    int size() {
        return states.size();
    }
}
