package io.watchkeeper.ais.message;

import static io.watchkeeper.ais.message.Sentences.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binary messages and their application data, real sentences from data/gpsd-ais/sample.aivdm.sentences;
 * raw values are those gpsdecode 3.22 ({@code -u -j}) prints, scaled values are worked out by hand from
 * the encodings of IMO SN.1/Circ.236 and 289.
 */
class BinaryMessageDecoderTest {

    private static final double EPS = 1e-9;

    @Test
    void addressedBinaryOfUnknownApplicationKeepsItsBits() throws Exception {
        AddressedBinaryMessage m = (AddressedBinaryMessage) decode("!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A");
        assertThat(m.seqno()).isEqualTo(3);
        assertThat(m.destMmsi()).isEqualTo(313240222);
        assertThat(m.retransmit()).isFalse();
        assertThat(m.dac()).isEqualTo(669);
        assertThat(m.fid()).isEqualTo(11);
        assertThat(m.data()).isEqualTo(new BinaryData(48, new byte[] {(byte) 0xeb, 0x2f, 0x11, (byte) 0x8f, 0x7f, (byte) 0xf1}));
    }

    @Test
    void broadcastBinaryClearsTheBitsAfterItsEndButAddressedKeepsThem() throws Exception {
        // 510 bits of DAC 366 FI 57 data: gpsd prints the last byte as d0 (low two bits cleared).
        BroadcastBinaryMessage m = (BroadcastBinaryMessage) decode(
                "!AIVDM,3,1,7,A,85Mwp=iKfGwushJ?gNlt2QU3osVGe:4?cNhQqf2VH8t,0*08",
                "!AIVDM,3,2,7,A,?A;J6b7AwuiqIGLeNiKCPDR7HQR<u;TTFufegr>kCSF,0*41",
                "!AIVDM,3,3,7,A,Uq:1Kk`e8,4*27");
        BinaryData data = (BinaryData) m.data();
        assertThat(data.bitCount()).isEqualTo(510);
        assertThat(data.hex()).startsWith("7ffdef068fbded3c").endsWith("816f3a2d0");
        // Type 25 addressed, 98 data bits: gpsd prints the 6 bits after the end as transmitted (0x40).
        SlotBinaryMessage slot = (SlotBinaryMessage) decode("!AIVDM,1,1,,A,I6SWo?8P00a3PKpEKEVj0?vNP<65,0*73");
        assertThat(slot.data().hex()).isEqualTo("e06f855b566c803fe7a0306140");
    }

    @Test
    void metHydroImo236RawAndScaled() throws Exception {
        BroadcastBinaryMessage m = (BroadcastBinaryMessage) decode(
                "!AIVDO,1,1,4,B,8>jR06@0Bk3:wOli;<`WPhh<1rqVBQf2V@Pdt0J82avIM2b<<Rv1t<ot=@1,2*54");
        MetHydroReport r = (MetHydroReport) m.data();
        assertThat(r).isEqualTo(new MetHydroReport(11, -368039, 3197693, false, 18, 17, 15, 3, 6, 12, 15, 742, 50,
                323, 224, 2, false, 153, 16, 1, 103, 256, 104, 257, 10, 126, 203, 20, 42, 35, 25, 23, 48, 124, 3, 223,
                6, 53, 0));
        assertThat(r.latDegrees()).isCloseTo(3197693 / 60_000.0, within(EPS));
        assertThat(r.lonDegrees()).isCloseTo(-368039 / 60_000.0, within(EPS));
        assertThat(r.airTemperatureCelsius()).as("(742 - 600) / 10").isCloseTo(14.2, within(EPS));
        assertThat(r.dewPointCelsius()).as("(323 - 200) / 10").isCloseTo(12.3, within(EPS));
        assertThat(r.pressureHectopascals()).as("224 + 800").isEqualTo(1024.0);
        assertThat(r.visibilityNauticalMiles()).isCloseTo(15.3, within(EPS));
        assertThat(r.waterLevelMetres()).as("(16 - 100) / 10").isCloseTo(-8.4, within(EPS));
        assertThat(r.waterTemperatureCelsius()).as("(223 - 100) / 10").isCloseTo(12.3, within(EPS));
        assertThat(r.windSpeedKnots()).isEqualTo(3.0);
        assertThat(r.windDirectionDegrees()).isEqualTo(12.0);
        assertThat(r.humidityPercent()).isEqualTo(50.0);
        assertThat(r.currentSpeedKnots()).isCloseTo(10.3, within(EPS));
        assertThat(r.waveHeightMetres()).isCloseTo(4.2, within(EPS));
        assertThat(r.salinityPerMille()).isCloseTo(5.3, within(EPS));
        assertThat(r.seaStateBeaufort()).isEqualTo(3.0);
    }

