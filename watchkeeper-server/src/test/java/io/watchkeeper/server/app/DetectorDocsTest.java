package io.watchkeeper.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.server.config.SettingsBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/detectors.md shows every built-in detector's block with every setting at its real default. */
class DetectorDocsTest {

    @Test
    void everySettingAndDefaultIsDocumented() throws Exception {
        Path docs = Path.of("..", "docs", "detectors.md");
        String text = Files.readString(docs);
        for (DetectorSuite.BuiltIn<?> b : DetectorSuite.BUILT_INS) {
            assertThat(text).as("docs/detectors.md has a block for " + b.key()).contains("\n  " + b.key() + ":\n");
            for (String line : SettingsBinder.describe(b.defaults())) {
                assertThat(text).as("docs/detectors.md states " + b.key() + "'s default").contains("    " + line + "\n");
            }
        }
    }
}
