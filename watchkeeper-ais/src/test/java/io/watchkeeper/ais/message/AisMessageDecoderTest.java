package io.watchkeeper.ais.message;

import static io.watchkeeper.ais.message.Sentences.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchkeeper.core.deadletter.RejectReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Real sentences from the repository's data/ (gpsd-ais, gfw-ais-tools); expected values are what gpsd's
 * gpsdecode prints for the same sentences, an independent decoder.
 */
class AisMessageDecoderTest {

    private static final double EPS = 1e-6;

    @Test
    void classAPositionReportRawAndScaled() throws Exception {
        PositionReportClassA m = (PositionReportClassA) decode("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
        assertThat(m).isEqualTo(new PositionReportClassA(1, 0, 371798000, 0, -127, 123, true, -74037230, 29028980,
                2240, 215, 33, 0, false, 34017));
        assertThat(m.lonDegrees()).isCloseTo(-74037230 / 600000.0, within(EPS));
        assertThat(m.latDegrees()).isCloseTo(48.38163, within(1e-5));
        assertThat(m.sogKnots()).isEqualTo(12.3);
        assertThat(m.cogDegrees()).isEqualTo(224.0);
        assertThat(m.headingDegrees()).isEqualTo(215.0);
        assertThat(m.rateOfTurnDegreesPerMinute()).as("-127: turning left, no value").isNaN();
    }

    @Test
    void classASentinelsStayRawButScaleToNaN() throws Exception {
        // gfw-ais-tools/type1-bad-bitcount.nmea: a moored type 3 with course 360, heading 511, ROT n/a.
        PositionReportClassA m = (PositionReportClassA) decode("!AIVDM,1,1,,A,33lP4T5P00QJoU6Fd1<v4?v>2D`Jal<,0*7F");
        assertThat(m.type()).isEqualTo(3);
        assertThat(m.courseRaw()).isEqualTo(3600);
        assertThat(m.headingRaw()).isEqualTo(511);
        assertThat(m.turnRaw()).isEqualTo(-128);
        assertThat(m.cogDegrees()).isNaN();
        assertThat(m.headingDegrees()).isNaN();
        assertThat(m.rateOfTurnDegreesPerMinute()).isNaN();
        assertThat(m.sogKnots()).isEqualTo(0.0);
    }

    @Test
    void shortClassAReportKeepsOnlyTheRadioBitsPresent() throws Exception {
        String payload = "15RTgt0PAso;90TKcjM8h6g208CQ";
        PositionReportClassA full = (PositionReportClassA) new AisMessageDecoder().decode(payload, 0);
        PositionReportClassA shortOne = (PositionReportClassA) new AisMessageDecoder().decode(payload, 5);
        assertThat(shortOne.latRaw()).isEqualTo(full.latRaw());
        assertThat(shortOne.radio()).as("163 bits: 14 of 19 radio bits").isEqualTo(full.radio() >> 5);
        assertThatThrownBy(() -> new AisMessageDecoder().decode(payload.substring(0, 27), 0))
                .isInstanceOfSatisfying(AisPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NMEA_TRUNCATED));
    }

    @Test
    void baseStationReportWithUtc() throws Exception {
        BaseStationReport m = (BaseStationReport) decode("!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D");
        assertThat(m.mmsi()).isEqualTo(3669702);
        assertThat(m.utc()).contains(Instant.parse("2007-05-14T19:57:39Z"));
        assertThat(m.epfd()).isEqualTo(7);
        assertThat(m.lonRaw()).isEqualTo(-45811417);
        assertThat(m.latRaw()).isEqualTo(22130260);
        assertThat(m.radio()).isEqualTo(67039);
    }

