package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.gap.GapSettings;
import io.watchkeeper.server.app.DetectorSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code WATCHKEEPER_*} variables over the YAML file, through the real loader with an injected environment. */
class EnvOverridesTest {

    static final ConfigKeys KEYS = keys();

    @TempDir
    Path dir;

    static ConfigKeys keys() {
        Map<String, Record> detectors = new LinkedHashMap<>();
        DetectorSuite.BUILT_INS.forEach(b -> detectors.put(b.key(), b.defaults()));
        return ConfigKeys.of(detectors);
    }

    @Test
    void theNameIsThePathInUpperSnakeCase() {
        assertThat(new ConfigKey("engine.workers", Integer.class).envName()).isEqualTo("WATCHKEEPER_ENGINE_WORKERS");
        assertThat(new ConfigKey("broker.url", String.class).envName()).isEqualTo("WATCHKEEPER_BROKER_URL");
        assertThat(new ConfigKey("engine.queueCapacity", Integer.class).envName())
                .isEqualTo("WATCHKEEPER_ENGINE_QUEUE_CAPACITY");
        assertThat(new ConfigKey("detectors.portCall.stopDuration", Duration.class).envName())
                .isEqualTo("WATCHKEEPER_DETECTORS_PORT_CALL_STOP_DURATION");
    }

    @Test
    void everyKeyHasAVariableOfItsOwn() {
        Set<String> names = new HashSet<>();
        for (ConfigKey k : KEYS.all()) {
            assertThat(names.add(k.envName())).as("two keys would share " + k.envName()).isTrue();
        }
        assertThat(KEYS.all()).extracting(ConfigKey::path)
                .contains("broker.url", "engine.workers", "zones", "detectors.gap.atSea", "detectors.gap.enabled",
                        "store.retention", "http.port");
    }

    @Test
    void aVariableBeatsTheFileAndTheFileKeepsWhatNoVariableSets() throws Exception {
        Path yaml = Files.writeString(dir.resolve("w.yaml"),
                "engine:\n  workers: 2\n  queueCapacity: 64\ndetectors:\n  gap:\n    inPort: 1h\n");
        WatchkeeperConfig c = ConfigFile.load(yaml, Map.of(
                "WATCHKEEPER_ENGINE_WORKERS", "3",
                "WATCHKEEPER_BROKER_URL", "tcp://broker.example:1884",
                "WATCHKEEPER_ZONES", "builtin:wpi, ports.geojson",
                "WATCHKEEPER_DETECTORS_GAP_AT_SEA", "3h",
                "WATCHKEEPER_DETECTORS_ENCOUNTER_ENABLED", "false",
                "WATCHKEEPER_MOTION_REST_BELOW_KNOTS", "0.3",
                "WATCHKEEPER_HTTP_PORT", "8081",
                "WATCHKEEPER_LOG_LEVEL", "DEBUG",             // not a key: left to its reader
                "WATCHKEEPER_MQTT_PASSWORD", "not-a-key-either",
                "PATH", "/usr/bin"), KEYS);
        assertThat(c.engine().workers()).isEqualTo(3);
        assertThat(c.engine().queueCapacity()).isEqualTo(64);
        assertThat(c.broker().url()).isEqualTo("tcp://broker.example:1884");
        assertThat(c.zones()).containsExactly("builtin:wpi", "ports.geojson");
        assertThat(c.motion().toSpeedProfile().restBelowKnots()).isEqualTo(0.3);
        assertThat(c.http().port()).isEqualTo(8081);
        GapSettings gap = SettingsBinder.bind("detectors.gap", GapSettings.DEFAULTS, c.detectors().get("gap"), Set.of("enabled"));
        assertThat(gap.atSea()).isEqualTo(Duration.ofHours(3));
        assertThat(gap.inPort()).isEqualTo(Duration.ofHours(1));
        assertThat(c.detectors().get("encounter").get("enabled").booleanValue()).isFalse();
        // and the suite built from it runs without the encounter detector
        assertThat(DetectorSuite.from(c, List.of(), null).pairs()).noneMatch(p -> p.getClass().getSimpleName().equals("EncounterDetector"));
    }

    @Test
    void withoutAFileTheVariablesApplyToTheDefaults() {
        WatchkeeperConfig c = ConfigFile.load(null, Map.of("WATCHKEEPER_STORE_RETENTION", "7d"), KEYS);
        assertThat(c.store().retentionOrDefault()).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigFile.load(null, Map.of(), KEYS)).isEqualTo(WatchkeeperConfig.DEFAULTS);
    }

    @Test
    void aBadValueIsOneLineNamingTheVariable() {
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_ENGINE_WORKERS", "many"), KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("WATCHKEEPER_ENGINE_WORKERS: expected a whole number, got 'many'");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_ENGINE_WORKERS", "0"), KEYS))
                .hasMessage("WATCHKEEPER_ENGINE_WORKERS: workers must be 1..1024, was 0");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_DETECTORS_GAP_AT_SEA", "soon"), KEYS))
                .hasMessageStartingWith("WATCHKEEPER_DETECTORS_GAP_AT_SEA: detectors.gap.atSea: 'soon' is not a duration");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_DETECTORS_GAP_ENABLED", "no"), KEYS))
                .hasMessage("WATCHKEEPER_DETECTORS_GAP_ENABLED: expected true or false, got 'no'");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_BROKER_URL", "tcp://host:99999"), KEYS))
                .hasMessageStartingWith("WATCHKEEPER_BROKER_URL: ");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_HTTP_PORT", "70000"), KEYS))
                .hasMessage("WATCHKEEPER_HTTP_PORT: http.port must be 0..65535, got 70000");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_STORE_RETENTION", "-1d"), KEYS))
                .hasMessageStartingWith("WATCHKEEPER_STORE_RETENTION: store.retention: ");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_DETECTORS_ZONE_KINDS", "port,harbour"), KEYS))
                .hasMessageStartingWith("WATCHKEEPER_DETECTORS_ZONE_KINDS: detectors.zone.kinds[1]: 'harbour' is not one of");
    }

    @Test
    void aMisspeltVariableOfAKnownSectionIsAnError() {
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_ENGINE_WORKRS", "4"), KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("WATCHKEEPER_ENGINE_WORKRS: no such setting; the WATCHKEEPER_ENGINE_* variables are "
                        + "[WATCHKEEPER_ENGINE_WORKERS, WATCHKEEPER_ENGINE_QUEUE_CAPACITY, WATCHKEEPER_ENGINE_EVICT_AFTER, "
                        + "WATCHKEEPER_ENGINE_VESSELS_PER_STATION, WATCHKEEPER_ENGINE_STATIONS, WATCHKEEPER_ENGINE_VESSELS]");
        assertThatThrownBy(() -> ConfigFile.load(null, Map.of("WATCHKEEPER_DETECTORS_GAP_ATSEA", "4h"), KEYS))
                .hasMessageStartingWith("WATCHKEEPER_DETECTORS_GAP_ATSEA: no such setting");
    }

    @Test
    void aBadFileStillNamesItsLineWhenVariablesAreSet() throws Exception {
        Path yaml = Files.writeString(dir.resolve("w.yaml"), "engine:\n  workrs: 2\n");
        assertThatThrownBy(() -> ConfigFile.load(yaml, Map.of("WATCHKEEPER_ENGINE_WORKERS", "3"), KEYS))
                .hasMessageStartingWith(yaml + " line 2: unknown key 'workrs'");
    }
}
