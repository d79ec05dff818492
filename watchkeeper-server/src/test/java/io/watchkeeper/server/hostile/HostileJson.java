package io.watchkeeper.server.hostile;

import static io.watchkeeper.core.deadletter.RejectReason.INVALID_VALUE;
import static io.watchkeeper.core.deadletter.RejectReason.MALFORMED_JSON;
import static io.watchkeeper.core.deadletter.RejectReason.MISSING_FIELD;
import static io.watchkeeper.core.deadletter.RejectReason.TOO_LARGE;
import static io.watchkeeper.core.deadletter.RejectReason.UNKNOWN_FORMAT;

import io.watchkeeper.core.deadletter.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSON payloads for {@code DATA/}, each with the outcome it must have: valid native and original fixes,
 * and the same fixes broken in one way (truncated, nested too deep, a wrong type, NaN, out of range,
 * far in time, huge, odd characters). Vessel ids come from a small pool, so the detectors see sequences.
 */
final class HostileJson {

    /** What a payload must become. */
    enum Outcome { ACCEPTED, ACCEPTED_THEN_TOO_FAR_AHEAD, REJECTED }

    record Case(String what, byte[] payload, Outcome outcome, Set<RejectReason> reasons) {

        static Case accepted(String what, String json) {
            return new Case(what, bytes(json), Outcome.ACCEPTED, Set.of());
        }

        static Case rejected(String what, byte[] payload, RejectReason first, RejectReason... more) {
            return new Case(what, payload, Outcome.REJECTED, EnumSet.of(first, more));
        }

        static Case rejected(String what, String json, RejectReason first, RejectReason... more) {
            return rejected(what, bytes(json), first, more);
        }

        @Override
        public String toString() {
            String text = new String(payload, StandardCharsets.UTF_8);
            return what + " -> " + outcome + reasons + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private static final long NOW_MILLIS = Pipeline.NOW.toEpochMilli();
    private static final long HOUR = 3_600_000L;
    /** How far ahead of the clock the engine takes a fix (DetectionSetup.DEFAULT_MAX_AHEAD). */
    private static final long AHEAD = 5 * 60_000L;
    /** Year 3000, the decoder's limit for a plausible epoch time. */
    private static final long YEAR_3000_MILLIS = 32_503_680_000_000L;
    private static final List<String> WRONG_FOR_NUMBER = List.of("\"text\"", "\"12\"", "\"NaN\"", "true", "false", "{}",
            "[]", "[1,2]", "{\"a\":1}");
    private static final List<String> WRONG_FOR_ID = List.of("true", "false", "{}", "[]", "[1]", "{\"a\":1}", "null", "1.5",
            "-2e3");
    private static final List<String> NOT_A_JSON_NUMBER = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan",
            "inf", "1.", ".5", "01", "0x1F", "1e", "--1", "1_000");

    private HostileJson() {
    }

