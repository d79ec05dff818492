package io.watchkeeper.ais.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** One AIS input from raw lines to fixes, static data and dead letters, on real recordings. */
class AisIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private final List<Fix> fixes = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final VesselRegistry registry = new VesselRegistry();
    private final AisIngest ingest = new AisIngest("DK", fixes::add, registry, deadLetters::add,
            Clock.fixed(NOW, ZoneOffset.UTC), FramerSettings.defaults());

    @Test
    void aTimedPositionReportBecomesAFixAtItsReceiveTime() {
        ingest.acceptLines("\\si:AISD*3F\\\n$PGHP,1,2013,11,12,12,0,0,42,219,,2190047,1,39*2C\n"
                + "!BSVDM,1,1,,B,13ALbL0000PqhPFP3vMhR2Mn0800,0*39\n");

        assertThat(fixes).singleElement().satisfies(f -> {
            assertThat(f.vessel()).isEqualTo(VesselId.of("219622000"));
            assertThat(f.site()).isEqualTo("DK");
            assertThat(f.time()).isEqualTo(Instant.parse("2013-11-12T12:00:00.042Z"));
            assertThat(f.lat()).isBetween(56.0326, 56.0327);
            assertThat(f.lon()).isBetween(12.6174, 12.6175);
            assertThat(f.sogKnots()).isZero();
            assertThat(f.navStatus()).isZero();
        });
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void withoutAFeedTimeTheWallClockStampsTheFix() {
        ingest.accept("!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62");
        assertThat(fixes).singleElement().satisfies(f -> assertThat(f.time()).isEqualTo(NOW));
    }

    @Test
    void staticReportsInFragmentsMergeIntoTheRegistry() {
        ingest.acceptLines("!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
                + "!AIVDM,2,2,1,A,88888888880,2*25");

        assertThat(fixes).isEmpty();
        assertThat(registry.find(VesselId.of("351759000"))).hasValueSatisfying(v -> {
            assertThat(v.name()).isEqualTo("EVER DIADEM");
            assertThat(v.callSign()).isEqualTo("3FOF8");
            assertThat(v.imo()).isEqualTo(9134270);
            assertThat(v.shipType()).isEqualTo(70);
            assertThat(v.lengthMetres()).isEqualTo(295);
            assertThat(v.destination()).isEqualTo("NEW YORK");
        });
        assertThat(ingest.stats().staticReports()).isEqualTo(1);
    }

    @Test
    void refusedLinesBecomeDeadLettersWithTheirReasonAndText() {
        String badChecksum = "!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*63";
        ingest.accept(badChecksum);
        ingest.accept("!AIVDM,2,2,1,A,88888888880,2*25"); // part 2 without part 1
        ingest.accept("garbage \u0001\u0002");

        assertThat(deadLetters).extracting(DeadLetter::reason).containsExactly(RejectReason.NMEA_CHECKSUM,
                RejectReason.FRAGMENT_SEQUENCE, RejectReason.NMEA_GARBAGE);
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.source()).isEqualTo("DK"));
        assertThat(deadLetters.get(0).payload()).isEqualTo(badChecksum);
        assertThat(ingest.stats().deadLetters()).isEqualTo(3);
    }

    @Test
    void anOrphanedFragmentIsDeadLetteredOnceItsTimeoutPassesWhileLinesKeepComing() {
        io.watchkeeper.core.testing.ManualClock clock = new io.watchkeeper.core.testing.ManualClock(NOW);
        AisIngest live = new AisIngest("DK", fixes::add, registry, deadLetters::add, clock, FramerSettings.defaults());
        String part1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
        live.accept(part1);
        clock.advance(java.time.Duration.ofSeconds(5));
        live.accept("!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62");
        assertThat(deadLetters).isEmpty();

        clock.advance(java.time.Duration.ofSeconds(6));
        live.accept("!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62");

        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(RejectReason.FRAGMENT_EXPIRED);
            assertThat(d.payload()).isEqualTo(part1);
        });
        assertThat(fixes).hasSize(2);
    }

    @Test
    void theDanishSampleGivesAFixForEveryPositionAndNamesForItsShips() throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz")))) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        ingest.acceptLines(text);
        ingest.flush();

        AisIngestStats stats = ingest.stats();
        long positions = stats.decoder().messages(1) + stats.decoder().messages(2) + stats.decoder().messages(3)
                + stats.decoder().messages(18) + stats.decoder().messages(19) + stats.decoder().messages(27)
                + stats.decoder().messages(9);
        assertThat(stats.fixes() + stats.positionNotAvailable() + countImpossible()).isEqualTo(positions);
        assertThat(stats.fixes()).isGreaterThan(20_000);
        Instant start = Instant.parse("2013-11-12T12:00:00Z");
        assertThat(fixes).allSatisfy(f -> assertThat(f.time()).isBetween(start, start.plusSeconds(300)));
        assertThat(registry.size()).isGreaterThan(100);
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.reason()).isEqualTo(RejectReason.INVALID_VALUE));
    }

    private long countImpossible() {
        return deadLetters.stream().filter(d -> d.reason() == RejectReason.INVALID_VALUE).count();
    }
}
