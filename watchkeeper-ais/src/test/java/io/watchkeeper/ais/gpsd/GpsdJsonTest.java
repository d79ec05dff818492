package io.watchkeeper.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.Sentences;
import io.watchkeeper.ais.message.StaticDataReportA;
import io.watchkeeper.ais.message.StaticDataReportB;
import org.junit.jupiter.api.Test;

/** Our JSON against the exact lines gpsdecode 3.22 ({@code -u -j}) printed for the same sentences. */
class GpsdJsonTest {

    private final GpsdJson json = new GpsdJson();

    private String write(AisMessage message) {
        StringBuilder out = new StringBuilder();
        json.write(message, out);
        return out.toString();
    }

    @Test
    void classAPositionReport() throws Exception {
        assertThat(write(Sentences.decode("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":1,\"repeat\":0,\"mmsi\":371798000,\"scaled\":false,"
                + "\"status\":0,\"status_text\":\"Under way using engine\",\"turn\":-127,\"speed\":123,\"accuracy\":true,"
                + "\"lon\":-74037230,\"lat\":29028980,\"course\":2240,\"heading\":215,\"second\":33,\"maneuver\":0,"
                + "\"raim\":false,\"radio\":34017}");
    }

    @Test
    void baseStationTimestamp() throws Exception {
        assertThat(write(Sentences.decode("!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":4,\"repeat\":0,\"mmsi\":3669702,\"scaled\":false,"
                + "\"timestamp\":\"2007-05-14T19:57:39Z\",\"accuracy\":true,\"lon\":-45811417,\"lat\":22130260,"
                + "\"epfd\":7,\"epfd_text\":\"Surveyed\",\"raim\":false,\"radio\":67039}");
    }

    @Test
    void staticAndVoyageData() throws Exception {
        assertThat(write(Sentences.decode(
                "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
                "!AIVDM,2,2,1,A,88888888880,2*25"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":5,\"repeat\":0,\"mmsi\":351759000,\"scaled\":false,"
                + "\"imo\":9134270,\"ais_version\":0,\"callsign\":\"3FOF8\",\"shipname\":\"EVER DIADEM\",\"shiptype\":70,"
                + "\"shiptype_text\":\"Cargo - all ships of this type\",\"to_bow\":225,\"to_stern\":70,\"to_port\":1,"
                + "\"to_starboard\":31,\"epfd\":1,\"epfd_text\":\"GPS\",\"eta\":\"05-15T14:00Z\",\"draught\":122,"
                + "\"destination\":\"NEW YORK\",\"dte\":0}");
    }

    @Test
    void textIsJsonEscaped() throws Exception {
        // Six-bit name A"\B: gpsdecode prints it escaped.
        assertThat(write(Sentences.decode(
                "!AIVDM,1,1,,A,51mg=5@00000000000069h80<B222222222222000000000000000000000000000000000,2*43")))
                .contains("\"shipname\":\"A\\\"\\\\B\"");
    }

    @Test
    void type24PartsMergeAsGpsdecodePrintsThem() throws Exception {
        StaticDataReportA a = (StaticDataReportA) Sentences.decode("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D");
        StaticDataReportB b = (StaticDataReportB) Sentences.decode("!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40");
        StringBuilder out = new StringBuilder();
        json.writeType24(a, b, out);
        assertThat(out.toString()).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":24,\"repeat\":0,\"mmsi\":271041815,\"scaled\":false,"
                + "\"shipname\":\"PROGUY\",\"shiptype\":60,\"shiptype_text\":\"Passenger - all ships of this type\","
                + "\"vendorid\":\"1D00014\",\"model\":12,\"serial\":199796,\"callsign\":\"TC6163\",\"to_bow\":0,"
                + "\"to_stern\":15,\"to_port\":0,\"to_starboard\":5}");
    }

    @Test
    void binaryBroadcastNobodyDecodesPrintsItsBits() throws Exception {
        // DAC 1 FI 22 (area notice): gpsd prints the bits after the FI, bit count first.
        assertThat(write(Sentences.decode("!AIVDM,1,1,,B,803Ovrh0EP:024`@02PN04da=3V<>N0000,4*39"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":8,\"repeat\":0,\"mmsi\":3669739,\"scaled\":false,"
                + "\"dac\":1,\"fid\":22,\"data\":\"144:0280084a1000281e004b2934398c39e00000\"}");
    }

    @Test
    void messagesOfALengthGpsdecodeRefusesGetTheHeader() throws Exception {
        // libais/test.aivdm: a 58-bit type 23 (gpsdecode: "size < 160 bits", prints nothing).
        assertThat(write(Sentences.decode("!AIVDM,1,1,,B,GFwkw?Bgph,2*4F"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":23,\"repeat\":1,\"mmsi\":469565245,\"scaled\":false}");
    }

    /** Lines gpsdecode 3.22 printed for sentences of data/gpsd-ais/sample.aivdm.sentences, byte for byte. */
    @Test
    void typesWithoutAPositionPrintAsGpsdecodeDoes() throws Exception {
        assertThat(write(Sentences.decode("!AIVDO,1,1,4,B,8>jR06@0Bk3:wOli;<`WPhh<1rqVBQf2V@Pdt0J82avIM2b<<Rv1t<ot=@1,2*54")))
                .isEqualTo("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":8,\"repeat\":0,\"mmsi\":992509977,\"scaled\":false,"
                + "\"dac\":1,\"fid\":11,\"lat\":3197693,\"lon\":-368039,\"timestamp\":\"18T17:15Z\",\"wspeed\":3,\"wgust\":6,"
                + "\"wdir\":12,\"wgustdir\":15,\"humidity\":50,\"airtemp\":742,\"dewpoint\":323,\"pressure\":224,"
                + "\"pressuretend\":2,\"visibility\":153,\"waterlevel\":16,\"leveltrend\":1,\"cspeed\":103,\"cdir\":256,"
                + "\"cspeed2\":104,\"cdir2\":257,\"cdepth2\":10,\"cspeed3\":126,\"cdir3\":203,\"cdepth3\":20,"
                + "\"waveheight\":42,\"waveperiod\":35,\"wavedir\":25,\"swellheight\":23,\"swellperiod\":48,"
                + "\"swelldir\":124,\"seastate\":3,\"watertemp\":223,\"preciptype\":6,\"preciptype_text\":\"reserved\","
                + "\"salinity\":53,\"ice\":0,\"ice_text\":\"no\"}");
        assertThat(write(Sentences.decode("!AIVDM,1,1,,A,6h2E:81>NmKC04p0J<000?vv20Ru,0*31")))
                .isEqualTo("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":6,\"repeat\":3,\"mmsi\":2443808,\"scaled\":false,"
                + "\"seqno\":0,\"dest_mmsi\":329176500,\"retransmit\":true,\"dac\":1,\"fid\":14,\"month\":0,\"day\":0,"
                + "\"tidals\":[{\"lon\":16760328,\"lat\":-24379392,\"from_hour\":1,\"from_min\":5,\"to_hour\":29,"
                + "\"to_min\":0,\"cdir\":0,\"cspeed\":0}]}");
        assertThat(write(Sentences.decode("!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40")))
                .isEqualTo("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":26,\"repeat\":1,\"mmsi\":137920605,\"scaled\":false,"
                + "\"addressed\":true,\"structured\":true,\"dest_mmsi\":838351848,\"app_id\":23587,"
                + "\"data\":\"150:ccbf02a170e78b001c01b3c09b03d220beab40\",\"radio\":0}");
        assertThat(write(Sentences.decode("!AIVDM,1,1,,B,83aDChPj2d<dL<uM=hhhI?a@6HP0,0*40")))
                .isEqualTo("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":8,\"repeat\":0,\"mmsi\":244650946,\"scaled\":false,"
                + "\"dac\":200,\"fid\":10,\"vin\":\"02103547\",\"length\":390,\"beam\":50,\"shiptype\":8010,"
                + "\"shiptype_text\":\"Motor freighter\",\"hazard\":0,\"hazard_text\":\"0 blue cones/lights\",\"draught\":204,"
                + "\"loaded\":1,\"loaded_text\":\"Unloaded\",\"speed_q\":false,\"course_q\":false,\"heading_q\":false}");
        assertThat(write(Sentences.decode("!AIVDM,1,1,,A,<02:oP0kKcv0@<51C5PB5@?BDPD?P:?2?EB7PDB16693P381>>5<PikP,0*37")))
                .isEqualTo("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":12,\"repeat\":0,\"mmsi\":2275200,\"scaled\":false,"
                + "\"seqno\":0,\"dest_mmsi\":215724000,\"retransmit\":false,"
                + "\"text\":\"PLEASE REPORT TO JOBOURG TRAFFIC CHANNEL 13\"}");
    }
}
