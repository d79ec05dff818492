package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchkeeper replay} as a user runs it: the packaged jar, real recordings, exit codes. */
class ReplayCommandIT {

    private static final String SOLENT = TestData.file("solent-stonesoup/SolentAIS_20160112_130211.csv").toString();

    record Run(int exit, byte[] out, String err) {
    }

    private static Run run(Path dir, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("replay"));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = PackagedJar.start(out, err, command.toArray(String[]::new));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("replay finished").isTrue();
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    @Test
    void jsonLinesAreTheEventPayloadsAndTwoRunsAreByteIdentical(@TempDir Path dir) throws Exception {
        Run first = run(dir, "first", SOLENT, "--json");
        Run second = run(dir, "second", SOLENT, "--json");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isNotEmpty();
        assertThat(java.util.Arrays.equals(first.out(), second.out())).as("byte-identical runs").isTrue();
        ObjectMapper mapper = new ObjectMapper();
        String[] lines = new String(first.out(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            JsonNode n = mapper.readTree(line);
            assertThat(n.at("/body/eventId").asText()).hasSize(36);
            assertThat(n.at("/body/time").asText()).startsWith("2016-01-12T");
        }
        assertThat(first.err()).contains("18,623 fixes", "event type", "STATETRANSITION");
    }

    @Test
    void textModePrintsEventsThenTheSummaryOnStdout(@TempDir Path dir) throws Exception {
        Run r = run(dir, "text", SOLENT, "--vessels", "3");
        String out = new String(r.out(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.exit()).isZero();
        // 84 of the 91 vessels have events (count the distinct boat_id of `replay --json`), 3 are listed
        assertThat(out).contains("235024149 moving   -> resting", "91 vessels", "... and 81 more vessels");
    }

    /** A recording cannot come from the future: year 3000 is a dead letter, and the rest replays as before. */
    @Test
    void fixesFromTheFutureAreRefusedAsDeadLetters(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("port1.jsonl");
        Files.writeString(recording, String.join("\n",
                "{\"boat_id\": 1, \"position\": {\"ts\": 1500000000.0, \"x\": 0, \"y\": 0, \"port_id\": \"PORT1\"}}",
                "{\"boat_id\": 1, \"position\": {\"ts\": 32503680000, \"x\": 5, \"y\": 5, \"port_id\": \"PORT1\"}}",
                "{\"boat_id\": 1, \"position\": {\"ts\": 1500000001.0, \"x\": 1, \"y\": 1, \"port_id\": \"PORT1\"}}",
                ""));

        Run r = run(dir, "future", recording.toString());
        String out = new String(r.out(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err() + out).contains("2 fixes", "1 rejected inputs").containsPattern("rejected from_future +1");
        assertThat(out).contains("moving   -> resting", "resting  -> moving").contains("2 fixes, 2017-07-14T02:40:00Z .. 2017-07-14T02:40:01Z");
    }

    @Test
    void aMissingFileIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Run r = run(dir, "missing", dir.resolve("nope.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("replay: ").contains("nope.csv").doesNotContain("\n");
    }
}