    /** Every kind of case. */
    static Arbitrary<Case> cases() {
        return Arbitraries.frequencyOf(
                weighted(3, valid()), weighted(3, truncated()), weighted(2, nested()), weighted(3, wrongType()),
                weighted(2, notFinite()), weighted(2, outOfRange()), weighted(3, farInTime()), weighted(1, huge()),
                weighted(3, oddVesselNames()), weighted(3, extremeNumbers()), weighted(3, controlInStrings()),
                weighted(1, portForged()));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Case>> weighted(int weight, Arbitrary<Case> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }

    // ------------------------------------------------------------------ valid fixes, as field maps

    /** A valid fix as ordered fields; "position" holds the original format's inner fields. */
    record Fields(boolean nativeFormat, Map<String, String> top, Map<String, String> position) {

        Fields with(String field, String json) {
            Fields copy = new Fields(nativeFormat, new LinkedHashMap<>(top), new LinkedHashMap<>(position));
            if (copy.position.containsKey(field)) {
                copy.position.put(field, json);
            } else {
                copy.top.put(field, json);
            }
            return copy;
        }

        /** An original report with this field in its position object, whether it had one or not. */
        Fields withInPosition(String field, String json) {
            Fields copy = new Fields(nativeFormat, new LinkedHashMap<>(top), new LinkedHashMap<>(position));
            copy.position.put(field, json);
            return copy;
        }

        /** The number fields besides the time. */
        List<String> numeric() {
            return nativeFormat ? List.of("lat", "lon", "sog", "cog", "heading", "status") : List.of("x", "y");
        }

        String idField() {
            return nativeFormat ? "vessel" : "boat_id";
        }

        String json() {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, String> e : top.entrySet()) {
                b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
            }
            if (!nativeFormat) {
                StringBuilder p = new StringBuilder("{");
                for (Map.Entry<String, String> e : position.entrySet()) {
                    p.append(p.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
                }
                b.append(",\"position\":").append(p).append('}');
            }
            return b.append('}').toString();
        }
    }

    static Arbitrary<Fields> fields() {
        return Arbitraries.oneOf(nativeFields(), originalFields());
    }

    private static Arbitrary<Fields> nativeFields() {
        Arbitrary<String> vessel = Arbitraries.of("\"h1\"", "\"h2\"", "\"h3\"", "\"h-244660000\"", "7", "9");
        Arbitrary<String> ts = Arbitraries.longs().between(NOW_MILLIS - 3 * HOUR, NOW_MILLIS + AHEAD - 1000)
                .map(ms -> Math.abs(ms) % 3 == 0 ? '"' + java.time.Instant.ofEpochMilli(ms).toString() + '"' : String.valueOf(ms));
        Arbitrary<String> lat = Arbitraries.doubles().between(-90, 90).map(String::valueOf);
        Arbitrary<String> lon = Arbitraries.doubles().between(-180, 180).map(String::valueOf);
        Arbitrary<String> sog = Arbitraries.doubles().between(0, 40).ofScale(1).map(String::valueOf).injectNull(0.2);
        Arbitrary<Integer> status = Arbitraries.integers().between(-1, 15);
        return Combinators.combine(vessel, ts, lat, lon, sog, sog, status).as((v, t, la, lo, s, c, st) -> {
            Map<String, String> top = new LinkedHashMap<>();
            top.put("vessel", v);
            top.put("ts", t);
            top.put("lat", la);
            top.put("lon", lo);
            if (s != null) {
                top.put("sog", s);
            }
            if (c != null) {
                top.put("cog", c);
                top.put("heading", String.valueOf(Math.round(Double.parseDouble(c) * 9)));
            }
            if (st >= 0) {
                top.put("status", String.valueOf(st));
            }
            return new Fields(true, top, Map.of());
        });
    }

    private static Arbitrary<Fields> originalFields() {
        Arbitrary<String> boat = Arbitraries.of("0", "1", "2", "3", "\"h7\"");
        Arbitrary<String> ts = Arbitraries.longs().between(NOW_MILLIS - 3 * HOUR, NOW_MILLIS + AHEAD - 1000)
                .map(ms -> java.math.BigDecimal.valueOf(ms, 3).toPlainString());
        Arbitrary<String> xy = Arbitraries.doubles().between(-1000, 1000).ofScale(2).map(String::valueOf);
        // A station may name itself in port_id, or not; naming another is a forgery (portForged).
        Arbitrary<String> port = Arbitraries.of("\"" + Pipeline.DATA_STATION + "\"", null);
        return Combinators.combine(boat, ts, xy, xy, port).as((b, t, x, y, p) -> {
            Map<String, String> top = new LinkedHashMap<>();
            top.put("boat_id", b);
            Map<String, String> position = new LinkedHashMap<>();
            position.put("ts", t);
            position.put("x", x);
            position.put("y", y);
            if (p != null) {
                position.put("port_id", p);
            }
            return new Fields(false, top, position);
        });
    }

    // ------------------------------------------------------------------ the cases

    static Arbitrary<Case> valid() {
        return fields().map(f -> Case.accepted("valid", f.json()));
    }

    static Arbitrary<Case> truncated() {
        return Combinators.combine(fields(), Arbitraries.doubles().between(0, 1)).as((f, where) -> {
            String json = f.json();
            int cut = (int) Math.min(json.length() - 1, Math.floor(where * json.length()));
            String prefix = json.substring(0, cut);
            return cut == 0 ? Case.rejected("truncated", prefix, UNKNOWN_FORMAT)
                    : Case.rejected("truncated at " + cut, prefix, MALFORMED_JSON);
        });
    }

    /** An extra field nested arrays/objects deep: within the decoder's limit it is skipped, beyond it refused. */
    static Arbitrary<Case> nested() {
        Arbitrary<Integer> depth = Arbitraries.oneOf(Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(41, 20_000));
        return Combinators.combine(fields(), depth, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((f, d, arrays, closed) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < d; i++) {
                        b.append(arrays ? "[" : "{\"a\":");
                    }
                    b.append("1");
                    if (closed) {
                        for (int i = 0; i < d; i++) {
                            b.append(arrays ? ']' : '}');
                        }
                    }
                    String json = f.with("extra", b.toString()).json();
                    // The top-level object is level 1, so "extra" reaches level d + 1; the limit is 32.
                    if (json.length() > 64 * 1024) {
                        return Case.rejected("nested " + d + ", too large", json, TOO_LARGE);
                    }
                    if (closed && d + 1 <= 32) {
                        return Case.accepted("nested " + d, json);
                    }
                    return Case.rejected("nested " + d + (closed ? "" : " unclosed"), json, MALFORMED_JSON);
                });
    }