    @Test
    void staticAndVoyageDataFromTwoFragments() throws Exception {
        StaticAndVoyageData m = (StaticAndVoyageData) decode(
                "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
                "!AIVDM,2,2,1,A,88888888880,2*25");
        assertThat(m).isEqualTo(new StaticAndVoyageData(5, 0, 351759000, 0, 9134270, "3FOF8", "EVER DIADEM", 70,
                225, 70, 1, 31, 1, 5, 15, 14, 0, 122, "NEW YORK", false));
        assertThat(m.draughtMetres()).isEqualTo(12.2);
        assertThat(m.lengthMetres()).isEqualTo(295.0);
        assertThat(m.beamMetres()).isEqualTo(32.0);
    }

    @Test
    void staticAndVoyageDataAt420BitsStillDecodes() throws Exception {
        String payload = "55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8" + "88888888880";
        StaticAndVoyageData m = (StaticAndVoyageData) new AisMessageDecoder().decode(payload.substring(0, 70), 0);
        assertThat(m.destination()).isEqualTo("NEW YORK");
        assertThat(m.dte()).isFalse();
    }

    @Test
    void sarAircraft() throws Exception {
        SarAircraftReport m = (SarAircraftReport) decode("!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69");
        assertThat(m.mmsi()).isEqualTo(111265591);
        assertThat(m.altitudeRaw()).isEqualTo(15);
        assertThat(m.altitudeMetres()).isEqualTo(15.0);
        assertThat(m.lonRaw()).isEqualTo(7128960);
        assertThat(m.latRaw()).isEqualTo(34667073);
        assertThat(m.radio()).isEqualTo(49194);
    }

    @Test
    void classBPosition() throws Exception {
        ClassBPositionReport m = (ClassBPositionReport) decode("!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C");
        assertThat(m.mmsi()).isEqualTo(338087471);
        assertThat(m.sogKnots()).isEqualTo(0.1);
        assertThat(m.cogDegrees()).isEqualTo(79.6);
        assertThat(m.headingRaw()).isEqualTo(511);
        assertThat(m.headingDegrees()).isNaN();
        assertThat(m.cs()).isTrue();
        assertThat(m.msg22()).isTrue();
        assertThat(m.raim()).isTrue();
        assertThat(m.radio()).isEqualTo(917510);
    }

    @Test
    void classBExtended() throws Exception {
        ClassBExtendedReport m = (ClassBExtendedReport) decode(
                "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B");
        assertThat(m.mmsi()).isEqualTo(367059850);
        assertThat(m.reserved()).isEqualTo(248);
        assertThat(m.regional()).isEqualTo(4);
        assertThat(m.shipName()).isEqualTo("CAPT.J.RIMES");
        assertThat(m.shipType()).isEqualTo(70);
        assertThat(m.sogKnots()).isEqualTo(8.7);
        assertThat(m.toStern()).isEqualTo(21);
    }

    @Test
    void aidToNavigationNameIncludesExtension() throws Exception {
        AidToNavigationReport m = (AidToNavigationReport) decode(
                "!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46",
                "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36");
        assertThat(m.name()).isEqualTo("CHINA ROSE MURPHY EXPRESS ALERT");
        assertThat(m.aidType()).isEqualTo(20);
        assertThat(m.regional()).isEqualTo(165);
        assertThat(m.lonRaw()).isEqualTo(-73619155);
        assertThat(m.virtualAid()).isFalse();
    }

    @Test
    void type24PartsAAndB() throws Exception {
        StaticDataReportA a = (StaticDataReportA) decode("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D");
        assertThat(a).isEqualTo(new StaticDataReportA(24, 0, 271041815, "PROGUY"));
        StaticDataReportB b = (StaticDataReportB) decode("!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40");
        assertThat(b.shipType()).isEqualTo(60);
        assertThat(b.vendorId()).isEqualTo("1D00014");
        assertThat(b.model()).isEqualTo(12);
        assertThat(b.serial()).isEqualTo(199796);
        assertThat(b.callsign()).isEqualTo("TC6163");
        assertThat(b.auxiliaryCraft()).isFalse();
        assertThat(new int[] {b.toBow(), b.toStern(), b.toPort(), b.toStarboard()}).containsExactly(0, 15, 0, 5);
    }

