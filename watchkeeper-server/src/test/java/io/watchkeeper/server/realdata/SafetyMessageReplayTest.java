package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.app.DetectorSuite;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replay publishes AIS safety-related text as {@code SAFETY_MESSAGE} events among the detectors' events, in
 * the same envelope, with the text escaped as JSON. The expected texts are gpsdecode's for the same files.
 */
class SafetyMessageReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void gfwsMultiPartSampleGivesOneEventPerMessage() throws IOException {
        RealReplays.Result r = RealReplays.replay("gfw-ais-tools/multi-part.nmea",
                DetectorSuite.defaults(SpeedProfile.DEFAULT));

        // gpsdecode prints 20 type 12/14 messages; the file has no receive times, so all are read at one time,
        // and the fog warning (3 times), the Venice VTS notice (4 times) and one addressed text (twice) are
        // the same message heard again: 20 - 2 - 3 - 1 = 14 events.
        List<Event> safety = r.ofType("SAFETY_MESSAGE");
        assertThat(safety).extracting(e -> e.details().get("text")).containsExactly("", "H\\NBBBB", "BBBBBBB", "",
                ")X9CX", "\\FBBBBB",
                "JUAN Y LUCIA, SE ESTA APROXIMANDO EN EXCESO A UNA BOYA ODAS. MANTENGASE APARTADO. / YOU ARE "
                        + "GETTING CLOSER TO AN ODAS BUOY. KEEP CLEAR OF IT",
                "BBBBBBB", "", "WEATHER ALERT!! A FOG WARNING HAS BEEN ISSUED FOR THIS AREA. BE CAREFUL!!",
                "_ QW_GNPH", "     O4$_-UUUW8TAD:9;P",
                "THIS IS VENICE VTS, DUE TO LIMITED OPERATIONAL CAPABILITY, INFORMATION SERVICE ONLY IS PROVIDED "
                        + "IN VENICE VTS AREA.",
                "PHAROS ERROR!C;V_)UUUW8DVSXR8");
        assertThat(safety).extracting(Event::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aFileHeadedByCommentLinesIsReadAsNmea() throws IOException {
        // gpsd's sample starts with '#' comment lines, which once made the replay take it for CSV
        RealReplays.Result r = RealReplays.replay("gpsd-ais/sample.aivdm.sentences",
                DetectorSuite.defaults(SpeedProfile.DEFAULT));

        assertThat(r.recording().format()).isEqualTo(io.watchkeeper.server.replay.Recording.Format.NMEA);
        assertThat(r.ofType("SAFETY_MESSAGE")).hasSize(10);   // gpsdecode: ten type 12/14 messages, all different
    }

    @Test
    void theTextIsEscapedInTheEnvelope() throws IOException {
        RealReplays.Result r = RealReplays.replay("libais/typeexamples.nmea", DetectorSuite.defaults(SpeedProfile.DEFAULT));
        EventJson json = new EventJson();

        List<Event> safety = r.ofType("SAFETY_MESSAGE");
        assertThat(safety).hasSize(2);
        // type 12 from 996574371 to 273501299: a quote in the text, as gpsdecode prints it
        Event addressed = safety.stream().filter(e -> e.vessel().key().equals("996574371")).findFirst().orElseThrow();
        String wire = new String(json.encode(addressed), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wire).contains("\"text\":\"9&CO97\\\"5\"");
        JsonNode body = MAPPER.readTree(wire).get("body");
        assertThat(body.get("details").get("text").asText()).isEqualTo("9&CO97\"5");
        assertThat(body.get("machine").asText()).isEqualTo("safety");
        assertThat(body.get("to").asText()).isEqualTo("addressed");
        assertThat(body.get("details").get("destMmsi").asInt()).isEqualTo(273501299);
        assertThat(MAPPER.readTree(wire).get("header").get("type").asText()).endsWith("/SAFETY_MESSAGE");
    }
}
