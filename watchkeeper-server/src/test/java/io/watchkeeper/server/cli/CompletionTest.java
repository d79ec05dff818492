package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script from picocli's generator, sourced in a real bash: what TAB would offer is what the
 * script's completion function puts in COMPREPLY for the words typed so far.
 */
class CompletionTest {

    @TempDir
    Path dir;

    @Test
    void deTabOffersDemoDetectAndDecode() throws Exception {
        assertThat(complete("watchkeeper", "de")).containsExactlyInAnyOrder("demo", "detect", "decode");
    }

    @Test
    void completesASubcommandsOptions() throws Exception {
        assertThat(complete("watchkeeper", "sub", "--ses")).containsExactly("--session-expiry");
    }

    @Test
    void theCompletionCommandIsListedInHelp() {
        CliHarness cli = new CliHarness();
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out.toString()).contains("  " + Main.COMPLETION + " ");
    }

    /** The words bash would offer after {@code words}, the last being the one under the cursor. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        CliHarness cli = new CliHarness();
        assertThat(cli.run(Main.COMPLETION)).as(cli.err.toString()).isZero();
        Path script = dir.resolve("watchkeeper-completion.bash");
        Files.writeString(script, cli.out.toString());
        String line = String.join(" ", words);
        String driver = "source \"$1\"\n"
                + "complete -p watchkeeper >/dev/null\n" // the script registered itself for the command
                // compopt only works while bash itself runs a completion; here it has nothing to change
                + "compopt() { :; }\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "read -r -a COMP_WORDS <<< \"$COMP_LINE\"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "fn=$(complete -p watchkeeper | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
                + "\"$fn\" watchkeeper \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", driver, "bash", script.toString())
                .redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
