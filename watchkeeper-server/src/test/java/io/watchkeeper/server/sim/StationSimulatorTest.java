package io.watchkeeper.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationSimulatorTest {

    private static List<StationSimulator.Report> run(long seed, int n) {
        StationSimulator sim = new StationSimulator("PORT1", 4, 2, seed);
        List<StationSimulator.Report> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sim.next());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        assertThat(run(42, 1000)).isEqualTo(run(42, 1000)).isNotEqualTo(run(43, 1000));
    }

    @Test
    void ticksAreAtTheRateAndEveryBoatIsUsed() {
        List<StationSimulator.Report> reports = run(1, 400);

        assertThat(reports.get(0).elapsedSeconds()).isEqualTo(0.5);
        assertThat(reports.get(399).elapsedSeconds()).isEqualTo(200.0);
        assertThat(reports.stream().map(StationSimulator.Report::boatId).distinct().sorted().toList())
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void aboutSixInTenTicksMoveTheBoat() {
        StationSimulator sim = new StationSimulator("P", 4, 2, 5);
        double[][] last = new double[4][2];
        int moved = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            StationSimulator.Report r = sim.next();
            if (r.x() != last[r.boatId()][0] || r.y() != last[r.boatId()][1]) {
                moved++;
            }
            last[r.boatId()][0] = r.x();
            last[r.boatId()][1] = r.y();
        }
        // Binomial(20000, 0.6): sd ~ 69, so +/- 400 is more than 5 sd.
        assertThat(moved).isBetween(12_000 - 400, 12_000 + 400);
    }

    @Test
    void stepsScaleWithTheTimeSinceTheBoatsLastTick() {
        // One boat at 2 Hz: each tick is 0.5 s after the last, so sigma = 0.0625 * 0.5.
        StationSimulator sim = new StationSimulator("P", 1, 2, 9);
        double px = 0;
        double sumSq = 0;
        int moves = 0;
        for (int i = 0; i < 20_000; i++) {
            StationSimulator.Report r = sim.next();
            double dx = r.x() - px;
            px = r.x();
            if (dx != 0) {
                sumSq += dx * dx;
                moves++;
            }
        }
        double sigma = Math.sqrt(sumSq / moves);
        assertThat(sigma).isCloseTo(0.0625 * 0.5, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void jsonIsTheOriginalStationFormat() throws Exception {
        StationSimulator sim = new StationSimulator("PORT2", 4, 2, 3);
        StationSimulator.Report r = sim.next();

        JsonNode n = new ObjectMapper().readTree(sim.toJson(r, Instant.ofEpochMilli(1_500_000_000_250L)));

        assertThat(n.get("boat_id").isInt()).isTrue();
        assertThat(n.at("/position/ts").decimalValue()).isEqualByComparingTo("1500000000.25");
        assertThat(n.at("/position/x").asDouble()).isEqualTo(r.x());
        assertThat(n.at("/position/port_id").asText()).isEqualTo("PORT2");
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        assertThatThrownBy(() -> new StationSimulator("PORT 1", 4, 2, 1)).hasMessageContaining("station id");
        assertThatThrownBy(() -> new StationSimulator("P", 0, 2, 1)).hasMessageContaining("boats");
        assertThatThrownBy(() -> new StationSimulator("P", 4, 0, 1)).hasMessageContaining("rate");
    }
}
