package io.watchkeeper.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static RunResult run(LoadRun.Mode mode, long sent, long received, double completeSeconds,
                                 double jvmCpu, double brokerCpu) {
        return new RunResult("mosquitto", mode, sent, 0, 47_955, received, 0, 0, 0, 1.0, completeSeconds,
                new LatencyStats(received > 0 ? (int) received : 0, 1.5, 9.25, 12.0), null, -1, 0, 0,
                jvmCpu, brokerCpu, completeSeconds);
    }

    @Test
    void jsonCarriesEndToEndThroughputCpuPerPositionAndTheRawRateToCompareWith() throws Exception {
        RunResult raw = run(LoadRun.Mode.RAW, 100_000, 100_000, 2.0, 2.0, 1.0);
        RunResult e2e = run(LoadRun.Mode.E2E, 100_000, 47_955, 4.0, 4.5, 1.5);

        JsonNode o = new ObjectMapper().readTree(Report.json(new E2eCommand.TargetResult("mosquitto", raw, e2e)));

        assertThat(o.get("throughput").asDouble()).isEqualTo(25_000.0);      // 100,000 positions in 4 s
        assertThat(o.get("cpuMicrosPerPosition").asDouble()).isEqualTo(60.0); // (4.5 + 1.5) s / 100,000
        assertThat(o.get("rawPassThroughRate").asDouble()).isEqualTo(50_000.0);
        assertThat(o.get("lostEvents").asLong()).isZero();
    }

    @Test
    void anEmbeddedBrokerHasNoProcessOfItsOwnAndARunWithoutTimeHasNoThroughput() throws Exception {
        RunResult e2e = run(LoadRun.Mode.E2E, 1_000, 0, 0.0, 0.5, Double.NaN);

        JsonNode o = new ObjectMapper().readTree(Report.json(new E2eCommand.TargetResult("embedded", null, e2e)));

        assertThat(o.get("throughput").isNull()).isTrue();
        assertThat(o.get("cpuMicrosPerPosition").asDouble()).isEqualTo(500.0);
        assertThat(o.has("rawPassThroughRate")).isFalse();
    }
}