    static Arbitrary<Case> wrongType() {
        return fields().flatMap(f -> {
            Arbitrary<Case> numbers = Combinators.combine(Arbitraries.of(f.numeric()),
                    Arbitraries.of(WRONG_FOR_NUMBER)).as((field, v) ->
                    Case.rejected(field + " = " + v, f.with(field, v).json(), INVALID_VALUE));
            Arbitrary<Case> nulls = Arbitraries.of(f.numeric()).map(field -> {
                String json = f.with(field, "null").json();
                boolean required = List.of("lat", "lon", "x", "y").contains(field);
                return required ? Case.rejected(field + " = null", json, MISSING_FIELD) : Case.accepted(field + " = null", json);
            });
            Arbitrary<Case> time = Arbitraries.of(WRONG_FOR_NUMBER).map(v ->
                    Case.rejected("ts = " + v, f.with("ts", v).json(), INVALID_VALUE));
            Arbitrary<Case> timeNull = Arbitraries.just(Case.rejected("ts = null", f.with("ts", "null").json(), MISSING_FIELD));
            Arbitrary<Case> id = Arbitraries.of(WRONG_FOR_ID).map(v ->
                    Case.rejected(f.idField() + " = " + v, f.with(f.idField(), v).json(), INVALID_VALUE));
            Arbitrary<Case> shape = f.nativeFormat()
                    ? Arbitraries.of("lat", "lon", "ts").map(field -> {
                        Map<String, String> top = new LinkedHashMap<>(f.top());
                        top.remove(field);
                        return Case.rejected("no " + field, new Fields(true, top, Map.of()).json(), MISSING_FIELD);
                    })
                    : Arbitraries.of("\"text\"", "1", "true", "[]", "null", "[1,2]").map(v -> {
                        String json = "{\"boat_id\":" + f.top().get("boat_id") + ",\"position\":" + v + "}";
                        return Case.rejected("position = " + v, json, INVALID_VALUE);
                    });
            return Arbitraries.oneOf(numbers, nulls, time, timeNull, id, shape);
        });
    }

    /** NaN and Infinity are not JSON; numbers too large for a double are not finite. */
    static Arbitrary<Case> notFinite() {
        return fields().flatMap(f -> {
            List<String> fieldsToBreak = new java.util.ArrayList<>(f.numeric());
            fieldsToBreak.add("ts");
            Arbitrary<String> field = Arbitraries.of(fieldsToBreak);
            Arbitrary<Case> literal = Combinators.combine(field, Arbitraries.of(NOT_A_JSON_NUMBER)).as((name, v) ->
                    Case.rejected(name + " = " + v, f.with(name, v).json(), MALFORMED_JSON));
            Arbitrary<String> overflow = Arbitraries.oneOf(
                    Arbitraries.integers().between(309, 99_999).map(e -> "1e" + e),
                    Arbitraries.integers().between(309, 99_999).map(e -> "-2.5E+" + e),
                    Arbitraries.integers().between(310, 999).map(n -> "9".repeat(n)));
            Arbitrary<Case> huge = Combinators.combine(field, overflow).as((name, v) ->
                    Case.rejected(name + " = " + v, f.with(name, v).json(), INVALID_VALUE));
            Arbitrary<Case> tooLong = Combinators.combine(field, Arbitraries.integers().between(1001, 30_000)).as((name, n) ->
                    Case.rejected(name + " has " + n + " digits", f.with(name, "7".repeat(n)).json(), MALFORMED_JSON));
            return Arbitraries.oneOf(literal, huge, tooLong);
        });
    }

