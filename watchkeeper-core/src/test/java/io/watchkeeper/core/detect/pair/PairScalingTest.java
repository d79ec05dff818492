package io.watchkeeper.core.detect.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.fix.VesselId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The work per fix must not grow with the fleet at a fixed density. Not a timed test: it counts the
 * great-circle distances the detector computes, which is where the time goes.
 */
class PairScalingTest {

    /** Distances per fix in the second round of fixes over a square lattice of {@code n} vessels 400 m apart. */
    private static double distancesPerFix(int n) {
        EncounterDetector detector = new EncounterDetector();
        PairHarness h = new PairHarness(detector);
        int side = (int) Math.ceil(Math.sqrt(n));
        List<VesselId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(VesselId.of(Integer.toString(100_000_000 + i)));
        }
        feedRound(h, ids, side, 0);
        long before = detector.distanceComputations();
        feedRound(h, ids, side, 60);
        assertThat(detector.trackedVessels()).isEqualTo(n);
        assertThat(detector.trackedPairs()).isLessThanOrEqualTo(2 * n); // 4 lattice neighbours within 500 m each
        return (detector.distanceComputations() - before) / (double) n;
    }

    private static void feedRound(PairHarness h, List<VesselId> ids, int side, long second) {
        for (int i = 0; i < ids.size(); i++) {
            double[] p = PairHarness.offset(0.0, 0.0, (i / side) * 400.0, (i % side) * 400.0);
            h.feed(PairHarness.fix(ids.get(i), second, p[0], p[1], 0.5, 90));
        }
    }

    @Test
    void distancesPerFixStayFlatFromOneThousandToOneHundredThousandVessels() {
        double small = distancesPerFix(1_000);
        double medium = distancesPerFix(10_000);
        double large = distancesPerFix(100_000);
        assertThat(large).isLessThan(16.0);
        assertThat(large / small).isBetween(0.8, 1.25);
        assertThat(medium / small).isBetween(0.8, 1.25);
    }
}
