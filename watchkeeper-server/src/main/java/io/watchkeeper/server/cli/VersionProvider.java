package io.watchkeeper.server.cli;

import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the Implementation-Version that the build writes into the jar's manifest, so the answer
 * is the version actually running rather than a literal someone forgot to bump.
 */
final class VersionProvider implements IVersionProvider {

    static final String NOT_FROM_A_JAR = "unknown (not run from a jar)";

    @Override
    public String[] getVersion() {
        return new String[] {line(VersionProvider.class.getPackage().getImplementationVersion())};
    }

    /** From classes on disk (an IDE, the unit tests) there is no manifest, hence no version to report. */
    static String line(@Nullable String implementationVersion) {
        boolean known = implementationVersion != null && !implementationVersion.isBlank();
        return "watchkeeper " + (known ? implementationVersion : NOT_FROM_A_JAR);
    }
}