    @Test
    void metHydroImo289RawAndScaled() throws Exception {
        BroadcastBinaryMessage m = (BroadcastBinaryMessage) decode(
                "!AIVDM,2,1,9,B,8>j`;MP0GhRHI1S`CrTW2?u2Ot1owwnews0F003wwwwwww0001wwwwwwwwh0,0*02",
                "!AIVDM,2,2,9,B,00,4*18");
        MetHydroReport r = (MetHydroReport) m.data();
        assertThat(m.mmsi()).isEqualTo(992611190);
        assertThat(r.fid()).isEqualTo(31);
        assertThat(r.lonRaw()).isEqualTo(1126600);
        assertThat(r.latRaw()).isEqualTo(3264671);
        assertThat(r.airTemperatureRaw()).isEqualTo(14);
        assertThat(r.dewPointRaw()).isEqualTo(-1);
        assertThat(r.visibilityGreater()).isTrue();
        assertThat(r.airTemperatureCelsius()).as("signed 14 / 10").isCloseTo(1.4, within(EPS));
        assertThat(r.dewPointCelsius()).isCloseTo(-0.1, within(EPS));
        assertThat(r.pressureHectopascals()).as("214 + 799").isEqualTo(1013.0);
        assertThat(r.waterLevelMetres()).as("1538 / 100 - 10").isCloseTo(5.38, within(EPS));
        assertThat(r.waterTemperatureCelsius()).isCloseTo(-0.1, within(EPS));
        assertThat(r.windSpeedKnots()).isEqualTo(17.0);
        assertThat(r.windGustKnots()).as("127 = n/a").isNaN();
        assertThat(r.windGustDirectionDegrees()).as("511").isNaN();
        assertThat(r.humidityPercent()).as("127").isNaN();
        assertThat(r.visibilityNauticalMiles()).as("127 = n/a").isNaN();
        assertThat(r.seaStateBeaufort()).as("15").isNaN();
        assertThat(r.swellHeightMetres()).as("255").isNaN();
        assertThat(r.wavePeriodSeconds()).isEqualTo(0.0);
    }

    @Test
    void metHydroImo289AllNotAvailableIsNaN() throws Exception {
        BroadcastBinaryMessage m = (BroadcastBinaryMessage) decode(
                "!AIVDO,1,1,5,A,8>jR06@0Gwli:QQUP3en?wvlFR06EuOwgwl?wnSwe7wvlOwwsAwwnSGmwvh0,0*51");
        MetHydroReport r = (MetHydroReport) m.data();
        assertThat(r.airTemperatureRaw()).isEqualTo(-1024);
        assertThat(List.of(r.airTemperatureCelsius(), r.dewPointCelsius(), r.pressureHectopascals(),
                r.visibilityNauticalMiles(), r.waterLevelMetres(), r.waterTemperatureCelsius(), r.windSpeedKnots(),
                r.windDirectionDegrees(), r.humidityPercent(), r.currentSpeedKnots(), r.currentDirectionDegrees(),
                r.waveHeightMetres(), r.wavePeriodSeconds(), r.swellHeightMetres(), r.seaStateBeaufort(),
                r.salinityPerMille())).allMatch(v -> Double.isNaN(v));
    }

    @Test
    void inlandStaticVoyageDataOnlyAtItsLength() throws Exception {
        BroadcastBinaryMessage m = (BroadcastBinaryMessage) decode("!AIVDM,1,1,,B,83aDChPj2d<dL<uM=hhhI?a@6HP0,0*40");
        assertThat(m.data()).isEqualTo(new InlandStaticVoyageData("02103547", 390, 50, 8010, 0, 204, 1, false, false, false));
        // The same DAC/FI at 424 bits is not that layout: gpsdecode prints the bits.
        BroadcastBinaryMessage longer = (BroadcastBinaryMessage) decode(
                "!AIVDM,2,1,4,A,83aDChPj2d<dL<uM=hhhI?a@6HP0e9QvUEEEOPPrE4t880>p2JqA6wimt:Ow,0*22",
                "!AIVDM,2,2,4,A,UPP8k;JvOeD,2*7F");
        assertThat(longer.data()).isInstanceOf(BinaryData.class);
        assertThat(((BinaryData) longer.data()).bitCount()).isEqualTo(368);
    }

