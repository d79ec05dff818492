package io.watchkeeper.ais.nmea;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every real NMEA recording in the repository's data/ through the framer: no exception, every line accounted for. */
class NmeaFramerDataTest {

    private static final Logger LOG = LoggerFactory.getLogger(NmeaFramerDataTest.class);
    static final Path DATA = TestData.dir();
    private static final List<String> FOLDERS = List.of("gpsd-ais", "libais", "pyais", "dma-aislib", "dma-aisabnormal",
            "gfw-ais-tools", "amsa-risky");

    /** {@code joined}: sentences after the first on the same line, which the framer counts as lines. */
    record Run(FramerStats stats, RecordingListener listener, long lines, long joined) {
    }

    /** Neither the six-bit armour nor a tag block holds '!', so each '!' after a checksum starts a sentence. */
    private static long joinedSentences(String line) {
        int first = line.indexOf('!');
        int star = first < 0 ? -1 : line.indexOf('*', first);
        long sentences = 0;
        for (int i = line.indexOf('!', star + 1); star >= 0 && i >= 0; i = line.indexOf('!', i + 1)) {
            sentences++;
        }
        return sentences;
    }

    static Stream<Path> dataFiles() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(DATA.resolve(folder))) {
                walk.filter(Files::isRegularFile).filter(NmeaFramerDataTest::isRecording).sorted().forEach(files::add);
            }
        }
        assertThat(files).as("recordings under " + DATA).hasSizeGreaterThan(30);
        return files.stream();
    }

    /** Licences, READMEs, manifests and AMSA's binary/CSV tracks are not NMEA recordings. */
    private static boolean isRecording(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith("LICENSE") && !name.startsWith("NOTICE") && !name.endsWith(".md")
                && !name.endsWith(".tsv") && !file.toString().contains("/tracks/");
    }

    static Run frame(Path file, FramerSettings settings) {
        RecordingListener listener = new RecordingListener();
        NmeaFramer framer = new NmeaFramer(listener, settings);
        long lines = 0;
        long joined = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                framer.accept(line, 1_000_000L + lines);
                lines++;
                joined += joinedSentences(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(framer.stats().balanced()).as("balanced before flush: %s", framer.stats()).isTrue();
        framer.flush();
        return new Run(framer.stats(), listener, lines, joined);
    }

    @ParameterizedTest
    @MethodSource("dataFiles")
    void everyLineIsAccountedFor(Path file) {
        Run run = frame(file, FramerSettings.defaults());
        FramerStats stats = run.stats();
        LOG.info("{} lines {} payloads {} (lines {}) ignored {} rejected {}",
                DATA.relativize(file), stats.lines(), stats.payloads(), stats.payloadLines(), stats.ignored(),
                stats.rejected());
        // A joined sentence counts as a line once the sentence before it passed its checksum.
        assertThat(stats.lines()).isBetween(run.lines(), run.lines() + run.joined());
        assertThat(stats.balanced()).as(stats.toString()).isTrue();
        assertThat(stats.pendingGroups()).isZero();
        assertThat(run.listener().payloads).hasSize((int) stats.payloads());
        assertThat(run.listener().payloads).allSatisfy(p -> assertThat(p.armored()).isNotEmpty());
    }

    @Test
    void gpsdSampleRejectsOnlyItsOneLineWithoutLeadingBang() {
        Run run = frame(DATA.resolve("gpsd-ais/sample.aivdm.sentences"), FramerSettings.defaults());
        assertThat(run.stats().rejected()).containsOnlyKeys(RejectReason.NMEA_GARBAGE);
        assertThat(run.listener().rejections).singleElement()
                .satisfies(r -> assertThat(r.raw()).startsWith("AIVDM,2,2,1,B,"));
        assertThat(run.stats().ignored()).isEqualTo(3);
    }

    @Test
    void danishSampleHasAGatehouseTimeOnEveryPayloadAndNoRejections() {
        Run run = frame(DATA.resolve("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz"), FramerSettings.defaults());
        assertThat(run.stats().rejectedTotal()).isZero();
        long start = java.time.Instant.parse("2013-11-12T12:00:00Z").toEpochMilli();
        assertThat(run.listener().payloads).allSatisfy(
                p -> assertThat(p.receivedAtMillis()).isBetween(start, start + 300_000));
    }

    @Test
    void amsaTagBlocksWithChecksumZeroPassOnlyWhenTagChecksumsAreNotVerified() {
        Path file = DATA.resolve("amsa-risky/nmea-timestamped.txt");
        assertThat(frame(file, FramerSettings.defaults()).stats().rejected(RejectReason.NMEA_CHECKSUM)).isEqualTo(100);
        Run lenient = frame(file, FramerSettings.defaults().withVerifyTagBlockChecksum(false));
        assertThat(lenient.stats().rejectedTotal()).isZero();
        assertThat(lenient.listener().payloads).hasSize(100).allSatisfy(p -> assertThat(p.receivedAtMillis())
                .isBetween(1_420_000_000_000L, 1_420_100_000_000L));
    }

    @Test
    void exactEarthGroupsReassembleWithSourceAndTimeOfTheFirstFragment() {
        Run run = frame(DATA.resolve("amsa-risky/exact-earth-with-tag-block.txt"), FramerSettings.defaults());
        assertThat(run.stats().rejectedTotal()).isZero();
        assertThat(run.listener().payloads).filteredOn(p -> p.raw().contains("\n"))
                .hasSize(21)
                .allSatisfy(p -> {
                    String firstLine = p.raw().substring(0, p.raw().indexOf('\n'));
                    assertThat(p.source()).isEqualTo(firstLine.contains("s:rEV02") ? "rEV02" : null);
                    assertThat(p.receivedAtMillis()).isNotEqualTo(AisPayload.NO_TIME);
                });
    }
}
