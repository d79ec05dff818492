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
    void otherTypesGetTheHeader() throws Exception {
        assertThat(write(Sentences.decode("!AIVDM,1,1,,B,803Ovrh0EP:024`@02PN04da=3V<>N0000,4*39"))).isEqualTo(
                "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":8,\"repeat\":0,\"mmsi\":3669739,\"scaled\":false}");
    }
}