    /**
     * Every number field of both formats (times included) with an extreme exponent or digit count. Beyond
     * ±400 the exponent is refused before any arithmetic; {@code 1e-700000000} once held the input for good.
     * Within it, what underflows is a plain zero, and a 1000-character fraction is just a long number.
     */
    static Arbitrary<Case> extremeNumbers() {
        return fields().flatMap(f -> {
            List<String> all = new java.util.ArrayList<>(f.numeric());
            all.add("ts");
            Arbitrary<String> field = Arbitraries.of(all);
            Arbitrary<String> mantissa = Arbitraries.oneOf(Arbitraries.of("1", "-2.5", "0", "0.0", "17", "-0"),
                    Arbitraries.integers().between(1, 400).map(n -> "9".repeat(n)),
                    Arbitraries.integers().between(1, 400).map(n -> "0." + "0".repeat(n) + "3"));
            Arbitrary<String> bigExponent = Arbitraries.oneOf(
                    Arbitraries.longs().between(401, Long.MAX_VALUE).map(String::valueOf),
                    Arbitraries.integers().between(1, 400).map(n -> "0".repeat(n) + "401"),
                    Arbitraries.integers().between(20, 500).map(n -> "9".repeat(n)));
            Arbitrary<Case> beyond = Combinators.combine(field, mantissa, Arbitraries.of("e", "E", "e-", "E+", "e+", "E-"),
                    bigExponent).as((name, m, e, x) -> {
                        String v = m + e + x;
                        String json = f.with(name, v).json();
                        return v.length() > 1000 ? Case.rejected(name + " = " + v.length() + " chars", json, MALFORMED_JSON)
                                : Case.rejected(name + " = " + v, json, INVALID_VALUE);
                    });
            Arbitrary<Case> underflow = Combinators.combine(field, Arbitraries.integers().between(330, 400),
                    Arbitraries.of("1", "4.9", "17")).as((name, x, m) ->
                    Case.accepted(name + " = " + m + "e-" + x, f.with(name, m + "e-" + x).json()));
            Arbitrary<Case> longFraction = Combinators.combine(field, Arbitraries.integers().between(1, 1100)).as((name, n) -> {
                String v = "0." + "0".repeat(n) + "1";
                String json = f.with(name, v).json();
                return v.length() - 1 > 1000 ? Case.rejected(name + " fraction of " + v.length(), json, MALFORMED_JSON)
                        : Case.accepted(name + " fraction of " + v.length(), json);
            });
            return Arbitraries.oneOf(beyond, underflow, longFraction);
        });
    }

    /** Out of range for a position: lat beyond ±90, lon beyond ±180. Planar x/y have no range; huge ones pass. */
    static Arbitrary<Case> outOfRange() {
        Arbitrary<Double> beyond90 = Arbitraries.doubles().between(90, false, Double.MAX_VALUE, true);
        Arbitrary<Double> beyond180 = Arbitraries.doubles().between(180, false, Double.MAX_VALUE, true);
        Arbitrary<Double> any = Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE);
        return Arbitraries.oneOf(
                Combinators.combine(nativeFields(), beyond90, Arbitraries.of(1, -1)).as((f, v, sign) ->
                        Case.rejected("lat " + sign * v, f.with("lat", String.valueOf(sign * v)).json(), INVALID_VALUE)),
                Combinators.combine(nativeFields(), beyond180, Arbitraries.of(1, -1)).as((f, v, sign) ->
                        Case.rejected("lon " + sign * v, f.with("lon", String.valueOf(sign * v)).json(), INVALID_VALUE)),
                Combinators.combine(nativeFields(), Arbitraries.of("lat", "lon")).as((f, field) ->
                        Case.accepted(field + " at the edge", f.with(field, field.equals("lat") ? "-90.0" : "180").json())),
                Combinators.combine(nativeFields(), Arbitraries.of("sog", "cog", "heading"), any).as((f, field, v) ->
                        Case.accepted(field + " " + v, f.with(field, String.valueOf(v)).json())),
                Combinators.combine(nativeFields(), Arbitraries.of(-2, 16, Integer.MAX_VALUE, Integer.MIN_VALUE)).as((f, v) ->
                        Case.rejected("status " + v, f.with("status", String.valueOf(v)).json(), INVALID_VALUE)),
                Combinators.combine(originalFields(), Arbitraries.of("x", "y"), any).as((f, field, v) ->
                        Case.accepted(field + " " + v, f.with(field, String.valueOf(v)).json())));
    }

