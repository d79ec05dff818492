package io.watchkeeper.mqtt.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.ControlCharacters;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.annotations.Nullable;

/**
 * Decodes the JSON fixes published on {@code DATA/<station>[/<vessel>]} into {@link Fix}es.
 *
 * <p>Two formats (DESIGN.md §1 and §3):
 * <ul>
 *   <li>original: {@code {"boat_id": 3, "position": {"ts": 1500000000.5, "x": 1.0, "y": 2.0, "port_id": "PORT1"}}};
 *       the boat is scoped by the topic's station. A {@code port_id} must name that same station
 *       ({@link RejectReason#PORT_MISMATCH} otherwise), so that under broker logins one station cannot speak
 *       for another's boats; only a recording, which has no topic, lets it choose ({@link #decodeRecorded}).
 *       The position object's exact bytes are kept so events echo it verbatim;</li>
 *   <li>native: {@code {"vessel": "244660000", "ts": <epoch ms or ISO-8601>, "lat": .., "lon": .., "sog": ..,
 *       "cog": .., "heading": .., "status": ..}}; vessel ids are global.</li>
 * </ul>
 * No string of a fix, identities and the echoed text alike, may hold a control character
 * ({@link ControlCharacters}): it is refused as {@link RejectReason#INVALID_VALUE}, and so is a topic station
 * with one. A streaming parser is used: it is several times cheaper than a tree, and it gives byte offsets
 * for the verbatim echo. Thread-safe (the factory is; parsers are per call).
 */
public final class FixDecoder {

    /** Default largest payload accepted; larger ones are refused as {@link RejectReason#TOO_LARGE}. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    // Year 3000 in epoch seconds: past it a "ts" is certainly a unit mistake (ms sent as seconds, ...).
    private static final double MAX_EPOCH_SECONDS = 32_503_680_000.0;

    private static final int MAX_CANONICAL_SITES = 4096;

    /**
     * Largest decimal exponent accepted in a number ({@code 1e-400} .. {@code 1e400}): wider than a double's
     * range, so no real value is refused. Checked before any conversion: {@code 1e-700000000} reads as 0.0,
     * passes every range check, and the exact decimal arithmetic of times then computes 10^700000000.
     */
    static final int MAX_EXPONENT = 400;
    /** Most digits in a number (Jackson's default, stated): with the exponent bound, decimals stay cheap. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final JsonFactory json;
    private final int maxPayloadBytes;
    /**
     * One String per station id. A tracked vessel keeps its first fix's site as its scope for life;
     * sharing one String per station instead of one per vessel saves about 60 B per vessel (measured
     * with {@code bench heap --ids station}). Bounded, so hostile input cannot grow it without limit.
     */
    private final ConcurrentHashMap<String, String> sites = new ConcurrentHashMap<>();

    public FixDecoder() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public FixDecoder(int maxPayloadBytes) {
        if (maxPayloadBytes < 64) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 64, was " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                        .maxNumberLength(MAX_NUMBER_LENGTH).build())
                .build();
    }

    /**
     * Decodes one payload published on {@code DATA/<station>}: the topic's station is the site of the fix.
     *
     * @param station the station from the topic; an original report's {@code port_id}, if any, must equal it
     */
    public Decoded decode(String station, byte[] payload) {
        return decode(station, payload, true);
    }

    /**
     * Decodes one line of a recording, which has no topic: an original report's {@code port_id} is its site,
     * and {@code site} is used when it names none.
     */
    public Decoded decodeRecorded(String site, byte[] payload) {
        return decode(site, payload, false);
    }

