package io.watchkeeper.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.StaticAndVoyageData;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.RejectReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AisDecoderTest {

    private final List<AisMessage> messages = new ArrayList<>();
    private final List<Character> channels = new ArrayList<>();
    private final List<RejectReason> rejections = new ArrayList<>();
    private final AisDecoder decoder = new AisDecoder(new AisDecoderListener() {
        @Override
        public void onMessage(AisMessage message, AisPayload payload) {
            messages.add(message);
            channels.add(payload.channel());
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            rejections.add(reason);
        }
    }, FramerSettings.defaults());

    @Test
    void linesBecomeMessagesAndRejectionsWithCounts() {
        // gpsd-ais/sample.aivdm.sentences: a position, a two-part type 5; then a bad checksum and a short type 5.
        decoder.accept("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", 0);
        decoder.accept("!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C", 0);
        decoder.accept("!AIVDM,2,2,1,A,88888888880,2*25", 0);
        decoder.accept("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", 0);
        decoder.accept("!AIVDM,1,1,,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*2E", 0);

        assertThat(messages).extracting(AisMessage::type).containsExactly(1, 5);
        assertThat(((StaticAndVoyageData) messages.get(1)).shipName()).isEqualTo("EVER DIADEM");
        assertThat(channels).containsExactly('A', 'A');
        assertThat(rejections).containsExactly(RejectReason.NMEA_CHECKSUM, RejectReason.NMEA_TRUNCATED);
        AisDecoderStats stats = decoder.stats();
        assertThat(stats.messages(1)).isEqualTo(1);
        assertThat(stats.messages(5)).isEqualTo(1);
        assertThat(stats.messagesTotal()).isEqualTo(2);
        assertThat(stats.rejected(RejectReason.NMEA_CHECKSUM)).isEqualTo(1);
        assertThat(stats.rejected(RejectReason.NMEA_TRUNCATED)).isEqualTo(1);
        assertThat(stats.rejectedTotal()).isEqualTo(2);
    }
}
