package io.watchkeeper.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real public maritime data lives ({@code shared/data/} beside the repository): the system
 * property {@code watchkeeper.data}, else the first {@code shared/data} found walking up from the working
 * directory, else {@code /work/shared/data}. Tests that read real ships find it the same way everywhere.
 */
public final class SharedData {

    private static final Path DIR = locate();

    private SharedData() {
    }

    public static Path dir() {
        return DIR;
    }

    public static Path file(String relative) {
        return DIR.resolve(relative);
    }

    private static Path locate() {
        String property = System.getProperty("watchkeeper.data");
        if (property != null) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/data");
    }
}
