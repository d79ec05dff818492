package io.watchkeeper.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The compact forms of StateOut read back exactly, and a short or damaged stream is an IOException. */
class StateStreamsTest {

    private static final VesselId SHIP = VesselId.of("235000001");

    @FunctionalInterface
    interface Writes {
        void to(StateOut out) throws IOException;
    }

    static byte[] bytes(Writes w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StateOut out = new StateOut(b);
        w.to(out);
        out.flush();
        return b.toByteArray();
    }

    static StateIn in(byte[] bytes) {
        return new StateIn(new ByteArrayInputStream(bytes), id -> null);
    }

    @Test
    void vesselStaticDataReadsBackWhole_missingFieldsToo() throws IOException {
        VesselInfo full = new VesselInfo(SHIP, "NORDIC STAR", "OXYZ2", 9_123_456, 70, 120, 30, 10, 12, 7.4,
                "DKAAR", "11-12 14:00", Instant.parse("2013-11-12T12:00:05Z"));
        VesselInfo sparse = new VesselInfo(VesselId.of("219000001"), null, null, 0, 0, -1, -1, -1, -1, Double.NaN,
                null, null, Instant.parse("2013-11-12T12:00:06Z"));
        StateIn in = in(bytes(out -> {
            out.writeVesselInfo(full);
            out.writeVesselInfo(sparse);
        }));
        assertThat(in.readVesselInfo()).isEqualTo(full);
        assertThat(in.readVesselInfo()).isEqualTo(sparse);
    }

    @Property
    void varLongsAndTimesReadBack(@ForAll long v, @ForAll long base) throws IOException {
        Assume.that(v - (base == Long.MIN_VALUE ? 0 : base) != Long.MIN_VALUE); // refused, see next test
        byte[] b = bytes(out -> {
            out.writeVarLong(v);
            out.writeSignedVarLong(v);
            out.writeTimeMillis(v, base);
        });
        StateIn in = in(b);
        assertThat(in.readVarLong()).isEqualTo(v);
        assertThat(in.readSignedVarLong()).isEqualTo(v);
        assertThat(in.readTimeMillis(base)).isEqualTo(v);
    }

