package io.watchkeeper.ais.message;

import static io.watchkeeper.ais.message.Sentences.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Safety text and link management messages, real sentences from data/gpsd-ais/sample.aivdm.sentences;
 * expected values are the fields gpsdecode 3.22 ({@code -u -j}) prints for the same sentences.
 */
class ManagementMessageDecoderTest {

    @Test
    void addressedSafetyText() throws Exception {
        assertThat(decode("!AIVDM,1,1,,A,<02:oP0kKcv0@<51C5PB5@?BDPD?P:?2?EB7PDB16693P381>>5<PikP,0*37"))
                .isEqualTo(new SafetyMessage(12, 0, 2275200, 0, 215724000, false,
                        "PLEASE REPORT TO JOBOURG TRAFFIC CHANNEL 13"));
    }

    @Test
    void addressedSafetyTextOverTwoSentences() throws Exception {
        SafetyMessage m = (SafetyMessage) decode(
                "!AIVDM,2,1,1,A,<39KdV8jIGtP7E4P@=PjEP>P81@9P>5GPI9BP?<P4P25CP6B=P1<P6E:19B1,0*02",
                "!AIVDM,2,2,1,A,80,4*1B");
        assertThat(m).isEqualTo(new SafetyMessage(12, 0, 211217560, 2, 211378120, false,
                "GUD PM 2U N HAPI NEW YIR OL D BES FRM AL FUJAIRAH"));
        assertThat(m.addressed()).isTrue();
    }

    @Test
    void broadcastSafetyTextHasNoDestination() throws Exception {
        SafetyMessage m = (SafetyMessage) decode("!AIVDM,1,1,,A,>5?Per18=HB1U:1@E=B0m<L,2*51");
        assertThat(m).isEqualTo(new SafetyMessage(14, 0, 351809000, 0, 0, false, "RCVD YR TEST MSG"));
        assertThat(m.addressed()).isFalse();
    }

    @Test
    void acknowledgementsOfBinaryAndSafetyMessages() throws Exception {
        // 72 bits: one acknowledged station; the other slots are not in the message and read 0.
        assertThat(decode("!AIVDM,1,1,,A,702R5`hwCjq8,0*6B"))
                .isEqualTo(new Acknowledgement(7, 0, 2655651, 265538450, 0, 0, 0, 0, 0, 0, 0));
        // gpsdecode does not print sequence numbers; this one acknowledges the type 12 that 211217560 sent
        // to 211378120 with seqno 2 in the same file (addressedSafetyTextOverTwoSentences).
        assertThat(decode("!AIVDM,1,1,,A,=39UOj0jFs9R,0*65"))
                .isEqualTo(new Acknowledgement(13, 0, 211378120, 211217560, 2, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void utcEnquiry() throws Exception {
        assertThat(decode("!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C")).isEqualTo(new UtcEnquiry(10, 0, 366814480, 366832740));
    }

    @Test
    void interrogationOfOneStation() throws Exception {
        assertThat(decode("!AIVDM,1,1,,A,?5OP=l00052HD00,2*5B"))
                .isEqualTo(new Interrogation(15, 0, 368578000, 5158, 5, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void assignedModeForOneStation() throws Exception {
        assertThat(decode("!AIVDM,1,1,,A,@01uEO@mMk7P<P00,0*18"))
                .isEqualTo(new AssignedModeCommand(16, 0, 2053501, 224251000, 200, 0, 0, 0, 0));
    }

    @Test
    void dataLinkManagementAlwaysHasFourReservations() throws Exception {
        DataLinkManagement m = (DataLinkManagement) decode("!AIVDM,1,1,,A,Dh3OvjB8IN>4,0*1D");
        DataLinkManagement.Reservation none = new DataLinkManagement.Reservation(0, 0, 0, 0);
        assertThat(m).isEqualTo(new DataLinkManagement(20, 3, 3669705,
                List.of(new DataLinkManagement.Reservation(2182, 5, 7, 225), none, none, none)));
    }

    @Test
    void channelManagementForARegion() throws Exception {
        assertThat(decode("!AIVDM,1,1,,A,F030ot22N2P6aoQbhe4736L20000,0*1A")).isEqualTo(new ChannelManagement(22, 0,
                3160048, 2087, 2088, 0, false, -44100, 27330, -48100, 25400, 0, 0, false, false, false, 4));
    }

    @Test
    void channelManagementForTwoStations() throws Exception {
        assertThat(decode("!AIVDM,1,1,,A,F@@W>gOP00PH=JrN9l000?wB2HH;,0*44")).isEqualTo(new ChannelManagement(22, 1,
                17419965, 3584, 8, 1, true, 0, 0, 0, 0, 28144881, 268435519, true, false, false, 4));
    }

    @Test
    void groupAssignment() throws Exception {
        GroupAssignmentCommand m = (GroupAssignmentCommand) decode("!AIVDM,1,1,,B,G02:Kn01R`sn@291nj600000900,2*12");
        assertThat(m.mmsi()).isEqualTo(2268120);
        assertThat(List.of(m.neLonRaw(), m.neLatRaw(), m.swLonRaw(), m.swLatRaw())).containsExactly(1578, 30642, 1096, 30408);
        assertThat(m.stationType()).isEqualTo(6);
        assertThat(m.shipType()).isZero();
        assertThat(m.interval()).isEqualTo(9);
        assertThat(m.quiet()).isZero();
    }

    @Test
    void tooShortForItsTypeStaysAnOtherMessage() throws Exception {
        // libais/test.aivdm: 58 bits claiming type 23 (needs 160); gpsdecode refuses it too.
        assertThat(decode("!AIVDM,1,1,,B,GFwkw?Bgph,2*4F")).isEqualTo(new OtherMessage(23, 1, 469565245, 58));
    }
}
