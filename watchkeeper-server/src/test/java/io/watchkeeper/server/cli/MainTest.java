package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's contract: help, usage errors (exit 2), failures (exit 1, one line). No sockets. */
class MainTest {

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsEveryRole() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "broker", "station", "detect", "sub", "pub", "machines",
                "Exit codes");
    }

    @Test
    void everyCommandsSummaryInHelpIsOneShortWholeSentence() {
        assertThat(run("--help")).isZero();
        Map<String, String> summaries = commandSummaries(out.toString());
        assertThat(summaries.keySet()).contains("demo", "broker", "passwd", "station", "detect", "decode", "sub",
                "pub", "machines", "replay", "status");
        assertThat(summaries).allSatisfy((name, summary) -> {
            assertThat(summary).as(name).endsWith(".").doesNotContain(". ");
            assertThat(summary.length()).as(name + ": " + summary).isLessThanOrEqualTo(100);
        });
    }

    /**
     * The "Commands:" section of {@code --help}: a name at two spaces' indent, then its summary, which picocli
     * wraps onto deeper-indented lines; those are joined back.
     */
    private static Map<String, String> commandSummaries(String help) {
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        boolean inCommands = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                String[] nameAndSummary = line.strip().split("\\s+", 2);
                current = nameAndSummary[0];
                summaries.put(current, nameAndSummary.length > 1 ? nameAndSummary[1] : "");
            } else if (inCommands && current != null) {
                summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }
        return summaries;
    }

    @Test
    void versionOutsideAJarSaysItIsUnknown() {
        // the unit tests load classes from target/classes: there is no manifest to read
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("watchkeeper unknown (not run from a jar)");
        out.getBuffer().setLength(0);
        assertThat(run("replay", "--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("watchkeeper unknown (not run from a jar)");
    }

    @Test
    void versionIsTheManifestsImplementationVersion() {
        assertThat(VersionProvider.line("0.1.0-SNAPSHOT")).isEqualTo("watchkeeper 0.1.0-SNAPSHOT");
        assertThat(VersionProvider.line(null)).isEqualTo("watchkeeper unknown (not run from a jar)");
        assertThat(VersionProvider.line(" ")).isEqualTo("watchkeeper unknown (not run from a jar)");
    }

    @Test
    void noCommandPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: watchkeeper");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("sail")).isEqualTo(2);
        assertThat(run("station")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--id=ID'");
        assertThat(run("pub", "-t", "x")).isEqualTo(2);
        assertThat(run("demo", "--port", "harbour")).isEqualTo(2);
    }

    @Test
    void aBadConfigFileIsOneLineAndExit1() {
        assertThat(run("detect", "--config", "/nonexistent/watchkeeper.yaml")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("detect: /nonexistent/watchkeeper.yaml: no such file");
    }

    @Test
    void aBadEvictAfterIsOneLineAndExit1() {
        assertThat(run("detect", "--evict-after", "soon")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("detect: ").contains("'soon' is not a duration").doesNotContain("\n");
    }

    @Test
    void machinesDescribesTheBoatMachine() {
        assertThat(run("machines")).isZero();
        assertThat(out.toString()).contains("boat", "fix: moving -> resting  when [same position, or slower than rest speed]  publishes STATETRANSITION",
                "fix: resting -> moving  when [moved, or faster than move speed]  publishes STATETRANSITION");
        out.getBuffer().setLength(0);
        assertThat(run("machines", "--mermaid")).isZero();
        assertThat(out.toString()).contains("stateDiagram-v2", "[*] --> moving");
    }

    @Test
    void aBrokenRulesFileIsRefusedAtStartWithItsLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rules = dir.resolve("rules.yaml");
        java.nio.file.Files.writeString(rules, "machines:\n  - name: slow\n    states: [a, b]\n    initial: a\n"
                + "    transitions:\n      - {from: a, to: b, when: [{speedBelo: 3}]}\n");
        String solent = TestData.file("solent-stonesoup/SolentAIS_20160112_130211.csv").toString();
        assertThat(run("replay", solent, "--rules", rules.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("replay: " + rules + ":6:34: unknown condition 'speedBelo'; "
                + "known: speedBelow, speedAbove, inZone, inZoneKind, shipType, navStatus, courseHeadingDiffAbove, "
                + "timeInState, silentFor, not");
    }

    @Test
    void anUnknownZoneSetIsOneLine() {
        assertThat(run("replay", "x.csv", "--zones", "builtin:ports")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("replay: unknown built-in zone set 'ports'; known: wpi, amsa");
    }

    @Test
    void machinesShowsTheUsersMachinesToo() {
        assertThat(run("machines", "--rules", "../examples/rules/anchorage-wait.yaml")).isZero();
        assertThat(out.toString()).contains("portcall  (initial: at_sea", "anchorage-wait  (user-defined, initial: transit",
                "transit --> silent : ANCHORAGE_SILENT [silentFor 6h]");
    }
}
