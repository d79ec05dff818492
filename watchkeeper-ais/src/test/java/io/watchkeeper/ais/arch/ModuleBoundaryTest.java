package io.watchkeeper.ais.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.ImportRules;
import org.junit.jupiter.api.Test;

/** The AIS module knows no MQTT and no web library, nor the modules above it (DESIGN.md §2). */
class ModuleBoundaryTest {

    @Test
    void aisImportsNoMqttWebOrOuterModule() {
        assertThat(ImportRules.violations("com.hivemq", "io.javalin", "io.watchkeeper.mqtt", "io.watchkeeper.server",
                "io.watchkeeper.bench")).isEmpty();
    }
}
