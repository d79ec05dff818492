package io.watchkeeper.mqtt.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.ImportRules;
import org.junit.jupiter.api.Test;

/** The MQTT module depends on core only: no web library, no server, no AIS (STYLE.md rule 1). */
class ModuleBoundaryTest {

    @Test
    void mqttImportsNoWebServerOrAis() {
        assertThat(ImportRules.violations("io.javalin", "io.watchkeeper.ais", "io.watchkeeper.server",
                "io.watchkeeper.bench")).isEmpty();
    }
}
