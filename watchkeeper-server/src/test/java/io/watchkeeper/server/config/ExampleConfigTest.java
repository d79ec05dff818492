package io.watchkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.server.app.DetectorSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * examples/watchkeeper.yaml holds every key the loader knows, each at its real default, and
 * docs/configuration.md names every key and its variable: a key added to the config records or to a detector's
 * settings fails here until both show it.
 */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "watchkeeper.yaml");
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    void theExampleHasEveryKey() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());
        for (ConfigKey key : EnvOverridesTest.KEYS.all()) {
            JsonNode at = tree;
            for (String level : key.path().split("\\.")) {
                at = at == null ? null : at.get(level);
            }
            assertThat(at).as("examples/watchkeeper.yaml has " + key.path()).isNotNull();
        }
    }

    @Test
    void theDocsNameEveryKeyAndItsVariable() throws Exception {
        String docs = Files.readString(DOCS);
        for (ConfigKey key : EnvOverridesTest.KEYS.all()) {
            assertThat(docs).as("docs/configuration.md names " + key.path())
                    .contains("| `" + key.path() + "` | `" + key.envName() + "` |");
        }
    }

    @Test
    void theExampleLoadsWithTheRealLoaderAndSaysTheRealDefaults() {
        WatchkeeperConfig c = ConfigFile.load(EXAMPLE, Map.of(), EnvOverridesTest.KEYS);
        ConfigFile.check(c, EnvOverridesTest.KEYS);
        WatchkeeperConfig d = WatchkeeperConfig.DEFAULTS;
        assertThat(c.broker().url()).isNull();
        assertThat(c.broker().clientId()).isNull();
        assertThat(c.broker().username()).isNull();
        assertThat(c.broker().passwordFile()).isNull();
        assertThat(c.broker().trustStore()).isNull();
        assertThat(c.broker().trustStorePasswordFile()).isNull();
        assertThat(c.broker().maxPacketBytesOrDefault()).isEqualTo(d.broker().maxPacketBytesOrDefault());
        assertThat(c.engine().toEngineConfig()).isEqualTo(EngineConfig.defaults());
        assertThat(c.input().maxPayloadBytesOrDefault()).isEqualTo(d.input().maxPayloadBytesOrDefault());
        assertThat(c.input().maxAheadOrDefault()).isEqualTo(DetectionSetup.DEFAULT_MAX_AHEAD);
        assertThat(c.motion().toSpeedProfile()).isEqualTo(SpeedProfile.DEFAULT);
        assertThat(c.store().url()).isNull();
        assertThat(c.store().retentionOrDefault()).isEqualTo(d.store().retentionOrDefault());
        assertThat(c.http().port()).isNull();
        assertThat(c.http().host()).isEqualTo("127.0.0.1"); // WebOptions.DEFAULT_HOST
        assertThat(c.inputs()).isEmpty();
        assertThat(c.zones()).isEmpty();
        assertThat(c.rules()).isNull();
        for (DetectorSuite.BuiltIn<?> b : DetectorSuite.BUILT_INS) {
            JsonNode block = c.detectors().get(b.key());
            assertThat(block.get(ConfigKeys.ENABLED).booleanValue()).as(b.key() + " enabled").isTrue();
            assertThat((Object) SettingsBinder.bind("detectors." + b.key(), b.defaults(), block, Set.of(ConfigKeys.ENABLED)))
                    .as(b.key() + "'s settings in the example").isEqualTo(b.defaults());
        }
    }
}
