package io.watchkeeper.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The repository's real test data: {@code data/} at the repository root (its README lists the sets,
 * their sources and licences). Maven runs tests in the module folder and IDEs may use the root, so the
 * root is found by walking up from the working directory to the folder holding both {@code pom.xml}
 * and {@code data/README.md}. A module folder has a pom.xml, and may have a {@code data/} folder of
 * runtime state written by a command, but never {@code data/README.md}.
 */
public final class TestData {

    static final String MARKER = "README.md";
    private static final Path DIR = locate(Path.of("").toAbsolutePath());

    private TestData() {
    }

    /** The {@code data/} folder at the repository root. */
    public static Path dir() {
        return DIR;
    }

    /**
     * A file under {@code data/}, e.g. {@code "dma-aislib/ais250.txt"}. A missing file fails here, with
     * its name, rather than later as a confusing "no such file" inside the code under test.
     */
    public static Path file(String relative) {
        Objects.requireNonNull(relative, "relative");
        Path file = DIR.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no test data file " + file + " (data/README.md lists the sets)");
        }
        return file;
    }

    /** The {@code data/} folder of the nearest repository root at or above {@code start}. */
    static Path locate(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("data").resolve(MARKER))) {
                return p.resolve("data");
            }
        }
        throw new IllegalStateException("no repository root (pom.xml and data/" + MARKER + ") at or above " + start
                + ": run the tests inside a clone of the repository");
    }
}