    /** Times before 1970, after year 3000, or more than 5 minutes ahead of the clock (refused by the engine). */
    static Arbitrary<Case> farInTime() {
        return fields().flatMap(f -> {
            long unit = f.nativeFormat() ? 1 : 1000; // native ms, original seconds
            java.util.function.LongFunction<String> number = ms -> f.nativeFormat() ? String.valueOf(ms)
                    : java.math.BigDecimal.valueOf(ms, 3).toPlainString();
            Arbitrary<Case> ahead = Arbitraries.oneOf(Arbitraries.longs().between(NOW_MILLIS + AHEAD + 1000, YEAR_3000_MILLIS),
                    Arbitraries.longs().between(NOW_MILLIS + AHEAD + 1000, NOW_MILLIS + HOUR)).map(ms ->
                    new Case("ts " + ms + " ms, ahead", bytes(f.with("ts", number.apply(ms)).json()),
                            Outcome.ACCEPTED_THEN_TOO_FAR_AHEAD, Set.of(RejectReason.FROM_FUTURE)));
            Arbitrary<Case> past = Arbitraries.longs().between(0, NOW_MILLIS - HOUR).map(ms ->
                    Case.accepted("ts " + ms + " ms, past", f.with("ts", number.apply(ms)).json()));
            Arbitrary<Case> negative = Arbitraries.longs().between(Long.MIN_VALUE / 1000, -1).map(ms ->
                    Case.rejected("ts " + ms + " ms", f.with("ts", number.apply(ms)).json(), INVALID_VALUE));
            Arbitrary<Case> beyond3000 = Arbitraries.longs().between(YEAR_3000_MILLIS + 1000, Long.MAX_VALUE / unit).map(ms ->
                    Case.rejected("ts " + ms + " ms", f.with("ts", number.apply(ms)).json(), INVALID_VALUE));
            Arbitrary<Case> iso = Arbitraries.oneOf(
                    Arbitraries.integers().between(3001, 999_999_999).map(y -> String.format("+%d-01-01T00:00:00Z", y)),
                    Arbitraries.integers().between(-999_999_999, 1969).map(y ->
                            (y < 0 ? String.format("-%06d", -y) : String.format("%04d", y)) + "-12-31T00:00:00Z"))
                    .map(text -> Case.rejected("ts " + text, f.with("ts", '"' + text + '"').json(), INVALID_VALUE));
            return Arbitraries.oneOf(ahead, past, negative, beyond3000, iso);
        });
    }

    /** Huge strings: an id (string or number) over 64 characters is refused, a payload over 64 KiB too; elsewhere they are skipped. */
    static Arbitrary<Case> huge() {
        Arbitrary<Integer> length = Arbitraries.integers().between(65, 100_000);
        Arbitrary<Case> numericId = Combinators.combine(fields(), Arbitraries.integers().between(65, 999)).as((f, n) ->
                Case.rejected("numeric id of " + n, f.with(f.idField(), "9".repeat(n)).json(), INVALID_VALUE));
        return Arbitraries.oneOf(numericId, Combinators.combine(fields(), length, Arbitraries.of("id", "extra")).as((f, n, where) -> {
            String s = "\"" + "h".repeat(n) + "\"";
            String json = f.with(where.equals("id") ? f.idField() : "extra", s).json();
            if (json.length() > 64 * 1024) {
                return Case.rejected(where + " of " + n, json, TOO_LARGE);
            }
            return where.equals("id") ? Case.rejected("id of " + n, json, INVALID_VALUE) : Case.accepted("extra of " + n, json);
        }));
    }

