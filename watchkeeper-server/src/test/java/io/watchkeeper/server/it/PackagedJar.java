package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged application as a user runs it, {@code java -jar target/watchkeeper.jar ...}, for the ITs. */
public final class PackagedJar {

    /** {@code -Dwatchkeeper.jar=FILE} runs another build, such as one from before a fix, against the same ITs. */
    public static final Path JAR = Path.of(System.getProperty("watchkeeper.jar", "target/watchkeeper.jar"));

    private PackagedJar() {
    }

    /** Starts the jar with {@code args}, its stdout and stderr going to the two files. */
    public static Process start(Path out, Path err, String... args) throws IOException {
        assertThat(JAR).as("the jar is built by 'mvn package' before integration tests").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** A loopback port free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
