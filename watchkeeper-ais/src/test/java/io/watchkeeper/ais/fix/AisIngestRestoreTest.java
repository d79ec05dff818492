package io.watchkeeper.ais.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What a checkpoint keeps of an AIS input: the lines its decoder still depends on. Cut the Danish
 * recording anywhere (between a {@code $PGHP} time and its sentence, between two fragments), rebuild a
 * fresh ingest from the held lines, and it goes on exactly as the uninterrupted one.
 */
class AisIngestRestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

    /** One ingest and everything it handed on. */
    private static final class Run {
        final List<Fix> fixes = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();
        final VesselRegistry registry = new VesselRegistry();
        final AisIngest ingest = new AisIngest("DK", fixes::add, registry, deadLetters::add, CLOCK,
                FramerSettings.defaults());
    }

    private static List<String> recording(int lines) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz"))), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null && out.size() < lines; line = in.readLine()) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void aRestoredIngestGoesOnAsTheUninterruptedOneAtEveryKindOfCut() throws IOException {
        List<String> lines = recording(3_000);
        // Lines 290..293 (1-based) are a tag block, a $PGHP time and a two-fragment type 5 message.
        int[] cuts = IntStream.concat(IntStream.rangeClosed(286, 296), IntStream.iterate(7, i -> i < 3_000, i -> i + 97))
                .toArray();
        int heldSomething = 0;
        for (int cut : cuts) {
            Run whole = new Run();
            lines.subList(0, cut).forEach(whole.ingest::accept);
            List<AisIngest.HeldLine> held = whole.ingest.heldLines();
            heldSomething += held.isEmpty() ? 0 : 1;
            int fixesAtCut = whole.fixes.size();
            int deadAtCut = whole.deadLetters.size();

            Run resumed = new Run();
            resumed.ingest.restore(held);
            assertThat(resumed.fixes).as("restoring hands nothing on twice").isEmpty();
            assertThat(resumed.deadLetters).isEmpty();
            lines.subList(cut, lines.size()).forEach(line -> {
                whole.ingest.accept(line);
                resumed.ingest.accept(line);
            });
            assertThat(resumed.fixes).as("fixes after a cut at line %d", cut)
                    .isEqualTo(whole.fixes.subList(fixesAtCut, whole.fixes.size()));
            assertThat(resumed.deadLetters).as("dead letters after a cut at line %d", cut)
                    .isEqualTo(whole.deadLetters.subList(deadAtCut, whole.deadLetters.size()));
        }
        assertThat(heldSomething).as("some cuts fell mid-message").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theFragmentHeldAtTheCutCompletesWithItsOriginalTime() throws IOException {
        List<String> lines = recording(300);
        Run whole = new Run();
        lines.subList(0, 292).forEach(whole.ingest::accept); // up to and including fragment 1 of 2
        // The tag block (si: only, no time or source) leaves nothing pending; the $PGHP time does.
        assertThat(whole.ingest.heldLines()).extracting(AisIngest.HeldLine::line)
                .containsExactly(lines.get(290), lines.get(291));

        Run resumed = new Run();
        resumed.ingest.restore(whole.ingest.heldLines());
        resumed.ingest.accept(lines.get(292));
        assertThat(resumed.registry.all()).singleElement()
                .satisfies(v -> assertThat(v.updatedAt()).isEqualTo(Instant.parse("2013-11-12T12:00:00.869Z")));
    }
}
