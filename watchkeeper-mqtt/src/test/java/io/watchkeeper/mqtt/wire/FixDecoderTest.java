package io.watchkeeper.mqtt.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixDecoderTest {

    private final FixDecoder decoder = new FixDecoder();

    private Decoded decode(String json) {
        return decoder.decode("PORT1", json.getBytes(StandardCharsets.UTF_8));
    }

    private Fix accepted(String json) {
        Decoded d = decode(json);
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) d).fix();
    }

    @Test
    void originalFormatIsDecodedAndItsPositionKeptVerbatim() {
        String position = "{\"ts\": 1500000000.25, \"x\": 1.5, \"y\": -2.0, \"port_id\": \"PYDATA-PORT2\"}";
        Decoded d = decoder.decode("PYDATA-PORT2", ("{\"boat_id\": 3, \"position\": " + position + "}")
                .getBytes(StandardCharsets.UTF_8));
        Fix f = ((Decoded.Accepted) d).fix();

        assertThat(f.vessel()).isEqualTo(VesselId.scoped("PYDATA-PORT2", "3", true));
        assertThat(f.site()).isEqualTo("PYDATA-PORT2");
        assertThat(f.time()).isEqualTo(Instant.ofEpochSecond(1_500_000_000L, 250_000_000));
        assertThat(f.x()).isEqualTo(1.5);
        assertThat(f.y()).isEqualTo(-2.0);
        assertThat(f.positionJson()).isEqualTo(position);
    }

    @Test
    void everyBoatOfAStationSharesOneSiteString() {
        Fix a = accepted("{\"boat_id\": 1, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"PORT1\"}}");
        Fix b = accepted("{\"boat_id\": 2, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0}}");

        assertThat(b.vessel().scope()).isSameAs(a.vessel().scope()).isEqualTo("PORT1");
    }

    /** Under broker logins PORT1 may publish only on DATA/PORT1; its payload must not speak for PORT2's boats. */
    @Test
    void aPortIdOtherThanTheTopicsStationIsRefused() {
        Decoded forged = decode("{\"boat_id\": 3, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"PORT2\"}}");

        assertThat(forged).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.PORT_MISMATCH);
            assertThat(r.detail()).contains("\"PORT2\"").contains("\"PORT1\"");
        });
        Fix own = accepted("{\"boat_id\": 3, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"PORT1\"}}");
        assertThat(own.vessel()).isEqualTo(VesselId.scoped("PORT1", "3", true));
        // A recording has no topic: there the report's own port_id is its site.
        Decoded recorded = decoder.decodeRecorded("recording",
                "{\"boat_id\": 3, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"PORT2\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(((Decoded.Accepted) recorded).fix().vessel()).isEqualTo(VesselId.scoped("PORT2", "3", true));
    }

    /** {@code {"vessel":"A\u0000"}} was accepted and later stalled PostgreSQL; every string of a fix is checked. */
    @ParameterizedTest(name = "{0} with U+{1}")
    @CsvSource(delimiter = '|', value = {
            "vessel | 0000", "vessel | 001f", "vessel | 0009", "vessel | 007f", "vessel | 0085", "vessel | 009f",
            "boat_id | 0000", "port_id | 000a", "ts | 0000", "extra value | 0000", "extra name | 0000",
            "nested extra | 001b", "position extra | 0000",
    })
    void aControlCharacterInAnyStringIsRefused(String where, String hex) {
        String c = "\\u" + hex;
        String json = switch (where) {
            case "vessel" -> "{\"vessel\": \"A" + c + "\", \"ts\": 1, \"lat\": 0, \"lon\": 0}";
            case "boat_id" -> "{\"boat_id\": \"" + c + "3\", \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0}}";
            case "port_id" -> "{\"boat_id\": 3, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"PORT1" + c + "\"}}";
            case "ts" -> "{\"vessel\": \"A\", \"ts\": \"2026-01-01T00:00:00Z" + c + "\", \"lat\": 0, \"lon\": 0}";
            case "extra value" -> "{\"vessel\": \"A\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"note\": \"x" + c + "\"}";
            case "extra name" -> "{\"vessel\": \"A\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"n" + c + "\": 1}";
            case "nested extra" -> "{\"vessel\": \"A\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"n\": [1, {\"a\": [\"" + c + "\"]}]}";
            default -> "{\"boat_id\": 3, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"note\": {\"a\": \"" + c + "\"}}}";
        };

        assertThat(decode(json)).as(json).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VALUE);
            assertThat(r.detail()).contains("control character U+" + hex.toUpperCase(java.util.Locale.ROOT));
            assertThat(r.detail().chars().noneMatch(Character::isISOControl)).isTrue();
        });
    }

    @Test
    void aTopicStationWithAControlCharacterIsRefused() {
        Decoded d = decoder.decode("PORT\u0001", "{\"vessel\": \"A\", \"ts\": 1, \"lat\": 0, \"lon\": 0}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(d).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.detail()).isEqualTo("the topic's station contains the control character U+0001"));
    }

    @Test
    void textBeyondControlCharactersStaysAccepted() {
        Fix f = accepted("{\"vessel\": \"\u00e6\u00f8\u00e5 \u00a0\u4e2d\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"note\": [\"ok\"]}");

        assertThat(f.vessel().id()).isEqualTo("æøå \u00a0中");
    }

    @Test
    void stringBoatIdsStayStringsAndTheTopicStationIsTheDefaultSite() {
        Fix f = accepted("{\"position\": {\"x\": 0, \"y\": 0, \"ts\": 1}, \"boat_id\": \"alpha\"}");

        assertThat(f.vessel()).isEqualTo(VesselId.scoped("PORT1", "alpha", false));
        assertThat(f.site()).isEqualTo("PORT1");
    }

    @Test
    void nativeFormatWithMillisOrIsoTime() {
        Fix a = accepted("{\"vessel\": \"244660000\", \"ts\": 1700000000123, \"lat\": 51.9, \"lon\": 4.1,"
                + " \"sog\": 12.5, \"cog\": 90, \"heading\": 91, \"status\": 0}");
        Fix b = accepted("{\"vessel\": 244660000, \"ts\": \"2023-11-14T22:13:20.123Z\", \"lat\": 51.9, \"lon\": 4.1}");

        assertThat(a.vessel()).isEqualTo(VesselId.of("244660000"));
        assertThat(a.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L)).isEqualTo(b.time());
        assertThat(a.sogKnots()).isEqualTo(12.5);
        assertThat(a.navStatus()).isZero();
        assertThat(b.vessel()).isEqualTo(a.vessel());
        assertThat(b.sogKnots()).isNaN();
        assertThat(b.navStatus()).isEqualTo(Fix.NO_NAV_STATUS);
    }

    @Test
    void aNumericIdOver64DigitsIsRefusedAsAStringOneIs() {
        String json = "{\"vessel\": " + "9".repeat(65) + ", \"ts\": 1, \"lat\": 0, \"lon\": 0}";

        assertThat(decode(json)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VALUE));
    }

    @Test
    void aNullStatusIsNoStatus() {
        Fix f = accepted("{\"vessel\": \"1\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"status\": null}");

        assertThat(f.navStatus()).isEqualTo(Fix.NO_NAV_STATUS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                                                         | MALFORMED_JSON",
            "{\"boat_id\": 1, \"position\": {\"x\": 1, \"y\": 2, \"ts\": 1}            | MALFORMED_JSON",
            "{\"boat_id\": 1, \"position\": {\"x\": 1, \"y\": 2, \"ts\": 1}} trailing  | MALFORMED_JSON",
            "[1, 2, 3]                                                               | UNKNOWN_FORMAT",
            "{\"hello\": \"world\"}                                                  | UNKNOWN_FORMAT",
            "{\"boat_id\": 1}                                                        | MISSING_FIELD",
            "{\"boat_id\": 1, \"position\": {\"y\": 2, \"ts\": 1}}                   | MISSING_FIELD",
            "{\"boat_id\": 1, \"position\": {\"x\": \"1\", \"y\": 2, \"ts\": 1}}     | INVALID_VALUE",
            "{\"boat_id\": 1, \"position\": {\"x\": 1, \"y\": 2, \"ts\": -5}}        | INVALID_VALUE",
            "{\"boat_id\": 1, \"position\": {\"x\": 1, \"y\": 2, \"ts\": 1e300}}     | INVALID_VALUE",
            "{\"boat_id\": [1], \"position\": {\"x\": 1, \"y\": 2, \"ts\": 1}}       | INVALID_VALUE",
            "{\"boat_id\": true, \"position\": {\"x\": 1, \"y\": 2, \"ts\": 1}}      | INVALID_VALUE",
            "{\"boat_id\": 1, \"position\": 7}                                       | INVALID_VALUE",
            "{\"vessel\": \"1\", \"ts\": 1, \"lat\": 91, \"lon\": 0}                 | INVALID_VALUE",
            "{\"vessel\": \"1\", \"ts\": 1, \"lat\": 0, \"lon\": 181}                | INVALID_VALUE",
            "{\"vessel\": \"1\", \"ts\": \"yesterday\", \"lat\": 0, \"lon\": 0}      | INVALID_VALUE",
            "{\"vessel\": \"1\", \"lat\": 0, \"lon\": 0}                             | MISSING_FIELD",
            "{\"vessel\": \"1\", \"ts\": null, \"lat\": 0, \"lon\": 0}               | MISSING_FIELD",
            "{\"boat_id\": 1, \"position\": {\"x\": 1, \"y\": 2, \"ts\": null}}      | MISSING_FIELD",
            "{\"vessel\": \"1\", \"ts\": \"+999999999-01-01T00:00:00Z\", \"lat\": 0, \"lon\": 0} | INVALID_VALUE",
            "{\"vessel\": \"1\", \"ts\": \"+3001-01-01T00:00:00Z\", \"lat\": 0, \"lon\": 0} | INVALID_VALUE",
            "{\"vessel\": \"1\", \"ts\": \"1969-12-31T23:59:59Z\", \"lat\": 0, \"lon\": 0}  | INVALID_VALUE",
    })
    void badInputIsRejectedWithAReason(String json, RejectReason reason) {
        Decoded d = decode(json);

        assertThat(d).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.detail()).isNotBlank();
        });
    }

    /**
     * {@code 1e-700000000} reads as 0.0 and passed the range check; the exact decimal arithmetic behind it then
     * computed 10^700000000 and held the input for good. An exponent beyond ±400 is refused before any of that.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "ts         | 1e-700000000", "ts | 1E+700000000", "ts | 1e-10000000", "ts | 17e-0000000000000000000401",
            "lat        | 1e-700000000", "lon | -5E-999999999", "sog | 1e-2147483648", "cog | 1e99999999999999999999",
            "heading    | 0.0e-401", "status | 1e-700000000",
            "position.ts | 1e-700000000", "position.x | 1e-700000000", "position.y | -0.5e+700000000",
    })
    void anExtremeExponentIsRefusedAtOnceInEveryNumberField(String field, String number) {
        String json = field.startsWith("position.")
                ? "{\"boat_id\": 1, \"position\": {\"ts\": 1, \"x\": 1, \"y\": 2, \"" + field.substring(9) + "\": " + number + "}}"
                : "{\"vessel\": \"1\", \"ts\": 1, \"lat\": 0, \"lon\": 0, \"" + field + "\": " + number + "}";

        Decoded d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> decode(json));

        assertThat(d).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VALUE);
            assertThat(r.detail()).contains(field).contains("exponent");
        });
    }

    @Test
    void exponentsUpTo400AndLongFractionsAreExactAndQuick() {
        assertThat(accepted("{\"vessel\": \"1\", \"ts\": 17000000001230e-1, \"lat\": 1e-400, \"lon\": 0}").time())
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        String tiny = "0." + "0".repeat(990) + "1";
        Fix f = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> accepted("{\"boat_id\": 1, \"position\": {\"ts\": " + tiny + ", \"x\": " + tiny + ", \"y\": 0}}"));
        assertThat(f.time()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void nanAndInfinityAreRejected() {
        assertThat(decode("{\"boat_id\": 1, \"position\": {\"x\": NaN, \"y\": 2, \"ts\": 1}}"))
                .isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void deepNestingAndOversizedPayloadsAreRejected() {
        String deep = "{\"boat_id\": 1, \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThat(decode(deep)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_JSON));

        byte[] huge = new byte[FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES + 1];
        assertThat(decoder.decode("P", huge)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE));
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll byte[] payload) {
        assertThat(decoder.decode("P", payload)).isNotNull();
    }

    @Property(tries = 2000)
    void arbitraryTextInsideAValidEnvelopeNeverThrows(@ForAll String x) {
        String json = "{\"boat_id\": 1, \"position\": {\"x\": " + x + ", \"y\": 2, \"ts\": 1}}";
        assertThat(decode(json)).isNotNull();
    }
}