    private Decoded decode(String station, byte[] payload, boolean bindToStation) {
        if (payload.length > maxPayloadBytes) {
            return reject(RejectReason.TOO_LARGE, "payload is " + payload.length + " bytes, limit " + maxPayloadBytes);
        }
        int control = ControlCharacters.indexIn(station);
        if (control >= 0) {
            return reject(RejectReason.INVALID_VALUE, "the topic's station contains the control character "
                    + ControlCharacters.name(station.charAt(control)));
        }
        try (JsonParser p = json.createParser(payload)) {
            return decodeObject(station, payload, p, bindToStation);
        } catch (JsonProcessingException e) {
            return reject(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            return reject(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        } catch (Invalid e) {
            return reject(e.reason, e.getMessage());
        }
    }

    private Decoded decodeObject(String station, byte[] payload, JsonParser p, boolean bindToStation)
            throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Invalid(RejectReason.UNKNOWN_FORMAT, "payload is not a JSON object");
        }
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "boat_id" -> f.boatId = idOf(p, value, "boat_id");
                case "position" -> readPosition(p, value, payload, f);
                case "vessel" -> f.vesselId = idOf(p, value, "vessel");
                case "ts" -> f.ts = timeOf(p, value, "ts", true);
                case "lat" -> f.lat = numberOf(p, value, "lat");
                case "lon" -> f.lon = numberOf(p, value, "lon");
                case "sog" -> f.sog = numberOf(p, value, "sog");
                case "cog" -> f.cog = numberOf(p, value, "cog");
                case "heading" -> f.heading = numberOf(p, value, "heading");
                case "status" -> f.status = statusOf(p, value);
                default -> skipChecked(p, "an extra field");
            }
        }
        if (p.nextToken() != null) {
            throw new Invalid(RejectReason.MALFORMED_JSON, "trailing content after the JSON object");
        }
        if (f.boatId != null) {
            if (bindToStation && f.portId != null && !f.portId.equals(station)) {
                throw new Invalid(RejectReason.PORT_MISMATCH, "position.port_id \"" + f.portId
                        + "\" is not the station of the topic, \"" + station + "\"");
            }
            return original(canonicalSite(f.portId != null ? f.portId : station), f);
        }
        if (f.vesselId != null) {
            return nativeFix(station, payload, f);
        }
        throw new Invalid(RejectReason.UNKNOWN_FORMAT, "neither \"boat_id\" (original format) nor \"vessel\" (native)");
    }

    private void readPosition(JsonParser p, JsonToken value, byte[] payload, Fields f) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw new Invalid(RejectReason.INVALID_VALUE, "position is not an object");
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        f.hasPosition = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "ts" -> f.positionTs = timeOf(p, v, "position.ts", false);
                case "x" -> f.x = numberOf(p, v, "position.x");
                case "y" -> f.y = numberOf(p, v, "position.y");
                case "port_id" -> f.portId = textOf(p, v, "position.port_id");
                default -> skipChecked(p, "an extra field of position");
            }
        }
        int end = (int) p.currentLocation().getByteOffset();
        f.positionJson = new String(payload, start, end - start, StandardCharsets.UTF_8);
    }

    private String canonicalSite(String site) {
        String known = sites.get(site);
        if (known != null) {
            return known;
        }
        if (sites.size() >= MAX_CANONICAL_SITES) {
            return site;
        }
        String previous = sites.putIfAbsent(site, site);
        return previous != null ? previous : site;
    }

    private static Decoded original(String site, Fields f) {
        if (!f.hasPosition) {
            throw new Invalid(RejectReason.MISSING_FIELD, "missing \"position\"");
        }
        requirePresent(f.positionTs, "position.ts");
        requirePresent(f.x, "position.x");
        requirePresent(f.y, "position.y");
        if (site.isEmpty()) {
            throw new Invalid(RejectReason.INVALID_VALUE, "position.port_id is empty");
        }
        VesselId vessel = VesselId.scoped(site, f.boatId.text, f.boatId.numeric);
        return new Decoded.Accepted(Fix.planar(vessel, site, f.positionTs, f.x, f.y, f.positionJson));
    }

    private static Decoded nativeFix(String station, byte[] payload, Fields f) {
        requirePresent(f.ts, "ts");
        requirePresent(f.lat, "lat");
        requirePresent(f.lon, "lon");
        if (f.lat < -90 || f.lat > 90) {
            throw new Invalid(RejectReason.INVALID_VALUE, "lat " + f.lat + " is outside -90..90");
        }
        if (f.lon < -180 || f.lon > 180) {
            throw new Invalid(RejectReason.INVALID_VALUE, "lon " + f.lon + " is outside -180..180");
        }
        if (f.status < -1 || f.status > 15) {
            throw new Invalid(RejectReason.INVALID_VALUE, "status " + f.status + " is outside 0..15");
        }
        VesselId vessel = VesselId.of(f.vesselId.text);
        String json = new String(payload, StandardCharsets.UTF_8).strip();
        return new Decoded.Accepted(Fix.geo(vessel, station, f.ts, f.lat, f.lon, f.sog, f.cog, f.heading, f.status,
                json));
    }

    private static void requirePresent(@Nullable Object value, String field) {
        if (value == null) {
            throw new Invalid(RejectReason.MISSING_FIELD, "missing \"" + field + "\"");
        }
    }

    private static void requirePresent(double value, String field) {
        if (Double.isNaN(value)) {
            throw new Invalid(RejectReason.MISSING_FIELD, "missing \"" + field + "\"");
        }
    }

    /**
     * Skips a field this decoder does not read, but not blindly: its text is echoed in events and stored, so its
     * names and strings must hold no control character either.
     *
     * @param field how a refusal names the field: not by its name, which may be what is refused
     */
    private static void skipChecked(JsonParser p, String field) throws IOException {
        String name = p.currentName();
        int at = name == null ? -1 : ControlCharacters.indexIn(name);
        if (at >= 0) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " has a name with the control character "
                    + ControlCharacters.name(name.charAt(at)));
        }
        JsonToken t = p.currentToken();
        int depth = 0;
        do {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) {
                requireNoControl(p, field);
            }
        } while (depth > 0 && (t = p.nextToken()) != null);
    }

    private static void requireNoControl(JsonParser p, String field) throws IOException {
        char[] text = p.getTextCharacters();
        int at = ControlCharacters.indexIn(text, p.getTextOffset(), p.getTextLength());
        if (at >= 0) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " contains the control character "
                    + ControlCharacters.name(text[at]));
        }
    }

    private static Id idOf(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            String digits = p.getText();
            if (digits.length() > 64) {
                throw new Invalid(RejectReason.INVALID_VALUE, field + " must be 1..64 characters");
            }
            return new Id(digits, true);
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.isEmpty() || s.length() > 64) {
                throw new Invalid(RejectReason.INVALID_VALUE, field + " must be 1..64 characters");
            }
            requireNoControl(p, field);
            return new Id(s, false);
        }
        throw new Invalid(RejectReason.INVALID_VALUE, field + " must be an integer or a string");
    }

    private static double numberOf(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " is not a number");
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            requireBoundedExponent(p, field);
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " is not finite");
        }
        return d;
    }

    /** Refuses an exponent beyond ±{@link #MAX_EXPONENT}, reading the token's characters in place. */
    private static void requireBoundedExponent(JsonParser p, String field) throws IOException {
        char[] text = p.getTextCharacters();
        int end = p.getTextOffset() + p.getTextLength();
        int e = p.getTextOffset();
        while (e < end && text[e] != 'e' && text[e] != 'E') {
            e++;
        }
        int i = e + 1;
        if (i < end && (text[i] == '+' || text[i] == '-')) {
            i++;
        }
        while (i < end - 1 && text[i] == '0') {
            i++; // leading zeros say nothing: 1e-0000000000400 is 1e-400
        }
        long exponent = 0;
        for (int j = i; j < end && exponent <= MAX_EXPONENT; j++) {
            exponent = exponent * 10 + (text[j] - '0');
        }
        if (exponent > MAX_EXPONENT) {
            String shown = new String(text, e, Math.min(end - e, 24));
            throw new Invalid(RejectReason.INVALID_VALUE, field + " has the exponent " + shown
                    + (end - e > 24 ? "..." : "") + ", beyond ±" + MAX_EXPONENT);
        }
    }

    /** A null status is no status, not 0 ("under way using engine"), which {@code (int) NaN} would give. */
    private static int statusOf(JsonParser p, JsonToken t) throws IOException {
        double d = numberOf(p, t, "status");
        return Double.isNaN(d) ? Fix.NO_NAV_STATUS : (int) d;
    }

    private static String textOf(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " is not a string");
        }
        requireNoControl(p, field);
        return p.getText();
    }

    /** Epoch seconds (original) or epoch milliseconds / ISO-8601 (native); null when the value is null. */
    private static @Nullable Instant timeOf(JsonParser p, JsonToken t, String field, boolean millis)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null; // as for the other fields: null is absent, refused as a missing field
        }
        if (t == JsonToken.VALUE_STRING) {
            requireNoControl(p, field);
            Instant parsed;
            try {
                parsed = Instant.parse(p.getText());
            } catch (DateTimeParseException e) {
                throw new Invalid(RejectReason.INVALID_VALUE, field + " is not ISO-8601: " + p.getText());
            }
            // The same range as epoch numbers: Instant reaches year 1e9, past what epoch milliseconds hold.
            if (parsed.getEpochSecond() < 0 || parsed.getEpochSecond() > MAX_EPOCH_SECONDS) {
                throw new Invalid(RejectReason.INVALID_VALUE, field + " " + parsed + " is not a plausible time");
            }
            return parsed;
        }
        double v = numberOf(p, t, field);
        double seconds = millis ? v / 1000.0 : v;
        if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
            throw new Invalid(RejectReason.INVALID_VALUE, field + " " + v + " is not a plausible epoch "
                    + (millis ? "millisecond" : "second") + " time");
        }
        // Exact decimal arithmetic: 1700000000123 ms must be .123 s, not .122999907 as a double gives.
        BigDecimal exact = p.getDecimalValue();
        if (millis) {
            exact = exact.movePointLeft(3);
        }
        long whole = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
        long nanos = exact.subtract(BigDecimal.valueOf(whole)).movePointRight(9).setScale(0, RoundingMode.HALF_UP)
                .longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static Decoded reject(RejectReason reason, String detail) {
        return new Decoded.Rejected(reason, detail);
    }

    private record Id(String text, boolean numeric) {
    }

    /** Fields as they are read, in any order. */
    private static final class Fields {
        @Nullable Id boatId;
        @Nullable Id vesselId;
        boolean hasPosition;
        @Nullable Instant positionTs;
        @Nullable Instant ts;
        @Nullable String portId;
        @Nullable String positionJson;
        double x = Double.NaN;
        double y = Double.NaN;
        double lat = Double.NaN;
        double lon = Double.NaN;
        double sog = Double.NaN;
        double cog = Double.NaN;
        double heading = Double.NaN;
        int status = Fix.NO_NAV_STATUS;
    }

    /** Control flow for refusals inside the parser; never escapes this class. */
    private static final class Invalid extends RuntimeException {
        private final RejectReason reason;

        Invalid(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
