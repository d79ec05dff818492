package io.watchkeeper.mqtt.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final FixDecoder decoder = new FixDecoder();
    private final EventJson json = new EventJson();

    @Test
    void transitionIsWrittenInTheOriginalEnvelopeWithThePositionVerbatim() throws Exception {
        String position = "{\"ts\": 1500000000.5, \"x\": 0.0, \"y\": 0.0, \"port_id\": \"PORT2\"}";
        Fix fix = ((Decoded.Accepted) decoder.decode("PORT2",
                ("{\"boat_id\": 2, \"position\": " + position + "}").getBytes(StandardCharsets.UTF_8))).fix();
        Event e = Event.transition(Event.STATE_TRANSITION, "boat", "moving", "resting", fix,
                Instant.parse("2026-11-26T12:00:00.123Z"), Map.of());

        String text = new String(json.encode(e), StandardCharsets.UTF_8);
        JsonNode n = mapper.readTree(text);

        assertThat(n.at("/header/type").asText()).isEqualTo("PORT2/STATETRANSITION");
        // The original printed int(time.time()): an integer, whole seconds, never a fraction.
        assertThat(n.at("/header/ts").isIntegralNumber()).as(text).isTrue();
        assertThat(n.at("/header/ts").longValue()).isEqualTo(1795694400L);
        assertThat(text).contains("\"ts\":1795694400,");
        assertThat(n.at("/header/id").isInt()).isTrue();
        assertThat(n.at("/header/id").asInt()).isEqualTo(2);
        assertThat(n.at("/body/boat_id").asInt()).isEqualTo(2);
        assertThat(n.at("/body/state").asText()).isEqualTo("resting");
        assertThat(text).contains("\"position\":" + position);
        assertThat(n.at("/body/eventId").asText()).isEqualTo(e.eventId());
        assertThat(n.at("/body/time").asText()).isEqualTo("2017-07-14T02:40:00.500Z");
        assertThat(n.at("/body/from").asText()).isEqualTo("moving");
        assertThat(n.at("/body/machine").asText()).isEqualTo("boat");
        assertThat(n.at("/body/details").isObject()).isTrue();
        // Original fields come first, in the original order.
        assertThat(text.indexOf("\"boat_id\"")).isLessThan(text.indexOf("\"state\""));
        assertThat(text.indexOf("\"state\"")).isLessThan(text.indexOf("\"position\""));
    }

    @Test
    void epochSecondsArePlainDecimals() {
        assertThat(EpochSeconds.formatMicros(Instant.ofEpochSecond(1_500_000_000L, 123_456_789)))
                .isEqualTo("1500000000.123456");
    }

    @Test
    void deadLetterKeepsPayloadAndReason() throws Exception {
        DeadLetter d = new DeadLetter("PORT1", RejectReason.MALFORMED_JSON, "Unexpected character", "{oops</script>",
                Instant.parse("2026-01-01T00:00:00Z"));

        JsonNode n = mapper.readTree(json.encode(d));

        assertThat(n.get("reason").asText()).isEqualTo("malformed_json");
        assertThat(n.get("payload").asText()).isEqualTo("{oops</script>");
        assertThat(n.get("source").asText()).isEqualTo("PORT1");
    }
}
