package io.watchkeeper.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The repository's data/ is found from anywhere inside the clone, and every data set is complete. */
class TestDataTest {

    private static final Path ROOT = TestData.dir().getParent();

    @Test
    void theDataFolderSitsAtTheRepositoryRootBesideTheModules() {
        assertThat(ROOT.resolve("pom.xml")).isRegularFile();
        assertThat(ROOT.resolve("watchkeeper-core").resolve("pom.xml")).isRegularFile();
        assertThat(TestData.dir().getFileName()).hasToString("data");
    }

    @Test
    void theRootIsFoundFromTheRootAndFromDeepInsideAModule() {
        assertThat(TestData.locate(ROOT)).isEqualTo(TestData.dir());
        assertThat(TestData.locate(ROOT.resolve("watchkeeper-core/src/test/java"))).isEqualTo(TestData.dir());
    }

    @Test
    void outsideAClonePointsAtTheProblem() {
        Path outside = ROOT.getRoot();
        assertThatThrownBy(() -> TestData.locate(outside))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pom.xml and data/README.md")
                .hasMessageContaining("clone of the repository");
    }

    @Test
    void aMissingFileIsNamedWhenAskedFor() {
        assertThat(TestData.file("dma-aislib/ais250.txt")).isRegularFile();
        assertThatThrownBy(() -> TestData.file("dma-aislib/no-such-file.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-file.txt");
        assertThatThrownBy(() -> TestData.file("dma-aislib")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Path> dataSets() throws IOException {
        try (Stream<Path> list = Files.list(TestData.dir())) {
            List<Path> sets = list.filter(Files::isDirectory).sorted().toList();
            assertThat(sets).as("data sets in " + TestData.dir()).hasSizeGreaterThanOrEqualTo(10);
            return sets.stream();
        }
    }

    /** MANIFEST.tsv matches the files byte for byte, and every file has a README with its licence. */
    @ParameterizedTest
    @MethodSource("dataSets")
    void everyDataSetMatchesItsManifestAndStatesItsLicence(Path set) throws IOException {
        Map<String, String> listed = new TreeMap<>();
        List<String> manifest = Files.readAllLines(set.resolve("MANIFEST.tsv"));
        assertThat(manifest.get(0)).isEqualTo("path\tbytes\tsha256");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(3);
            listed.put(f[0], f[1] + " " + f[2]);
        }
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(set)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("MANIFEST.tsv") && !name.equals("README.md")) {
                    actual.put(set.relativize(file).toString(), Files.size(file) + " " + sha256(file));
                    assertThat(Files.readString(nearestReadme(set, file))).as("README for " + file).contains("**Licence**");
                }
            }
        }
        assertThat(actual).as("files of " + set + " against its MANIFEST.tsv (tools/data/manifest.sh)")
                .isEqualTo(listed);
    }

    private static Path nearestReadme(Path set, Path file) {
        for (Path dir = file.getParent(); dir.startsWith(set); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md for " + file + " in " + set);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
