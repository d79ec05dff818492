package io.watchkeeper.mqtt.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolsTest {

    private static final String MISSING = "watchkeeper-no-such-program";

    @Test
    void aMissingProgramSkipsWithOneLineNamingThePackage() {
        Assumptions.assumeFalse(ExternalTools.strict(), "strict mode is on (CI=true)");
        assertThatThrownBy(() -> ExternalTools.require(MISSING, "some-package"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(MISSING + " not found: apt-get install some-package");
    }

    @Test
    void underCiOrWhenRequiredAMissingProgramFails() {
        String before = System.getProperty("watchkeeper.requireExternal");
        System.setProperty("watchkeeper.requireExternal", "true");
        try {
            assertThatThrownBy(() -> ExternalTools.require(MISSING, "some-package"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage(MISSING + " not found: apt-get install some-package");
        } finally {
            if (before == null) {
                System.clearProperty("watchkeeper.requireExternal");
            } else {
                System.setProperty("watchkeeper.requireExternal", before);
            }
        }
    }
}
