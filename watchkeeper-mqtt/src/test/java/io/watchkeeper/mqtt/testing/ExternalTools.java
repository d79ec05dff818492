package io.watchkeeper.mqtt.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards tests that need programs from Debian packages (mosquitto, gpsdecode, python3-paho-mqtt).
 *
 * <p>On a developer machine a missing program skips the test with one line naming the package to
 * install (STYLE.md §8). Under CI ({@code CI=true}) or with {@code -Dwatchkeeper.requireExternal=true}
 * the same line fails the test instead: a CI image that lost a package must not go green by skipping.
 */
public final class ExternalTools {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private ExternalTools() {
    }

    /**
     * Passes if {@code command} is on the PATH (or in {@code /usr/sbin}, {@code /sbin}, where Debian puts
     * {@code mosquitto} but a non-root PATH does not look); otherwise skips or fails with
     * {@code <command> not found: apt-get install <debianPackage>}.
     */
    public static void require(String command, String debianPackage) {
        require(command, debianPackage, strict());
    }

    /** {@link #require} with the strictness given, so that both behaviours can be tested under CI too. */
    static void require(String command, String debianPackage, boolean strict) {
        if (find(command).isEmpty()) {
            missing(command + " not found: apt-get install " + debianPackage, strict);
        }
    }

    /** Like {@link #require} and returns the program's absolute path. */
    public static Path path(String command, String debianPackage) {
        require(command, debianPackage);
        return find(command).orElseThrow();
    }

    /**
     * Passes if {@code /usr/bin/python3 -c 'import <module>'} succeeds; otherwise skips or fails with
     * {@code python3 module <module> not found: apt-get install <debianPackage>}.
     */
    public static void requirePythonModule(String module, String debianPackage) {
        String line = "python3 module " + module + " not found: apt-get install " + debianPackage;
        if (!Files.isExecutable(PYTHON)) {
            missing(line, strict());
            return;
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                missing(line, strict());
            } else if (process.exitValue() != 0) {
                missing(line, strict());
            }
        } catch (IOException e) {
            missing(line, strict());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while checking for python3 module " + module, e);
        }
    }

    /** The absolute path of {@code command}, if it is installed. */
    public static Optional<Path> find(String command) {
        List<String> dirs = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            dirs.addAll(List.of(pathVariable.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Whether a missing program fails the test rather than skipping it. */
    public static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getProperty("watchkeeper.requireExternal"));
    }

    private static void missing(String line, boolean strict) {
        if (strict) {
            throw new AssertionError(line);
        }
        Assumptions.abort(line);
    }
}
