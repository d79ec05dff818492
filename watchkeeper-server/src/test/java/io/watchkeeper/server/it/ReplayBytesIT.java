package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code watchkeeper replay --json} prints the same bytes as the release the detectors were last checked
 * against, event for event, on real recordings with every built-in detector, the World Port Index zones
 * and the example user machines. The expected output was recorded once, before the detectors moved onto
 * the state-machine library, from code already checked against the original system; a change of
 * behaviour shows here as the first line that differs.
 *
 * <p>{@code -Dreplay.bytes.record=true} writes the expected files again from the current build, for a
 * deliberate change of behaviour (say which in the commit).
 */
class ReplayBytesIT {

    private static final Path EXPECTED = Path.of("src/test/resources/replay-bytes");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dma-aisabnormal | dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz | builtin:wpi | anchorage-wait | -",
            "solent | solent-stonesoup/SolentAIS_20160112_130211.csv | builtin:wpi | port-work | -",
            "solent-all | solent-stonesoup/SolentAIS_20160112_130211.csv | ../examples/zones/portsmouth.geojson,builtin:wpi"
                    + " | port-work | solent-all.yaml",
            "boston | boston-marinecadastre-2014/ais_boston_2014.csv | builtin:wpi | port-work | -",
            "noaa | noaa-marinecadastre-sample-2023/test_data_noaa_20230101.csv | builtin:wpi | anchorage-wait | -",
            "amsa | amsa-risky/tracks/503000530.csv | builtin:amsa | anchorage-wait | -"})
    void replayPrintsTheRecordedBytes(String name, String recording, String zones, String rules, String config,
                                      @TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of(TestData.file(recording).toString(), "--json", "--quiet",
                "--zones", zones, "--rules", "../examples/rules/" + rules + ".yaml"));
        if (!config.equals("-")) {
            args.addAll(List.of("--config", EXPECTED.resolve(config).toString()));
        }
        byte[] out = replay(dir, args.toArray(String[]::new));
        Path expected = EXPECTED.resolve(name + ".jsonl.gz");
        if (Boolean.getBoolean("replay.bytes.record")) {
            Files.createDirectories(EXPECTED);
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(expected))) {
                gz.write(out);
            }
        }
        byte[] want;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(expected))) {
            want = gz.readAllBytes();
        }
        assertThat(want.length).as("the expected output has events").isGreaterThan(1000);
        assertThat(firstDifference(want, out)).as(name).isEmpty();
    }

    private static byte[] replay(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("replay"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = PackagedJar.start(out, err, command.toArray(String[]::new));
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("replay finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readAllBytes(out);
    }

    /** "" if equal, else the first line that differs, both ways, so that a failure says what changed. */
    private static String firstDifference(byte[] want, byte[] got) {
        String[] w = new String(want, StandardCharsets.UTF_8).split("\n", -1);
        String[] g = new String(got, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(w.length, g.length); i++) {
            String a = i < w.length ? w[i] : "(end)";
            String b = i < g.length ? g[i] : "(end)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " of " + w.length + "\nexpected: " + a + "\n     got: " + b;
            }
        }
        return "";
    }
}
