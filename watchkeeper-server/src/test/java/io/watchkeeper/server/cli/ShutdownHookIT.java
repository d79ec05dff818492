package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.security.SecurityFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Shutdown}'s hook in a process of its own ({@link StoppingCommand}), as {@link Main#main} uses it:
 * after SIGTERM the command's own status once it has closed, and when the budget runs out one WARN line
 * and status 1 at the budget, past a close that never ends, a thread that is not a daemon and another
 * shutdown hook that never returns.
 */
class ShutdownHookIT {

    private static final Duration SLACK = Duration.ofSeconds(5);

    @Test
    void anOrderlyStopExitsWithTheCommandsStatusNot143(@TempDir Path dir) throws Exception {
        Process p = start(dir, "orderly");
        p.destroy();
        assertThat(p.waitFor(StoppingCommand.BUDGET.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).as(output(dir)).isZero();
        assertThat(output(dir)).contains("closed").doesNotContain("stop budget");
    }

    @Test
    void aCloseThatHangsIsCutOffAtTheBudgetWithOneWarningAndStatus1(@TempDir Path dir) throws Exception {
        Process p = start(dir, "hang");
        long asked = System.nanoTime();
        p.destroy();
        assertThat(p.waitFor(StoppingCommand.BUDGET.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        System.out.printf("stop budget: a close that never ends, budget %d s: exited %d after %.1f s%n",
                StoppingCommand.BUDGET.toSeconds(), p.exitValue(), took.toMillis() / 1000.0);
        assertThat(p.exitValue()).as(output(dir)).isEqualTo(Shutdown.BUDGET_EXCEEDED_STATUS);
        assertThat(took).isGreaterThanOrEqualTo(StoppingCommand.BUDGET);
        assertThat(output(dir).lines().filter(l -> l.contains("stop budget"))).singleElement().asString()
                .contains("watchkeeper test: stop budget of 2 s ran out while waiting for a socket that never "
                        + "answers; abandoned: what it held; exiting with status 1");
    }

    @Test
    void anOrderlyStopLeavesNoTrustStoreMadeFromACafileBehind(@TempDir Path dir) throws Exception {
        // The hook ends the JVM with halt, which skips deleteOnExit: the files must be deleted before it.
        SecurityFixtures.TestKeys keys = SecurityFixtures.TestKeys.generate(dir);
        Process p = start(dir, "orderly", keys.certificatePem().toString());
        List<Path> written = output(dir).lines().filter(l -> l.startsWith("trust store "))
                .flatMap(l -> Stream.of(l.substring("trust store ".length()).split(" "))).map(Path::of).toList();
        assertThat(written).hasSize(2).allSatisfy(f -> assertThat(f).exists());
        p.destroy();
        assertThat(p.waitFor(StoppingCommand.BUDGET.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).as(output(dir)).isZero();
        assertThat(written).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    private static Process start(Path dir, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), StoppingCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> output(dir).contains("running") || !p.isAlive());
        assertThat(p.isAlive()).as(output(dir)).isTrue();
        return p;
    }

    private static String output(Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
