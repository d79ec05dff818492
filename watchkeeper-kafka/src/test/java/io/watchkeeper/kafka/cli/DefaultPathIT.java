package io.watchkeeper.kafka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default path loads no Kafka class, even from the Kafka jar, whose class path holds Kafka: the
 * plain commands run in a child JVM with {@code -verbose:class}, and not one {@code org.apache.kafka}
 * class shows up in what it loaded.
 */
class DefaultPathIT {

    @TempDir
    Path dir;

    @Test
    void replayLoadsNoKafkaClass() throws Exception {
        Run run = run("replay", TestData.file("solent-stonesoup/SolentAIS_20160112_130211.csv").toString(), "-q");
        assertThat(run.exit()).isZero();
        assertThat(run.loaded()).contains("io.watchkeeper.server.cli.ReplayCommand").doesNotContain("org.apache.kafka");
        // it did replay: events were printed between the class-loading lines
        assertThat(run.stdout().lines().filter(l -> !l.startsWith("[")).count()).isGreaterThan(100);
    }

    @Test
    void detectWithoutEngineLoadsNoKafkaClass() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run run = run("detect", "--broker", "tcp://127.0.0.1:" + closed);
        assertThat(run.exit()).isEqualTo(1); // nobody there: the one-line failure, after the whole start-up path
        assertThat(run.loaded()).contains("io.watchkeeper.server.cli.DetectCommand").doesNotContain("org.apache.kafka");
    }

    private record Run(int exit, String loaded, String stdout) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), KafkaMain.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 120 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        StringBuilder loaded = new StringBuilder();
        stdout.lines().filter(l -> l.startsWith("[") && l.contains("class,load")).forEach(l -> loaded.append(l).append('\n'));
        return new Run(p.exitValue(), loaded.toString(), stdout);
    }
}
