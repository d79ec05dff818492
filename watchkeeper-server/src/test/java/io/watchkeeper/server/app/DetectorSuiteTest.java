package io.watchkeeper.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchkeeper.core.detect.gap.GapDetector;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.config.ConfigFile;
import io.watchkeeper.server.config.SettingsBinder;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.core.detect.gap.GapSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorSuiteTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private WatchkeeperConfig config(String yaml) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, yaml);
        return ConfigFile.load(f);
    }

    @Test
    void everyBuiltInRunsByDefaultAndOneCanBeTurnedOff() throws Exception {
        DetectorSuite all = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        assertThat(all.names()).contains("boat", "ais-gap", "loitering", "drifting", "speeding", "speed-change");

        DetectorSuite some = DetectorSuite.from(config("detectors:\n  drifting: {enabled: false}\n"), List.of(), null);
        assertThat(some.names()).doesNotContain("drifting").contains("loitering");
    }

    @Test
    void settingsComeFromYamlWithDurationsInEveryDayForms() throws Exception {
        WatchkeeperConfig c = config("detectors:\n  gap:\n    atSea: 3h\n    inPort: PT20M\n");
        GapSettings s = SettingsBinder.bind("detectors.gap", GapSettings.DEFAULTS, c.detectors().get("gap"), Set.of());
        assertThat(s.atSea()).isEqualTo(Duration.ofHours(3));
        assertThat(s.inPort()).isEqualTo(Duration.ofMinutes(20));
        assertThat(DetectorSuite.from(c, List.of(), null).detectors()).anyMatch(d -> d instanceof GapDetector);
    }

    @Test
    void mistakesNameThePlaceAndTheChoices() throws Exception {
        assertThatThrownBy(() -> DetectorSuite.from(config("detectors:\n  gapp: {}\n"), List.of(), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown detector 'gapp'")
                .hasMessageContaining("gap");
        assertThatThrownBy(() -> DetectorSuite.from(config("detectors:\n  gap: {atsea: 3h}\n"), List.of(), null))
                .hasMessage("detectors.gap: unknown setting 'atsea' (known here: [atSea, inPort])");
        assertThatThrownBy(() -> DetectorSuite.from(config("detectors:\n  gap: {atSea: soon}\n"), List.of(), null))
                .hasMessageStartingWith("detectors.gap.atSea: 'soon' is not a duration");
        assertThatThrownBy(() -> DetectorSuite.from(config("detectors:\n  loitering: {maxSpeedKnots: fast}\n"), List.of(), null)).hasMessageContaining("detectors.loitering.maxSpeedKnots: expected a number");
        assertThatThrownBy(() -> DetectorSuite.from(config("detectors:\n  gap: {atSea: 0s}\n"), List.of(), null))
                .hasMessageContaining("detectors.gap: gap thresholds must be at least 1 s");
    }

    @Test
    void describeListsEachSettingWithItsDefault() {
        assertThat(SettingsBinder.describe(GapSettings.DEFAULTS)).containsExactly("atSea: 6h", "inPort: 4h");
    }
}
