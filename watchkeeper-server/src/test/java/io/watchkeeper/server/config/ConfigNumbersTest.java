package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.rules.RulesFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The other readers of numbers a user writes, against the trap that held the fix decoder: a number such as
 * {@code 1e-700000000} that reads as 0.0 and then costs 10^700000000 in exact arithmetic. Each must answer
 * at once, with a value or one line.
 */
class ConfigNumbersTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @ParameterizedTest
    @ValueSource(strings = {"1e-700000000", "-1E+700000000", "1e99999999999", "0.0e-2147483648"})
    void everyNumberOfTheConfigFileAnswersAtOnce(String n) {
        List<String> yamls = List.of(
                "engine:\n  workers: " + n + "\n",
                "engine:\n  queueCapacity: " + n + "\n",
                "input:\n  maxPayloadBytes: " + n + "\n",
                "motion:\n  restBelowKnots: " + n + "\n",
                "motion:\n  moveAboveKnots: " + n + "\n",
                "motion:\n  minDwell: " + n + "\n",
                "http:\n  port: " + n + "\n",
                "store:\n  retention: " + n + "\n",
                "detectors:\n  gap:\n    atSea: " + n + "\n",
                "detectors:\n  encounter:\n    distanceMetres: " + n + "\n");
        for (String yaml : yamls) {
            Throwable t = assertTimeoutPreemptively(AT_ONCE, () -> catchThrowable(() -> {
                WatchkeeperConfig c = ConfigFile.parse(yaml, "watchkeeper.yaml");
                c.motion().toSpeedProfile();
                c.store().retentionOrDefault();
                DetectorSuite.from(c, List.of(), null);
            }), yaml);
            assertThat(t).as(yaml).satisfiesAnyOf(
                    x -> assertThat(x).isNull(),
                    x -> assertThat(x).isInstanceOf(ConfigException.class).hasMessageNotContaining("\n")
                            .hasMessageNotContaining("unknown"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-700000000", "-1E+700000000", "1e99999999999"})
    void rulesFileNumbersAnswerAtOnce(String n) {
        String yaml = "machines:\n  - name: m\n    states: [a, b]\n    initial: a\n    transitions:\n"
                + "      - {from: a, to: b, when: [{speedBelow: " + n + "}]}\n";
        Throwable t = assertTimeoutPreemptively(AT_ONCE, () -> catchThrowable(() -> RulesFile.parse(yaml, "rules.yaml")));
        assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).hasMessageNotContaining("\n"));
    }
}
