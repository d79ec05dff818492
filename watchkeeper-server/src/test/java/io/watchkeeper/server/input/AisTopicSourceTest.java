package io.watchkeeper.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AisTopicSourceTest {

    private static final String POSITION = "\\si:AISD*3F\\\n$PGHP,1,2013,11,12,12,0,0,42,219,,2190047,1,39*2C\n"
            + "!BSVDM,1,1,,B,13ALbL0000PqhPFP3vMhR2Mn0800,0*39\n";

    private final List<Fix> fixes = new ArrayList<>();
    private final List<DeadLetter> dead = new ArrayList<>();
    private final AisTopicSource source = new AisTopicSource(fixes::add, new VesselRegistry(), AisNotices.NONE, dead::add,
            Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC), FramerSettings.defaults(), 1_024, 3);

    @Test
    void aMessageOverTheLimitIsOneDeadLetterAndNotReadAtAll() {
        String huge = POSITION.repeat(20); // 20 valid reports, 2.6 kB: over the 1 kB limit
        source.onMessage("AIS/DK", huge.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(fixes).isEmpty();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(d.source()).isEqualTo("DK");
            assertThat(d.detail()).contains(huge.length() + " bytes, limit 1024");
        });

        source.onMessage("AIS/DK", POSITION.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fixes).as("the next message is read as usual").hasSize(1);
    }

    @Test
    void stationsBeyondTheLimitGetNoDecoder_eachMessageADeadLetter() {
        for (int i = 0; i < 10; i++) {
            source.onMessage("AIS/S" + i, POSITION.getBytes(StandardCharsets.ISO_8859_1));
        }

        assertThat(source.stats()).hasSize(3);
        assertThat(fixes).hasSize(3);
        assertThat(dead).hasSize(7).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(RejectReason.STATION_QUOTA);
            assertThat(d.detail()).contains("3 AIS stations already");
        });
        source.onMessage("AIS/S0", POSITION.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fixes).as("a known station goes on").hasSize(4);
    }
}
