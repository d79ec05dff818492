package io.watchkeeper.server.durable;

import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Finds the detectors of a setup that cannot write their state, before a checkpoint would fail. */
public final class Checkpointable {

    private static final VesselId PROBE = VesselId.of("checkpoint-probe");

    private Checkpointable() {
    }

    /** Names of the detectors that cannot be checkpointed; empty if all can. */
    @SuppressWarnings("unchecked")
    public static List<String> missing(DetectionSetup setup) {
        List<String> out = new ArrayList<>();
        StateOut sink = new StateOut(OutputStream.nullOutputStream());
        for (Detector<?> d : setup.detectors()) {
            Detector<Object> detector = (Detector<Object>) d;
            if (!writes(() -> Detector.codecOf(detector).write(detector.initial(PROBE), sink))) {
                out.add(d.name());
            }
        }
        for (PairDetector p : setup.pairDetectors()) {
            if (!writes(() -> p.writeState(sink))) {
                out.add(p.name());
            }
        }
        return out;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static boolean writes(Write w) {
        try {
            w.run();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("writing to a null stream failed", e);
        }
    }
}
