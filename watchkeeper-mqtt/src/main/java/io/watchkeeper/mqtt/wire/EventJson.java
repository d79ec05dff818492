package io.watchkeeper.mqtt.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes events and dead letters as JSON, in the original system's envelope.
 *
 * <pre>{@code
 * {"header": {"type": "PORT1/STATETRANSITION", "ts": 1732661234, "id": 3},
 *  "body":   {"boat_id": 3, "state": "resting", "position": {...as received...},
 *             "eventId": "...", "time": "2026-...Z", "site": "PORT1", "machine": "boat",
 *             "from": "moving", "to": "resting", "details": {}}}
 * }</pre>
 * The original fields come first and keep their types (a numeric {@code boat_id} stays a number;
 * {@code header.ts} is the detection wall-clock time in whole epoch seconds, an integer as the original's
 * {@code int(time.time())} printed it); the added fields follow, so existing consumers see nothing new they
 * must handle. Sub-second precision, and the event time, are in {@code body.time}.
 * Thread-safe.
 */
public final class EventJson {

    private final JsonFactory json = new JsonFactory();
    /** Keys in order: detectors build details with Map.of, whose order changes from one JVM run to the next. */
    private final ObjectMapper detailsMapper = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public byte[] encode(Event e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("header");
            g.writeStringField("type", e.site() + '/' + e.type());
            // An integer, never a fraction: consumers of the original read it as int(time.time()) gave it.
            g.writeNumberField("ts", e.detectedAt().getEpochSecond());
            g.writeFieldName("id");
            writeId(g, e.vessel());
            g.writeEndObject();

            g.writeObjectFieldStart("body");
            g.writeFieldName("boat_id");
            writeId(g, e.vessel());
            g.writeStringField("state", e.to());
            g.writeFieldName("position");
            writePosition(g, e.cause());
            g.writeStringField("eventId", e.eventId());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("site", e.site());
            g.writeStringField("machine", e.machine());
            g.writeStringField("from", e.from());
            g.writeStringField("to", e.to());
            g.writeFieldName("details");
            writeDetails(g, e.details());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot encode event " + e.eventId(), ex);
        }
        return out.toByteArray();
    }

    public byte[] encode(DeadLetter d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", d.source());
            g.writeStringField("reason", d.reason().label());
            g.writeStringField("detail", d.detail());
            g.writeStringField("payload", d.payload());
            g.writeStringField("at", d.at().toString());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot encode dead letter", ex);
        }
        return out.toByteArray();
    }

    private static void writeId(JsonGenerator g, VesselId id) throws IOException {
        if (id.numeric()) {
            g.writeNumber(id.id());
        } else {
            g.writeString(id.id());
        }
    }

    private static void writePosition(JsonGenerator g, Fix f) throws IOException {
        if (f.positionJson() != null) {
            g.writeRawValue(f.positionJson());
            return;
        }
        g.writeStartObject();
        g.writeStringField("ts", f.time().toString());
        writeIfPresent(g, "x", f.x());
        writeIfPresent(g, "y", f.y());
        writeIfPresent(g, "lat", f.lat());
        writeIfPresent(g, "lon", f.lon());
        writeIfPresent(g, "sog", f.sogKnots());
        writeIfPresent(g, "cog", f.cogDegrees());
        writeIfPresent(g, "heading", f.headingDegrees());
        if (f.navStatus() != Fix.NO_NAV_STATUS) {
            g.writeNumberField("status", f.navStatus());
        }
        g.writeStringField("port_id", f.site());
        g.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isNaN(v)) {
            g.writeNumberField(name, v);
        }
    }

    private void writeDetails(JsonGenerator g, Map<String, Object> details) throws IOException {
        if (details.isEmpty()) {
            g.writeStartObject();
            g.writeEndObject();
            return;
        }
        g.writeRawValue(detailsMapper.writeValueAsString(details));
    }
}