    @Test
    void type24PartBOfAuxiliaryCraftCarriesMothership() throws Exception {
        // gfw-ais-tools/sample.nmea: MMSI 985200250, a craft associated with a parent ship.
        StaticDataReportB b = (StaticDataReportB) decode("!AIVDM,1,1,,B,H>cSnNTU7B=40058qpmjhh000004,0*31");
        assertThat(b.mmsi()).isEqualTo(985200250);
        assertThat(b.auxiliaryCraft()).isTrue();
        assertThat(b.mothershipMmsi()).isZero();
        assertThat(b.callsign()).isEqualTo("H985200");
        assertThat(b.vendorId()).isEqualTo("GRMD");
    }

    @Test
    void type24PartThreeIsAnOtherMessage() throws Exception {
        // gpsd-ais/daemon/ais-18-27.log: part number 3 does not exist in the standard.
        assertThat(decode("!AIVDM,1,1,,A,H3KLehdt00000000?6ekkjm000000,0*2C"))
                .isEqualTo(new OtherMessage(24, 0, 230108610, 174));
    }

    @Test
    void longRange() throws Exception {
        LongRangeReport m = (LongRangeReport) decode("!AIVDM,1,1,,A,KCQ9r=hrFUnH7P00,0*41");
        assertThat(m).isEqualTo(new LongRangeReport(27, 1, 236091959, false, false, 3, -92521, 52239, 0, 0, false));
        assertThat(m.latDegrees()).isCloseTo(52239 / 600.0, within(EPS));
        assertThat(m.lonDegrees()).isCloseTo(-92521 / 600.0, within(EPS));
        assertThatThrownBy(() -> new AisMessageDecoder().decode("KCQ9r=hrFUnH7P000", 0))
                .isInstanceOfSatisfying(AisPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.AIS_PAYLOAD));
    }

    @Test
    void undefinedTypeIsNotAnError() throws Exception {
        // libais/test.aivdm: type 28 is not defined by ITU-R M.1371; counted, not refused.
        OtherMessage m = (OtherMessage) decode("!AIVDM,1,1,,B,Lpuo<p0<CpgaHa@euMlc,0*4D");
        assertThat(m.type()).isEqualTo(28);
        assertThat(m.mmsi()).isEqualTo(601738464);
        assertThat(m.bitLength()).isEqualTo(20 * 6);
    }

    @Test
    void decodesASubRangeOfAWholeLine() throws Exception {
        String line = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
        int start = line.indexOf("15RT");
        AisMessage inPlace = new AisMessageDecoder().decode(line, start, start + 28, 0);
        assertThat(inPlace).isEqualTo(decode(line));
    }

    @Test
    void badInputIsABoundedRejection() {
        AisMessageDecoder decoder = new AisMessageDecoder();
        assertThatThrownBy(() -> decoder.decode("15RTgt0PAso;90TKc!M8h6g208CQ", 0))
                .isInstanceOfSatisfying(AisPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.AIS_PAYLOAD);
                    assertThat(e.detail()).contains("at 17");
                    assertThat(e.getStackTrace()).isEmpty();
                });
        assertThatThrownBy(() -> decoder.decode("15RTgt0PAso;90TKcjM8h6g208CQ", 6))
                .isInstanceOfSatisfying(AisPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NMEA_FILL_BITS));
        assertThatThrownBy(() -> decoder.decode("", 0))
                .isInstanceOfSatisfying(AisPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NMEA_TRUNCATED));
        assertThatThrownBy(() -> decoder.decode("55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8", 0))
                .isInstanceOfSatisfying(AisPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.NMEA_TRUNCATED);
                    assertThat(e.detail()).isEqualTo("type 5 needs 420 bits, got 360");
                });
    }
}
