package io.watchkeeper.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.ImportRules;
import org.junit.jupiter.api.Test;

/** Core has no I/O and knows no network or web library (DESIGN.md §2, STYLE.md rule 1). */
class ModuleBoundaryTest {

    @Test
    void coreImportsNoIoNetworkWebOrOuterModule() {
        assertThat(ImportRules.violations("com.hivemq", "io.javalin", "com.fasterxml", "java.net", "java.nio.file",
                "java.io.File", "java.sql", "io.watchkeeper.mqtt", "io.watchkeeper.ais", "io.watchkeeper.server",
                "io.watchkeeper.bench")).isEmpty();
    }
}
