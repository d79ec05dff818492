package io.watchkeeper.bench.load;

import io.watchkeeper.bench.SetupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary folders a run makes for the processes it starts, and their removal afterwards. */
final class TempFolders {

    private TempFolders() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new SetupException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    /** Removes {@code dir} and everything in it; a failure is one line on stderr, since a leftover is harmless. */
    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
