package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code WATCHKEEPER_*} variables as a user sets them: on the packaged command, run as a child process. */
class EnvOverridesIT {

    private static final Path TRACK = Path.of("..", "data", "amsa-risky", "tracks", "503000530.csv");

    @TempDir
    Path dir;

    @Test
    void aZonesVariableGivesReplayItsPortCalls() throws Exception {
        Result without = run(Map.of(), "replay", TRACK.toString(), "--json", "-q");
        Result with = run(Map.of("WATCHKEEPER_ZONES", "builtin:amsa"), "replay", TRACK.toString(), "--json", "-q");
        assertThat(without.code).as(without.err).isZero();
        assertThat(with.code).as(with.err).isZero();
        assertThat(without.out).doesNotContain("PORT_ARRIVAL");
        assertThat(with.out).contains("PORT_ARRIVAL");
        // and a variable that turns the port-call detector off takes them away again
        Result off = run(Map.of("WATCHKEEPER_ZONES", "builtin:amsa", "WATCHKEEPER_DETECTORS_PORT_CALL_ENABLED", "false"),
                "replay", TRACK.toString(), "--json", "-q");
        assertThat(off.out).doesNotContain("PORT_ARRIVAL");
    }

    @Test
    void aBadValueIsOneLineNamingTheVariableAndExit1() throws Exception {
        Result r = run(Map.of("WATCHKEEPER_ENGINE_WORKERS", "many"), "detect", "--broker", "tcp://127.0.0.1:1");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).isEqualTo("detect: WATCHKEEPER_ENGINE_WORKERS: expected a whole number, got 'many'\n");
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", PackagedJar.JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WATCHKEEPER_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
