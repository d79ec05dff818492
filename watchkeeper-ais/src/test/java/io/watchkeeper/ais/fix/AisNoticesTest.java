package io.watchkeeper.ais.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.weather.WeatherReport;
import io.watchkeeper.core.weather.WeatherStations;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Safety-related text becomes {@code SAFETY_MESSAGE} events and weather reports reach the weather stations,
 * on real recordings. The expected texts and values are gpsdecode's ({@code gpsdecode -u -j}) for the same
 * files, the weather values converted from its raw fields by the formulas of IMO SN.1/Circ.236.
 */
class AisNoticesTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    private final List<Event> events = new ArrayList<>();
    private final WeatherStations weather = new WeatherStations();

    private void read(String file) throws IOException {
        AisIngest ingest = new AisIngest("test", f -> { }, new VesselRegistry(), d -> { },
                Clock.fixed(NOW, ZoneOffset.UTC), FramerSettings.defaults(), new AisNotices(events::add, weather::update));
        try (LineInput in = LineFiles.open(TestData.file(file))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ingest.accept(line);
            }
        }
        ingest.flush();
    }

    @Test
    void everySafetyTextOfGpsdsSampleIsAnEventWithGpsdecodesText() throws IOException {
        read("gpsd-ais/sample.aivdm.sentences");

        assertThat(events).extracting(e -> e.details().get("text")).containsExactly(
                "PLEASE REPORT TO JOBOURG TRAFFIC CHANNEL 13", "GOOD", "THANX", "MSG FROM 271002099",
                "EP 531 CARS 80 TRACKS 103 MOTO 5 CREW 86", "NI HAO.CALL TEST",
                "GUD PM 2U N HAPI NEW YIR OL D BES FRM AL FUJAIRAH", "RCVD YR TEST MSG", "EP228 IX48 FG3 DK7 PL56.",
                "TEST");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(SafetyEvents.TYPE);
            assertThat(e.machine()).isEqualTo(SafetyEvents.MACHINE);
            assertThat(e.site()).isEqualTo("test");
            assertThat(e.time()).isEqualTo(NOW);
            assertThat(e.cause().isGeo()).as("a safety message has no position").isFalse();
        });
        Event first = events.get(0);
        assertThat(first.vessel()).isEqualTo(VesselId.of("2275200"));
        assertThat(first.to()).isEqualTo("addressed");
        assertThat(first.details()).containsEntry("destMmsi", 215724000).containsEntry("seqno", 0)
                .containsEntry("retransmit", false).containsEntry("messageType", 12);
        Event broadcast = events.get(7);
        assertThat(broadcast.vessel()).isEqualTo(VesselId.of("351809000"));
        assertThat(broadcast.to()).isEqualTo("broadcast");
        assertThat(broadcast.details()).isEqualTo(Map.of("text", "RCVD YR TEST MSG", "messageType", 14));
    }

    @Test
    void aTransmissionHeardAgainWithinAMinuteIsOneMessage() {
        SafetyEvents safety = new SafetyEvents("DK");
        var m = new io.watchkeeper.ais.message.SafetyMessage(14, 0, 970227235, 0, 0, false, "SART ACTIVE");

        assertThat(safety.of(m, NOW, NOW)).isNotNull();
        assertThat(safety.of(m, NOW.plusSeconds(60), NOW)).as("a relay within the minute").isNull();
        assertThat(safety.of(m, NOW.plusSeconds(121), NOW)).as("sent again two minutes later").isNotNull();
        var other = new io.watchkeeper.ais.message.SafetyMessage(14, 0, 970227235, 0, 0, false, "SART TEST");
        assertThat(safety.of(other, NOW.plusSeconds(121), NOW)).as("another text").isNotNull();
    }

    @Test
    void aRelayReceivedLaterWithAnEarlierReceiveTimeIsTheSameMessage() {
        // A feed of several receivers: each stamps its own receive time, and their lines interleave, so a
        // relay heard 2 s earlier by a second receiver can arrive after the first one's line.
        SafetyEvents safety = new SafetyEvents("DK");
        var m = new io.watchkeeper.ais.message.SafetyMessage(14, 0, 970227235, 0, 0, false, "SART ACTIVE");

        assertThat(safety.of(m, NOW, NOW)).isNotNull();
        assertThat(safety.of(m, NOW.minusSeconds(2), NOW)).as("the relay stamped 2 s earlier").isNull();
        assertThat(safety.of(m, NOW.minusSeconds(61), NOW)).as("a transmission over a minute earlier").isNotNull();
    }

    @Test
    void theSameMessageGivesTheSameEventIdOnEveryRun() {
        var m = new io.watchkeeper.ais.message.SafetyMessage(12, 0, 2275200, 0, 215724000, false, "CALL CH 13");
        Event a = new SafetyEvents("DK").of(m, NOW, NOW);
        Event b = new SafetyEvents("DK").of(m, NOW, NOW.plusSeconds(5));
        assertThat(a.eventId()).isEqualTo(b.eventId());
        var addressedElsewhere = new io.watchkeeper.ais.message.SafetyMessage(12, 0, 2275200, 0, 215724001, false,
                "CALL CH 13");
        assertThat(new SafetyEvents("DK").of(addressedElsewhere, NOW, NOW).eventId()).isNotEqualTo(a.eventId());
    }

    @Test
    void weatherReportsKeepEachStationsLatest() throws IOException {
        read("dma-aislib/stream_example.txt");

        // gpsdecode finds met/hydro reports (DAC 1, FI 11) from these seven MMSIs in the file
        assertThat(weather.all()).extracting(WeatherReport::station).containsExactly("2300057", "2300061",
                "2500912", "2576029", "2655619", "992351018", "992351039");
        assertThat(events).isEmpty();
        // 2500912's last report: wspeed 9, wgust 9, wdir 29, airtemp 735, pressure 205, lat 3291006, lon -348667
        WeatherReport r = weather.all().get(2);
        assertThat(r.windKnots()).isEqualTo(9.0);
        assertThat(r.gustKnots()).isEqualTo(9.0);
        assertThat(r.windFromDegrees()).isEqualTo(29.0);
        assertThat(r.airCelsius()).isEqualTo(13.5);       // (735 - 600) / 10
        assertThat(r.pressureHpa()).isEqualTo(1005.0);    // 205 + 800
        assertThat(r.lat()).isBetween(54.8501, 54.8502);  // 3291006 / 60000
        assertThat(r.lon()).isBetween(-5.8112, -5.8111);  // -348667 / 60000
        assertThat(r.visibilityNm()).as("255: not available").isNaN();
        assertThat(r.waterCelsius()).as("1023: not available").isNaN();
        // the receive time of its $PGHP line: $PGHP,1,2010,6,11,11,46,29,64,250,0,2500470,1,2C*5F
        assertThat(r.receivedAt()).isEqualTo(Instant.parse("2010-06-11T11:46:29.064Z"));
    }

    @Test
    void weatherStationsAreBounded() {
        WeatherStations two = new WeatherStations(2);
        for (int i = 0; i < 5; i++) {
            two.update(new WeatherReport("s" + i, "DK", NOW, 55, 12, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        }
        two.update(new WeatherReport("s0", "DK", NOW.plusSeconds(1), 55, 12, 2, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(two.all()).extracting(WeatherReport::station).containsExactly("s0", "s1");
        assertThat(two.all().get(0).windKnots()).as("a kept station is still updated").isEqualTo(2.0);
        assertThat(two.refused()).isEqualTo(3);
        two.update(new WeatherReport("s0", "DK", NOW, 55, 12, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(two.all().get(0).windKnots()).as("an older report does not replace a newer one").isEqualTo(2.0);
    }
}