    @Test
    void addressedApplications() throws Exception {
        AddressedBinaryMessage aton = (AddressedBinaryMessage) decode("!AIVDM,1,1,4,B,6>jR0600V:C0>da4P106P00,2*02");
        assertThat(aton.data()).isEqualTo(new AtonMonitoring(274, 1, 1, 2, 2, false, 0, false));
        AddressedBinaryMessage cargo = (AddressedBinaryMessage) decode("!AIVDM,1,1,,A,63LBA4;WBevJ04k0=@E=B0td,0*17");
        assertThat(cargo.retransmit()).isTrue();
        assertThat(cargo.data()).isEqualTo(new DangerousCargoIndication("0CTES", 5, 4, 0, 60, ",", 0, 0, 0, 0, "", "", 0, 0, 0));
        AddressedBinaryMessage tidal = (AddressedBinaryMessage) decode("!AIVDM,1,1,,A,6h2E:81>NmKC04p0J<000?vv20Ru,0*31");
        assertThat(tidal.data()).isEqualTo(new TidalWindow(14, 0, 0,
                List.of(new TidalWindow.Window(16760328, -24379392, 1, 5, 29, 0, 0, 0))));
        AddressedBinaryMessage text = (AddressedBinaryMessage) decode("!AIVDM,1,1,,B,6h2E3MPr<buN05p0J00000000000,0*0A");
        assertThat(text.data()).isEqualTo(new TextDescription(1, "("));
        AddressedBinaryMessage clearance = (AddressedBinaryMessage) decode("!AIVDM,1,1,,B,6h2E3MDrDRiB0580@00000000000,0*04");
        assertThat(clearance.data()).isEqualTo(new ClearanceTime(1, 0, 0, 0, 0, "", "", 0, 0));
    }

    @Test
    void dgnssAndSlotMessages() throws Exception {
        DgnssBroadcast dgnss = (DgnssBroadcast) decode(
                "!AIVDM,2,1,5,A,A02VqLPA4I6C07h5Ed1h<OrsuBTTwS?r:C?w`?la<gno1RTRwSP9:BcurA8a,0*3A",
                "!AIVDM,2,2,5,A,:Oko02TSwu8<:Jbb,0*11");
        assertThat(dgnss.lonRaw()).isEqualTo(17478);
        assertThat(dgnss.latRaw()).isEqualTo(35992);
        assertThat(dgnss.data().bitCount()).isEqualTo(376);
        SlotBinaryMessage multi = (SlotBinaryMessage) decode("!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40");
        assertThat(multi.addressed()).isTrue();
        assertThat(multi.structured()).isTrue();
        assertThat(multi.destMmsi()).isEqualTo(838351848);
        assertThat(multi.appId()).isEqualTo(23587);
        assertThat(multi.data().hex()).isEqualTo("ccbf02a170e78b001c01b3c09b03d220beab40");
        SlotBinaryMessage single = (SlotBinaryMessage) decode("!AIVDM,1,1,,A,I8IRGB40QPPa0:<HP::V=gwv0l48,0*0E");
        assertThat(single.addressed()).isFalse();
        assertThat(single.appId()).isEqualTo(134);
        assertThat(single.data().hex()).isEqualTo("082900a31880a2a636fffe034108");
    }

    @Test
    void binaryMessagesLongerThanFiveSlotsAreNotCopied() throws Exception {
        // 1,014 bits claiming type 8: past the 1,008 bits of five slots, so no payload is kept.
        String payload = "8" + "0".repeat(168);
        AisMessage m = new AisMessageDecoder().decode(payload, 0);
        assertThat(m).isEqualTo(new OtherMessage(8, 0, 0, 1014));
        // A hostile length far beyond: still just the header, nothing allocated in proportion.
        assertThat(new AisMessageDecoder().decode("6" + "w".repeat(100_000), 0)).isInstanceOf(OtherMessage.class);
        // Exactly 1,008 bits is still a binary message.
        assertThat(new AisMessageDecoder().decode("8" + "0".repeat(167), 0)).isInstanceOf(BroadcastBinaryMessage.class);
    }

    @Test
    void personsOnBoardFollowTheFunctionIdentifier() throws Exception {
        // Crafted: type 6 DAC 1 FI 16 with 42 persons in the 13 bits after the FI, and a type 8 of 72 data
        // bits with the same. (gpsdecode prints 6700 and 0 for these: see DIFFERENCES-vs-gpsdecode.md.)
        AddressedBinaryMessage addressed = (AddressedBinaryMessage) decode("!AIVDM,1,1,,A,61mg=5GcNJ;40501D0,4*78");
        assertThat(addressed.dac()).isEqualTo(1);
        assertThat(addressed.fid()).isEqualTo(16);
        assertThat(addressed.data()).isEqualTo(new PersonsOnBoard(42));
        BroadcastBinaryMessage broadcast = (BroadcastBinaryMessage) decode("!AIVDM,1,1,,A,81mg=5@0D05@0000000000,4*58");
        assertThat(broadcast.data()).isEqualTo(new PersonsOnBoard(42));
    }
}