    @Test
    void theOneTimeThatWouldReadAsMissingIsRefused() {
        assertThatThrownBy(() -> bytes(out -> out.writeTimeMillis(-1, Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallNumbersAndMissingTimesAreShort() throws IOException {
        assertThat(bytes(out -> out.writeVarLong(127))).hasSize(1);
        assertThat(bytes(out -> out.writeSignedVarLong(-64))).hasSize(1);
        assertThat(bytes(out -> out.writeTimeMillis(Long.MIN_VALUE, 0))).hasSize(1);
        long now = Instant.parse("2026-11-27T05:00:00Z").toEpochMilli();
        assertThat(bytes(out -> out.writeTimeMillis(now, Long.MIN_VALUE))).hasSize(6);
        assertThat(bytes(out -> out.writeTimeMillis(now - 30 * 60_000, now))).hasSize(4);
    }

    @Test
    void stringsEnumsAndVesselIdsReadBack() throws IOException {
        VesselId scoped = VesselId.scoped("port-7", "3", true);
        byte[] b = bytes(out -> {
            out.writeShortString(null);
            out.writeShortString("");
            out.writeShortString("Ærø ⚓");
            out.writeEnum(null);
            out.writeEnum(ZoneKind.OTHER);
            out.writeShortVesselId(scoped);
        });
        StateIn in = in(b);
        assertThat(in.readShortString()).isNull();
        assertThat(in.readShortString()).isEmpty();
        assertThat(in.readShortString()).isEqualTo("Ærø ⚓");
        assertThat(in.readEnum(ZoneKind.values())).isNull();
        assertThat(in.readRequiredEnum(ZoneKind.values())).isEqualTo(ZoneKind.OTHER);
        assertThat(in.readShortVesselId()).isEqualTo(scoped);
    }

    @Test
    void fixesOfEveryShapeReadBackAndSitesAreShared() throws IOException {
        Fix ais = Fix.geo(SHIP, "ais", Instant.parse("2024-03-01T06:00:00.123Z"), 50.8, -1.1, 12.5, 271.0, Double.NaN,
                0, null);
        Fix json = Fix.geo(SHIP, "ais", Instant.parse("1969-12-31T23:59:59.000000001Z"), -33.8, 151.2, Double.NaN,
                Double.NaN, 90.0, Fix.NO_NAV_STATUS, "{\"lat\":-33.8,\"lon\":151.2}");
        Fix planar = Fix.planar(SHIP, "port-1", Instant.parse("2024-03-01T06:00:00Z"), 0.0, -0.0, null);
        byte[] b = bytes(out -> {
            out.writeFixOf(ais);
            out.writeFixOf(json);
            out.writeFixOf(planar);
            out.writeFixOf(null);
        });
        StateIn in = in(b);
        Fix first = in.readFixOf(SHIP);
        Fix second = in.readFixOf(SHIP);
        assertThat(first).isEqualTo(ais);
        assertThat(second).isEqualTo(json);
        assertThat(in.readFixOf(SHIP)).isEqualTo(planar);
        assertThat(in.readFixOf(SHIP)).isNull();
        assertThat(second.site()).isSameAs(first.site());
        // flags 2, site 1 + 3, seconds 5, millis 1 (123 < 128), lat/lon/sog/cog 32, status 1
        assertThat(bytes(out -> out.writeFixOf(ais))).hasSize(2 + 4 + 5 + 1 + 4 * 8 + 1);
    }

    /** The gap, loitering and port-call states of a vessel often hold its one latest fix: restored, too. */
    @Test
    void theSameFixReadTwiceInARowIsOneInstance() throws IOException {
        Fix fix = Fix.geo(SHIP, "ais", Instant.parse("2024-03-01T06:00:00Z"), 50.8, -1.1, 0.1, 90.0, Double.NaN, 5,
                null);
        StateIn in = in(bytes(out -> {
            out.writeFixOf(fix);
            out.writeFixOf(fix);
        }));
        assertThat(in.readFixOf(SHIP)).isSameAs(in.readFixOf(SHIP));
    }

    @Test
    void everyTruncationOfAStreamIsAnEof() throws IOException {
        Fix fix = Fix.geo(SHIP, "ais", Instant.parse("2024-03-01T06:00:00.5Z"), 50.8, -1.1, 12.5, 271.0, 270.0, 5,
                "{}");
        byte[] b = bytes(out -> {
            out.writeFixOf(fix);
            out.writeShortVesselId(SHIP);
            out.writeTimeMillis(fix.time().toEpochMilli(), 0);
            out.writeEnum(ZoneKind.PORT);
        });
        for (int n = 0; n < b.length; n++) {
            byte[] cut = Arrays.copyOf(b, n);
            assertThatThrownBy(() -> {
                StateIn in = in(cut);
                in.readFixOf(SHIP);
                in.readShortVesselId();
                in.readTimeMillis(0);
                in.readEnum(ZoneKind.values());
            }).as("cut to %d of %d bytes", n, b.length).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void damagedValuesAreRefusedNotGuessed() throws IOException {
        assertThatThrownBy(() -> in(new byte[] {(byte) (ZoneKind.values().length + 1)}).readEnum(ZoneKind.values()))
                .isInstanceOf(IOException.class).hasMessageContaining("ordinal");
        assertThatThrownBy(() -> in(new byte[] {0}).readRequiredEnum(ZoneKind.values()))
                .isInstanceOf(IOException.class);
        byte[] eleven = new byte[11];
        Arrays.fill(eleven, (byte) 0x80);
        assertThatThrownBy(() -> in(eleven).readVarLong()).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than 10 bytes");
        assertThatThrownBy(() -> in(bytes(out -> out.writeVarInt(1 << 12))).readFixOf(SHIP))
                .isInstanceOf(IOException.class).hasMessageContaining("fix flags");
        assertThatThrownBy(() -> in(bytes(out -> out.writeVarLong(1L << 40))).readVarInt())
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> in(bytes(out -> out.writeVarInt(70))).readCount(64))
                .isInstanceOf(IOException.class);
    }
}
