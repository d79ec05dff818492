package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.engine.StateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engine.evictAfter}, {@code engine.vesselsPerStation} and {@code engine.stations} in the YAML file. */
class EngineLimitsConfigTest {

    @Test
    void unsetTheyAreTheDefaults() {
        assertThat(WatchkeeperConfig.DEFAULTS.engine().limits()).isEqualTo(StateLimits.DEFAULTS);
        assertThat(StateLimits.DEFAULTS.evictAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(StateLimits.DEFAULTS.vesselsPerStation()).isEqualTo(100_000);
        assertThat(StateLimits.DEFAULTS.vessels()).isEqualTo(1_000_000);
    }

    @Test
    void theFileSetsThem_andZeroNeverForgets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "engine:\n  evictAfter: 36h\n  vesselsPerStation: 500\n  stations: 20\n  vessels: 4000\n");
        assertThat(ConfigFile.load(file).engine().limits())
                .isEqualTo(new StateLimits(Duration.ofHours(36), 500, 20, 4_000));

        Files.writeString(file, "engine:\n  evictAfter: 0s\n");
        assertThat(ConfigFile.load(file).engine().limits().evictAfter()).isZero();
    }

    @Test
    void badValuesAreOneClearLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "engine:\n  evictAfter: soon\n");
        assertThatThrownBy(() -> ConfigFile.load(file).engine().limits()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("engine.evictAfter:");

        Files.writeString(file, "engine:\n  vesselsPerStation: 0\n");
        assertThatThrownBy(() -> ConfigFile.load(file).engine().limits()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vesselsPerStation");
    }
}
