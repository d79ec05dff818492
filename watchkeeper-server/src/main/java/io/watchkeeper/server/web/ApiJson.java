package io.watchkeeper.server.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.weather.WeatherReport;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.live.TrackPoint;
import io.watchkeeper.server.live.VesselDetail;
import io.watchkeeper.server.live.VesselSnapshot;
import io.watchkeeper.server.output.store.EventPage;
import io.watchkeeper.server.output.store.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The API's response bodies, written with Jackson's streaming generator so that absent numbers (NaN in
 * {@link Fix}) become {@code null} and stored event envelopes are embedded as they are, not re-encoded.
 * Thread-safe.
 */
final class ApiJson {

    /** Writes the API's JSON into a generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonFactory factory = new JsonFactory();
    private final EventJson eventJson = new EventJson(); // documented thread-safe

    byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    byte[] error(int status, String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    byte[] vessels(List<VesselSnapshot> vessels) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("count", vessels.size());
            g.writeArrayFieldStart("vessels");
            for (VesselSnapshot v : vessels) {
                g.writeStartObject();
                vesselFields(g, v);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    byte[] vessel(VesselDetail d) {
        return write(g -> {
            g.writeStartObject();
            vesselFields(g, d.vessel());
            g.writeArrayFieldStart("track");
            for (TrackPoint p : d.track()) {
                g.writeStartObject();
                g.writeStringField("time", p.time().toString());
                // stored as floats: written as floats, so 50.8123 does not come back as 50.81230163574219
                g.writeNumberField("lat", (float) p.lat());
                g.writeNumberField("lon", (float) p.lon());
                g.writeFieldName("sogKnots");
                number(g, (float) p.sogKnots());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("events");
            for (Event e : d.events()) {
                g.writeRawValue(new String(eventJson.encode(e), StandardCharsets.UTF_8));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void vesselFields(JsonGenerator g, VesselSnapshot v) throws IOException {
        Fix f = v.last();
        g.writeStringField("id", v.id());
        g.writeStringField("site", v.site());
        g.writeStringField("time", v.time().toString());
        numberField(g, "lat", f.lat());
        numberField(g, "lon", f.lon());
        numberField(g, "x", f.x()); // the original stations' planar coordinates; null for AIS
        numberField(g, "y", f.y());
        numberField(g, "sogKnots", f.sogKnots());
        numberField(g, "cogDegrees", f.cogDegrees());
        numberField(g, "headingDegrees", f.headingDegrees());
        g.writeFieldName("navStatus");
        if (f.navStatus() == Fix.NO_NAV_STATUS) {
            g.writeNull();
        } else {
            g.writeNumber(f.navStatus());
        }
        g.writeObjectFieldStart("states");
        for (Map.Entry<String, String> s : v.states().entrySet()) {
            g.writeStringField(s.getKey(), s.getValue());
        }
        g.writeEndObject();
        VesselInfo i = v.info();
        g.writeStringField("name", i == null ? null : i.name());
        g.writeStringField("callSign", i == null ? null : i.callSign());
        g.writeFieldName("shipType");
        if (i == null || i.shipType() < 0) {
            g.writeNull();
        } else {
            g.writeNumber(i.shipType());
        }
        g.writeStringField("shipTypeText", i == null || i.shipType() < 0 ? null : i.shipTypeText());
        g.writeStringField("destination", i == null ? null : i.destination());
    }

    byte[] events(EventPage page) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (StoredEvent e : page.events()) {
                g.writeRawValue(e.json());
            }
            g.writeEndArray();
            g.writeStringField("next", page.nextCursor().orElse(null));
            g.writeEndObject();
        });
    }

    byte[] machines(List<MachineView> machines) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("machines");
            for (MachineView m : machines) {
                g.writeStartObject();
                g.writeStringField("name", m.name());
                g.writeStringField("kind", m.kind());
                g.writeStringField("initial", m.initial());
                strings(g, "states", m.states());
                g.writeArrayFieldStart("transitions");
                for (MachineView.TransitionView t : m.transitions()) {
                    g.writeStartObject();
                    g.writeStringField("from", t.from());
                    g.writeStringField("to", t.to());
                    g.writeStringField("trigger", t.trigger());
                    strings(g, "when", t.when());
                    strings(g, "unless", t.unless());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("mermaid", m.mermaid());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    byte[] health(Health h) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("status", h.up() ? "UP" : "DOWN");
            g.writeNumberField("uptimeSeconds", h.uptimeSeconds());
            Health.Engine e = h.engine();
            g.writeObjectFieldStart("engine");
            g.writeNumberField("submitted", e.submitted());
            g.writeNumberField("processed", e.processed());
            g.writeNumberField("queueDepth", e.queueDepth());
            g.writeNumberField("vessels", e.vessels());
            g.writeNumberField("outOfOrder", e.outOfOrder());
            g.writeNumberField("duplicates", e.duplicates());
            g.writeEndObject();
            g.writeStringField("broker", h.broker());
            Health.Store s = h.store();
            if (s == null) {
                g.writeNullField("store");
            } else {
                g.writeObjectFieldStart("store");
                g.writeStringField("url", s.url());
                g.writeNumberField("events", s.events());
                g.writeNumberField("dropped", s.dropped());
                g.writeNumberField("rejected", s.rejected());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** {@code {"stations": [...]}}: each weather station's latest report; absent values are null. */
    byte[] weather(List<WeatherReport> reports) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("stations");
            for (WeatherReport r : reports) {
                g.writeStartObject();
                g.writeStringField("station", r.station());
                g.writeStringField("site", r.site());
                g.writeStringField("receivedAt", r.receivedAt().toString());
                numberField(g, "lat", r.lat());
                numberField(g, "lon", r.lon());
                numberField(g, "windKnots", r.windKnots());
                numberField(g, "gustKnots", r.gustKnots());
                numberField(g, "windFromDegrees", r.windFromDegrees());
                numberField(g, "airCelsius", r.airCelsius());
                numberField(g, "pressureHpa", r.pressureHpa());
                numberField(g, "visibilityNm", r.visibilityNm());
                numberField(g, "waterLevelMetres", r.waterLevelMetres());
                numberField(g, "waveMetres", r.waveMetres());
                numberField(g, "waterCelsius", r.waterCelsius());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void numberField(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        number(g, v);
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    private static void number(JsonGenerator g, float v) throws IOException {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }
}
