package io.watchkeeper.mqtt.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolsTest {

    private static final String MISSING = "watchkeeper-no-such-program";

    @Test
    void aMissingProgramSkipsWithOneLineNamingThePackage() {
        assertThatThrownBy(() -> ExternalTools.require(MISSING, "some-package", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage(MISSING + " not found: apt-get install some-package");
    }

    @Test
    void underCiOrWhenRequiredAMissingProgramFails() {
        assertThatThrownBy(() -> ExternalTools.require(MISSING, "some-package", true))
                .isInstanceOf(AssertionError.class)
                .hasMessage(MISSING + " not found: apt-get install some-package");
    }
}