    /**
     * Vessel names with any UTF-16 unit, escaped: accepted when 1..64 units long. Raw control characters and
     * bytes that are not UTF-8 are not JSON.
     */
    static Arbitrary<Case> oddVesselNames() {
        Arbitrary<String> units = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(70);
        Arbitrary<Case> escaped = Combinators.combine(nativeFields(), units).as((f, s) -> {
            String name = "h" + s;
            StringBuilder b = new StringBuilder("\"");
            for (char c : name.toCharArray()) {
                b.append(String.format("\\u%04x", (int) c));
            }
            String json = f.with("vessel", b.append('"').toString()).json();
            boolean control = name.chars().anyMatch(Character::isISOControl);
            return name.length() <= 64 && !control ? Case.accepted("vessel " + name.length() + " escaped units", json)
                    : Case.rejected("vessel of " + name.length() + (control ? " with a control character" : ""), json,
                            INVALID_VALUE);
        });
        Arbitrary<Case> raw = Combinators.combine(nativeFields(), Arbitraries.strings().withCharRange('\u00a0', '\uffff')
                .excludeChars(surrogates()).ofMinLength(1).ofMaxLength(20)).as((f, s) ->
                Case.accepted("vessel raw UTF-8", f.with("vessel", "\"h" + s + "\"").json()));
        // C1 controls are legal raw in JSON strings (only C0 must be escaped), and refused all the same.
        Arbitrary<Case> rawC1 = Combinators.combine(nativeFields(), Arbitraries.chars().range('\u0080', '\u009f'))
                .as((f, c) -> Case.rejected("vessel raw C1 " + (int) c, f.with("vessel", "\"h" + c + "\"").json(),
                        INVALID_VALUE));
        Arbitrary<Case> control = Combinators.combine(nativeFields(), Arbitraries.chars().range('\u0000', '\u001f'))
                .as((f, c) -> Case.rejected("vessel raw control " + (int) c, f.with("vessel", "\"h" + c + "\"").json(),
                        MALFORMED_JSON));
        Arbitrary<Case> notUtf8 = Combinators.combine(nativeFields(), Arbitraries.integers().between(0x80, 0xbf))
                .as((f, b) -> {
                    String json = f.with("vessel", "\"h@\"").json();
                    byte[] bytes = bytes(json);
                    bytes[json.indexOf("h@") + 1] = (byte) (int) b;
                    return Case.rejected("vessel with byte " + b, bytes, MALFORMED_JSON);
                });
        return Arbitraries.oneOf(escaped, raw, rawC1, control, notUtf8);
    }

    /**
     * A control character (C0, DEL or C1, escaped as JSON allows) in every string a fix can carry: its id, its
     * port_id, an ISO time, and the extra fields that events echo and the store keeps. {@code "A\u0000"} once
     * passed and stalled PostgreSQL later.
     */
    static Arbitrary<Case> controlInStrings() {
        Arbitrary<Character> control = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.just('\u007f'), Arbitraries.chars().range('\u0080', '\u009f'));
        Arbitrary<String> where = Arbitraries.of("id", "port_id", "ts", "extra value", "extra name", "nested");
        return Combinators.combine(fields(), control, where, Arbitraries.integers().between(0, 5)).as((f, c, w, at) -> {
            String s = "h-" + "x".repeat(at) + String.format("\\u%04x", (int) c) + "y";
            String json = switch (w) {
                case "id" -> f.with(f.idField(), '"' + s + '"').json();
                case "port_id" -> f.nativeFormat() ? f.with("note", '"' + s + '"').json()
                        : f.withInPosition("port_id", '"' + s + '"').json();
                case "ts" -> f.with("ts", "\"2026-06-01T11:00:00Z" + String.format("\\u%04x", (int) c) + '"').json();
                case "extra value" -> f.with("note", '"' + s + '"').json();
                case "extra name" -> f.with("no" + String.format("\\u%04x", (int) c) + "te", "1").json();
                default -> f.with("extra", "[1, {\"a\": [\"" + s + "\"]}]").json();
            };
            return Case.rejected("U+" + Integer.toHexString(c) + " in " + w, json, INVALID_VALUE);
        });
    }

    /** An original report whose port_id names another station than its topic's: one station forging another's boats. */
    static Arbitrary<Case> portForged() {
        return Combinators.combine(originalFields(), Arbitraries.of("P1", "PORT2", "hostile2", "Hostile", "hostile "))
                .as((f, port) -> Case.rejected("port_id " + port, f.withInPosition("port_id", '"' + port + '"').json(),
                        RejectReason.PORT_MISMATCH));
    }

    private static char[] surrogates() {
        char[] out = new char['\udfff' - '\ud800' + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('\ud800' + i);
        }
        return out;
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
