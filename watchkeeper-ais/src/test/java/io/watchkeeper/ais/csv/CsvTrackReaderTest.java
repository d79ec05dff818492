package io.watchkeeper.ais.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTrackReaderTest {

    private static final Path DATA = TestData.dir();
    private final CsvTrackReader reader = new CsvTrackReader("test-site");

    @Test
    void solentRecordingAsItsReadmeDescribesIt() throws IOException {
        CsvTrack track = reader.readAll(DATA.resolve("solent-stonesoup/SolentAIS_20160112_130211.csv"));

        assertThat(track.stats().layout()).isEqualTo(CsvLayout.SOLENT);
        assertThat(track.fixes()).hasSize(18_623);
        assertThat(track.rejections()).isEmpty();
        assertThat(track.vesselInfos()).isEmpty();
        assertThat(track.fixes().stream().map(Fix::vessel).distinct()).hasSize(91);
        Fix first = track.fixes().get(0);
        assertThat(first.vessel()).isEqualTo(VesselId.of("235070762"));
        assertThat(first.site()).isEqualTo("test-site");
        assertThat(first.time()).isEqualTo(Instant.parse("2016-01-12T13:02:11.218Z"));
        assertThat(first.lat()).isEqualTo(50.7730133333333);
        assertThat(first.lon()).isEqualTo(-1.092935);
        assertThat(first.cogDegrees()).isEqualTo(157.8);
        assertThat(first.sogKnots()).isEqualTo(5.9);
        assertThat(first.headingDegrees()).isNaN();
        assertThat(first.navStatus()).isEqualTo(Fix.NO_NAV_STATUS);
        Fix last = track.fixes().get(track.fixes().size() - 1);
        assertThat(last.vessel()).isEqualTo(VesselId.of("235010000"));
        assertThat(last.time()).isEqualTo(Instant.parse("2016-01-12T14:26:41.924Z"));
        // README: COG = 360 ("not available") in 1,027 rows.
        assertThat(track.fixes().stream().filter(f -> Double.isNaN(f.cogDegrees()))).hasSize(1_027);
    }

    @Test
    void boston2014MarineCadastreVariant() throws IOException {
        CsvTrack track = reader.readAll(DATA.resolve("boston-marinecadastre-2014/ais_boston_2014.csv"));

        assertThat(track.stats().layout()).isEqualTo(CsvLayout.MARINECADASTRE);
        assertThat(track.fixes()).hasSize(972);
        assertThat(track.rejections()).isEmpty();
        assertThat(track.fixes().stream().map(Fix::vessel).distinct()).hasSize(4);
        Fix first = track.fixes().get(0);
        assertThat(first.vessel().id()).isEqualTo("215020081");
        assertThat(first.time()).isEqualTo(Instant.parse("2014-01-05T09:48:32Z"));
        assertThat(first.lat()).isEqualTo(42.396);
        assertThat(first.lon()).isEqualTo(-70.8065);
        assertThat(first.headingDegrees()).isEqualTo(252.0);
        assertThat(first.navStatus()).isZero();
        Fix last = track.fixes().get(track.fixes().size() - 1);
        assertThat(last.vessel().id()).isEqualTo("257990100");
        assertThat(last.time()).isEqualTo(Instant.parse("2014-01-07T07:50:11Z"));
        // README: status 1 (at anchor) on 62 points, 0 on the rest.
        assertThat(track.fixes().stream().filter(f -> f.navStatus() == 1)).hasSize(62);
        assertThat(track.fixes().stream().filter(f -> f.navStatus() == 0)).hasSize(972 - 62);
    }

    @Test
    void noaa2023SampleWithStaticDataAndSentinels() throws IOException {
        Path file = DATA.resolve("noaa-marinecadastre-sample-2023/test_data_noaa_20230101.csv");
        List<String[]> rows = Files.readAllLines(file).stream().skip(1).map(line -> line.split(",", -1)).toList();
        CsvTrack track = reader.readAll(file);

        assertThat(track.rejections()).isEmpty();
        assertThat(track.fixes()).hasSize(1000);
        assertThat(track.fixes().stream().map(Fix::vessel).distinct()).hasSize(1000);
        // Heading 511 and an empty Status are "not available": counted here by plain text, independently.
        assertThat(track.fixes().stream().filter(f -> Double.isNaN(f.headingDegrees())))
                .hasSize((int) rows.stream().filter(r -> r[6].equals("511.0") || r[6].isEmpty()).count());
        assertThat(track.fixes().stream().filter(f -> f.navStatus() == Fix.NO_NAV_STATUS))
                .hasSize((int) rows.stream().filter(r -> r[11].isEmpty()).count()).isNotEmpty();
        assertThat(track.fixes().stream().filter(f -> Double.isNaN(f.sogKnots())))
                .hasSize((int) rows.stream().filter(r -> r[4].equals("102.3") || r[4].isEmpty()).count());

        VesselInfo naisha = track.vesselInfos().stream()
                .filter(i -> i.vessel().equals(VesselId.of("636021061"))).findFirst().orElseThrow();
        assertThat(naisha.name()).isEqualTo("MSC NAISHA III");
        assertThat(naisha.imo()).isEqualTo(9307839);
        assertThat(naisha.callSign()).isEqualTo("5LCB4");
        assertThat(naisha.shipType()).isEqualTo(70);
        assertThat(naisha.lengthMetres()).isEqualTo(208);
        assertThat(naisha.beamMetres()).isEqualTo(30);
        assertThat(naisha.draughtMetres()).isEqualTo(8.0);
        assertThat(naisha.updatedAt()).isEqualTo(Instant.parse("2023-01-11T00:00:00Z"));
        VesselInfo sanJose = track.vesselInfos().get(0);
        assertThat(sanJose.name()).isEqualTo("SAN JOSE");
        assertThat(sanJose.imo()).isZero();
        assertThat(sanJose.lengthMetres()).isEqualTo(-1);
    }

    @Test
    void amsaTracks() throws IOException {
        CsvTrack sydney = reader.readAll(DATA.resolve("amsa-risky/tracks/503000530.csv"));
        CsvTrack brisbane = reader.readAll(DATA.resolve("amsa-risky/tracks/503000720.csv"));

        assertThat(sydney.stats().layout()).isEqualTo(CsvLayout.AMSA);
        assertThat(sydney.fixes()).hasSize(1_301);
        assertThat(brisbane.fixes()).hasSize(4_388);
        assertThat(sydney.rejections()).isEmpty();
        assertThat(brisbane.rejections()).isEmpty();
        Fix first = sydney.fixes().get(0);
        assertThat(first.vessel().id()).isEqualTo("503000530");
        assertThat(first.time()).isEqualTo(Instant.parse("2014-05-17T22:40:27Z"));
        assertThat(first.lat()).isEqualTo(-33.83556);
        assertThat(first.cogDegrees()).isNaN();
        assertThat(sydney.fixes().get(sydney.fixes().size() - 1).time()).isEqualTo(Instant.parse("2014-12-31T12:46:52Z"));
        // README: heading and nav status absent throughout.
        assertThat(sydney.fixes()).allMatch(f -> Double.isNaN(f.headingDegrees()) && f.navStatus() == Fix.NO_NAV_STATUS);
    }

    @Test
    void dmaFormatFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("dma-format-fixture.csv").toURI());
        List<String> lines = Files.readAllLines(fixture);
        CsvTrack track = reader.readAll(fixture);

        assertThat(track.stats().layout()).isEqualTo(CsvLayout.DMA);
        assertThat(track.stats().rows()).isEqualTo(7);
        assertThat(track.fixes()).extracting(f -> f.vessel().id())
                .containsExactly("219000001", "219000001", "219000002", "219000003");
        Fix underWay = track.fixes().get(0);
        assertThat(underWay.time()).isEqualTo(Instant.parse("2023-11-01T00:00:00Z"));
        assertThat(underWay.navStatus()).isZero();
        assertThat(underWay.headingDegrees()).isEqualTo(246.0);
        assertThat(track.fixes().get(1).navStatus()).isEqualTo(5);
        assertThat(track.fixes().get(1).cogDegrees()).isNaN();
        assertThat(track.fixes().get(2).navStatus()).isEqualTo(15);
        Fix sentinels = track.fixes().get(3);
        assertThat(sentinels.navStatus()).isEqualTo(1);
        assertThat(new double[] {sentinels.lat(), sentinels.lon(), sentinels.sogKnots(), sentinels.cogDegrees(),
                sentinels.headingDegrees()}).containsOnly(Double.NaN);

        // The unchanged second report of 219000001 adds no info; 219000003 has no static data.
        assertThat(track.vesselInfos()).extracting(i -> i.vessel().id()).containsExactly("219000001", "219000002");
        VesselInfo one = track.vesselInfos().get(0);
        assertThat(one.name()).isEqualTo("FIXTURE ONE");
        assertThat(one.shipType()).isEqualTo(79);
        assertThat(List.of(one.toBowMetres(), one.toSternMetres(), one.toPortMetres(), one.toStarboardMetres()))
                .containsExactly(110, 30, 12, 8);
        assertThat(one.draughtMetres()).isEqualTo(6.5);
        assertThat(one.destination()).isEqualTo("ESBJERG");
        assertThat(one.eta()).isEqualTo("11-02T06:30Z");
        VesselInfo two = track.vesselInfos().get(1);
        assertThat(two.name()).isEqualTo("FIXTURE, TWO");
        assertThat(two.shipType()).isEqualTo(37);
        assertThat(two.lengthMetres()).isEqualTo(12);

        assertThat(track.rejections()).extracting(CsvRejection::lineNumber, CsvRejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6L, RejectReason.INVALID_VALUE),
                org.assertj.core.groups.Tuple.tuple(7L, RejectReason.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple(8L, RejectReason.INVALID_VALUE));
        assertThat(track.rejections().get(0).detail()).contains("Flying");
        assertThat(track.rejections().get(0).rawLine()).isEqualTo(lines.get(5));
    }

    @Test
    void quotedCommasBadRowsAndOutOfRangeValues() throws IOException {
        String csv = String.join("\n",
                "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass",
                "367000001,2023-01-11T00:00:00,43.0,-70.0,1.0,10.0,511.0,\"TUG, BARGE \"\"ONE\"\"\",,W1,52,0.0,30.0,10.0,3.0,,A",
                "367000002,2023-01-11T00:00:01,95.0,-70.0,1.0,10.0,511.0,X,,,,,,,,,A",
                "367000003,2023-01-11T00:00:02,43.0,-70.0,1.0,10.0,511.0,\"UNCLOSED,,,,,,,,,,A",
                "367000004,2023-01-11T00:00:03,43.0,-70.0",
                "abc,2023-01-11T00:00:04,43.0,-70.0,1.0,10.0,511.0,X,,,,,,,,,A",
                "367000006,2023-01-11T00:00:05,43.0,-70.0,1.0,10.0,511.0,X,,,1004,2.5,,,,,A");
        CsvTrack track = reader.readAll(input(csv));
        List<Fix> fixes = track.fixes();
        List<VesselInfo> infos = track.vesselInfos();
        List<CsvRejection> rejections = track.rejections();
        CsvReadStats stats = track.stats();

        assertThat(fixes).extracting(f -> f.vessel().id()).containsExactly("367000001");
        assertThat(infos).extracting(VesselInfo::name).containsExactly("TUG, BARGE \"ONE\"");
        assertThat(infos.get(0).shipType()).isEqualTo(52);
        assertThat(rejections).extracting(CsvRejection::lineNumber).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(rejections.get(0).detail()).contains("LAT out of range");
        assertThat(rejections.get(2).reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejections.get(3).detail()).contains("MMSI");
        assertThat(rejections.get(4).detail()).contains("NAV_STATUS");
        assertThat(stats.rows()).isEqualTo(6);
        assertThat(stats.rejected()).isEqualTo(5);
    }

    @Test
    void unknownHeaderNamesTheMissingColumns() {
        assertThatThrownBy(() -> reader.readAll(input("MMSI,Lat,Lon,Speed\n1,2,3,4\n")))
                .isInstanceOf(CsvLayoutException.class)
                .hasMessageContaining("basedatetime")
                .satisfies(e -> assertThat(((CsvLayoutException) e).missingColumns()).containsExactly("basedatetime"));
    }

    @Test
    void headerIsRecognisedByNameInAnyOrderAndCase() throws IOException {
        CsvTrack track = reader.readAll(
                input("Longitude_Degrees,TIME,mmsi,LATITUDE_DEGREES\n-1.5,2016-01-12 13:00:00,235000000,50.5\n"));
        assertThat(track.stats().layout()).isEqualTo(CsvLayout.SOLENT);
        assertThat(track.rejections()).isEmpty();
        assertThat(track.fixes()).singleElement().satisfies(f -> {
            assertThat(f.lat()).isEqualTo(50.5);
            assertThat(f.lon()).isEqualTo(-1.5);
            assertThat(f.sogKnots()).isNaN();
        });
    }

    private static LineInput input(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return LineFiles.of(new ByteArrayInputStream(bytes), "inline", bytes.length);
    }
}
