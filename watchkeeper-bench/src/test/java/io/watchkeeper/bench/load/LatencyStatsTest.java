package io.watchkeeper.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        long[] micros = new long[100];
        for (int i = 0; i < 100; i++) {
            micros[i] = (100 - i) * 1000L; // 100 ms .. 1 ms, unsorted
        }

        LatencyStats s = LatencyStats.of(micros, 100);

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        long[] micros = {4_000, 1_000, 3_000, 2_000};

        LatencyStats s = LatencyStats.of(micros, 4);

        assertThat(s.p50Ms()).isEqualTo(2.0); // rank ceil(0.5 * 4) = 2
        assertThat(s.p99Ms()).isEqualTo(4.0); // rank ceil(0.99 * 4) = 4
        assertThat(s.maxMs()).isEqualTo(4.0);
    }

    @Test
    void oneValueIsEveryPercentileAndMicrosecondsBecomeFractionalMilliseconds() {
        LatencyStats s = LatencyStats.of(new long[] {1_234, 99}, 1); // only the first value counts

        assertThat(s.p50Ms()).isEqualTo(1.234);
        assertThat(s.p99Ms()).isEqualTo(1.234);
        assertThat(s.maxMs()).isEqualTo(1.234);
    }

    @Test
    void aThousandValuesPutP99AtThe990th() {
        long[] micros = new long[1000];
        for (int i = 0; i < 1000; i++) {
            micros[i] = i + 1;
        }

        LatencyStats s = LatencyStats.of(micros, 1000);

        assertThat(LatencyStats.percentile(micros, 1000, 99)).isEqualTo(990);
        assertThat(LatencyStats.percentile(micros, 1000, 50)).isEqualTo(500);
        assertThat(s.maxMs()).isEqualTo(1.0);
    }

    @Test
    void noValuesGiveNotANumberAndBadArgumentsAreRefused() {
        assertThat(LatencyStats.of(new long[0], 0)).isEqualTo(LatencyStats.NONE);
        assertThat(LatencyStats.NONE.p99Ms()).isNaN();
        assertThatThrownBy(() -> LatencyStats.of(new long[1], 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[1], 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
