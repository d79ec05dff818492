package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * An identity that cannot be right ({@value #INVALID_IDENTITY}), once per vessel per {@link Reason}:
 * an MMSI that fits no format of ITU-R M.585-9, or one of a station that sends no positions, or whose
 * MID the ITU has not allocated; an IMO number whose check digit fails; or static data (length, ship
 * type) that keeps changing back and forth, the mark of two transmitters sharing an MMSI or of a
 * transponder whose data is being edited.
 *
 * <p>The MMSI is judged on the vessel's first fix with a position: only unscoped ids of decimal digits
 * are MMSIs ({@link Mmsi#of}); a boat numbered by a station, or a native fix's free-form id, is not
 * checked. The static data is what the vessel's AIS static reports (types 5, 19, 24) merged into so far
 * ({@link DetectorContext#vesselInfo}), read when its {@link VesselInfo#updatedAt()} is newer than the
 * last one seen, at most every {@link Settings#checkEvery}. Changes between two readings are seen as
 * one: the detector sees the merged data when it reads it, not every report. A replay reads all static data before the first fix, so it sees only the
 * final values and never reports changes.
 *
 * <p>One state, {@code watching}, re-entered at each reading, so that its entry time is the time of the
 * last reading; a reading that finds a reason not reported yet publishes it (one per reading; a second
 * reason waits for the next). The data is a small summary ({@link Identity}). Between readings a fix
 * looks at nothing but the place (not even the data), and the place does not change, so the common path
 * allocates nothing and touches no other memory. Planar fixes are ignored.
 */
public final class InvalidIdentityDetector extends Machine<InvalidIdentityDetector.Identity, InvalidIdentityDetector.Finding> {

    public static final String NAME = "identity";
    public static final String INVALID_IDENTITY = "INVALID_IDENTITY";

    private static final String WATCHING = "watching";

    /** Why an identity is invalid: the {@code reason} of the event. */
    public enum Reason {
        /** The MMSI fits no format of ITU-R M.585-9. */
        MMSI_FORMAT("mmsi-format"),
        /** The MMSI is of a station that sends no vessel positions: a group call, a coast station, an aid to navigation. */
        MMSI_NOT_A_VESSEL("mmsi-not-a-vessel"),
        /** The MMSI's MID is not in the ITU's table. */
        MID_UNALLOCATED("mid-unallocated"),
        /** The IMO number's check digit fails, or it lies in the range ITU-R M.1371-5 leaves unused. */
        IMO_INVALID("imo-invalid"),
        /** The length (bow + stern) changed back to an earlier value, or too often. */
        LENGTH_CHANGES("length-changes"),
        /** The ship type changed back to an earlier type, or too often. */
        SHIP_TYPE_CHANGES("ship-type-changes");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        /** The name in events. */
        public String wire() {
            return wire;
        }

        int bit() {
            return 1 << ordinal();
        }
    }

    /**
     * Thresholds of the static-data rule.
     *
     * @param maxChanges changes of length or ship type (each counted on its own) within the window that
     *                   are reported; a change back to the value before the last is reported at once
     * @param window     the time the changes are counted over, from the first of them
     * @param checkEvery static data is read at a vessel's fix at most this often (event time)
     */
    public record Settings(int maxChanges, Duration window, Duration checkEvery) {

        /**
         * 3 changes within 24 h: an engineering default. A ship's length never changes and its type
         * rarely does (a new owner, a conversion); the cargo category of tankers and cargo ships changes
         * with the voyage, so for ship types 20-29 and 40-99 only the tens digit counts (ITU-R M.1371-5,
         * table 53: the units digit of these types is the hazardous-cargo category). Three changes in a
         * day, or any A, B, A, is a data-entry fault or two transmitters on one MMSI (integrity checks of
         * AIS fields as in Iphar, Ray and Napoli, "Data integrity assessment for maritime anomaly
         * detection", Expert Systems with Applications 147, 2020).
         * Static data read once a minute: looking it up on every fix costs a hash lookup per fix, while
         * ships send static reports every 6 minutes (ITU-R M.1371-5, class A message 5).
         */
        public static final Settings DEFAULTS = new Settings(3, Duration.ofHours(24), Duration.ofMinutes(1));

        public Settings {
            if (maxChanges < 2) {
                throw new IllegalArgumentException("maxChanges must be >= 2, was " + maxChanges);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be > 0, was " + window);
            }
            Objects.requireNonNull(checkEvery, "checkEvery");
            if (checkEvery.isNegative()) {
                throw new IllegalArgumentException("checkEvery must be >= 0, was " + checkEvery);
            }
        }
    }

    /**
     * What the machine keeps: reasons reported and still to report, and a summary of the static data.
     *
     * @param flags         bits of {@link Reason}s reported (low byte), waiting to be reported (second
     *                      byte), and {@link #MMSI_CHECKED}
     * @param infoMillis    {@link VesselInfo#updatedAt()} of the static data last read, or Long.MIN_VALUE
     * @param length        the last known length in metres, or -1
     * @param prevLength    the length before it, or -1
     * @param kind          the last known ship type as compared ({@link #kindOf}), or -1
     * @param prevKind      the one before it, or -1
     * @param lengthChanges changes of length since {@code sinceMillis}
     * @param kindChanges   changes of ship type since {@code sinceMillis}
     * @param sinceMillis   event time of the first change counted, or Long.MIN_VALUE
     */
    public record Identity(int flags, long infoMillis, short length, short prevLength, short kind, short prevKind,
                           byte lengthChanges, byte kindChanges, long sinceMillis) {

        static final int MMSI_CHECKED = 1 << 16;
        /** Every bit a summary can hold: each reason reported, each reason waiting, and MMSI_CHECKED. */
        private static final int KNOWN_FLAGS = (1 << Reason.values().length) - 1
                | ((1 << Reason.values().length) - 1) << 8 | MMSI_CHECKED;
        public static final Identity INITIAL = new Identity(0, Long.MIN_VALUE, (short) -1, (short) -1, (short) -1,
                (short) -1, (byte) 0, (byte) 0, Long.MIN_VALUE);

        boolean reported(Reason r) {
            return (flags & r.bit()) != 0;
        }

        int pending() {
            return (flags >>> 8) & 0xff;
        }

        Identity withFlags(int newFlags) {
            return new Identity(newFlags, infoMillis, length, prevLength, kind, prevKind, lengthChanges, kindChanges,
                    sinceMillis);
        }

        /** Marks {@code r} to be reported, unless it was already. */
        Identity pendingAlso(Reason r) {
            return reported(r) ? this : withFlags(flags | (r.bit() << 8));
        }

        static final StateCodec<Identity> CODEC = new StateCodec<>() {
            @Override
            public void write(Identity d, StateOut out) throws IOException {
                out.writeVarInt(d.flags);
                out.writeTimeMillis(d.infoMillis, Long.MIN_VALUE);
                out.writeVarInt(d.length + 1);
                out.writeVarInt(d.prevLength + 1);
                out.writeVarInt(d.kind + 1);
                out.writeVarInt(d.prevKind + 1);
                out.writeVarInt(d.lengthChanges);
                out.writeVarInt(d.kindChanges);
                out.writeTimeMillis(d.sinceMillis, Long.MIN_VALUE);
            }

            @Override
            public Identity read(StateIn in, VesselId vessel) throws IOException {
                int flags = in.readVarInt();
                if ((flags & ~KNOWN_FLAGS) != 0) {
                    // a reason that does not exist would fail the detector at every later fix of the vessel
                    throw new IOException("corrupt checkpoint: identity flags " + Integer.toBinaryString(flags));
                }
                Identity d = new Identity(flags, in.readTimeMillis(Long.MIN_VALUE), small(in), small(in),
                        small(in), small(in), (byte) in.readCount(Byte.MAX_VALUE), (byte) in.readCount(Byte.MAX_VALUE),
                        in.readTimeMillis(Long.MIN_VALUE));
                return d.equals(INITIAL) ? INITIAL : d;
            }

            /** A short from -1 to Short.MAX_VALUE, written plus one: the count goes to Short.MAX_VALUE + 1. */
            private short small(StateIn in) throws IOException {
                return (short) (in.readCount(Short.MAX_VALUE + 1) - 1);
            }
        };
    }

    /**
     * What a reading finds: the next data (null: unchanged), and the reason to publish now (with its
     * details), if any.
     */
    record Finding(@Nullable Identity next, @Nullable Reason reason, Map<String, Object> details) {

        /** A reading that changed nothing but its time. */
        static final Finding UNCHANGED = new Finding(null, null, Map.of());
    }

    private final Settings settings;

    public InvalidIdentityDetector() {
        this(Settings.DEFAULTS);
    }

    public InvalidIdentityDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<Identity, Finding> definition(Settings settings) {
        return Machine.<Identity, Finding>named(NAME).states(WATCHING).initial(WATCHING, Identity.INITIAL)
                .read((at, fix, ctx) -> read(settings, at, fix, ctx))
                .update((data, f) -> f.next() == null ? data : f.next())
                .codec(Identity.CODEC)
                // Both re-enter the state: its entry time is the time of the last reading.
                .on(WATCHING, WATCHING).when("a reason not reported yet", f -> f.reason() != null)
                .publish(INVALID_IDENTITY, (before, fix, f) -> Objects.requireNonNull(f).details())
                .on(WATCHING, WATCHING)
                .build();
    }

    /**
     * A reading of the vessel's identity, or null between readings (the common case, which looks at
     * nothing but the place and the fix). The first fix with a position is read, and then one at most
     * every {@link Settings#checkEvery}: the MMSI on the first, the static data and the reasons still to
     * report on each.
     */
    private static @Nullable Finding read(Settings settings, Place<Identity> at, Fix fix, DetectorContext ctx) {
        if (!fix.isGeo()) {
            return null;
        }
        long t = fix.time().toEpochMilli();
        long lastReading = at.enteredAtMillis();
        if (lastReading != Long.MIN_VALUE && t - lastReading < settings.checkEvery().toMillis()) {
            return null;
        }
        Identity d = at.data();
        if ((d.flags() & Identity.MMSI_CHECKED) == 0) {
            d = checkMmsi(d.withFlags(d.flags() | Identity.MMSI_CHECKED), fix.vessel());
        }
        VesselInfo info = ctx.vesselInfo(fix.vessel());
        if (info != null && info.updatedAt().toEpochMilli() != d.infoMillis()) {
            d = StaticSummary.next(settings, d, info, t);
        }
        int pending = d.pending();
        if (pending == 0) {
            return d == at.data() ? Finding.UNCHANGED : new Finding(d, null, Map.of());
        }
        Reason reason = Reason.values()[Integer.numberOfTrailingZeros(pending)];
        Identity next = d.withFlags((d.flags() | reason.bit()) & ~(reason.bit() << 8));
        return new Finding(next, reason, details(reason, fix.vessel(), info, d));
    }

    private static Identity checkMmsi(Identity d, VesselId vessel) {
        Mmsi mmsi = Mmsi.of(vessel);
        if (mmsi == null) {
            return d;
        }
        if (mmsi.kind() == Mmsi.Kind.NONE) {
            return d.pendingAlso(Reason.MMSI_FORMAT);
        }
        if (!mmsi.kind().sendsPositions()) {
            return d.pendingAlso(Reason.MMSI_NOT_A_VESSEL);
        }
        return mmsi.midAllocated() ? d : d.pendingAlso(Reason.MID_UNALLOCATED);
    }

    private static Map<String, Object> details(Reason reason, VesselId vessel, @Nullable VesselInfo info, Identity d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reason", reason.wire());
        switch (reason) {
            case MMSI_FORMAT, MMSI_NOT_A_VESSEL, MID_UNALLOCATED -> {
                Mmsi mmsi = Objects.requireNonNull(Mmsi.of(vessel));
                out.put("mmsi", mmsi.digits());
                out.put("kind", mmsi.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (mmsi.mid() >= 0) {
                    out.put("mid", mmsi.mid());
                }
            }
            case IMO_INVALID -> {
                if (info != null) {
                    out.put("imo", info.imo());
                    out.put("check", ImoNumber.check(info.imo()).name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            case LENGTH_CHANGES -> {
                out.put("lengthMetres", (int) d.length());
                out.put("previousLengthMetres", (int) d.prevLength());
                out.put("changes", (int) d.lengthChanges());
            }
            case SHIP_TYPE_CHANGES -> {
                if (info != null) {
                    out.put("shipType", info.shipType());
                }
                out.put("shipKind", (int) d.kind());
                out.put("previousShipKind", (int) d.prevKind());
                out.put("changes", (int) d.kindChanges());
            }
        }
        return out;
    }

    /**
     * The ship type as compared: for WIG, high-speed craft, passenger, cargo, tanker and other ships the
     * units digit is the hazardous-cargo category, which changes with the cargo, so only the tens count
     * (as 20, 40, 60...); for other codes the whole code counts. -1 when unknown.
     */
    static int kindOf(int shipType) {
        if (shipType <= 0 || shipType > 99) {
            return -1; // 0 is "not available"
        }
        int tens = shipType / 10;
        return tens == 2 || tens >= 4 && tens != 5 ? tens * 10 : shipType;
    }
}
