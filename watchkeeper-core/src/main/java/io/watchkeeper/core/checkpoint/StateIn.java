package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.Zone;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * Reads back what {@link StateOut} wrote, in the same order. Zones are resolved by id against the
 * zones loaded now; a zone that no longer exists reads as null, and the detector decides what that
 * means for its state (usually: as if the vessel had never been in it).
 */
public final class StateIn {

    /** Strings longer than this are refused as corruption rather than allocated. */
    private static final int MAX_STRING_BYTES = 16 << 20;
    /** Distinct values {@link #readSharedString} keeps: sites and scopes are few, this is only a bound. */
    private static final int MAX_SHARED = 1 << 16;

    private final DataInputStream in;
    private final Function<String, @Nullable Zone> zonesById;
    /** See {@link #readSharedString}; one reader restores one stream on one thread. */
    private final Map<String, String> shared = new HashMap<>();
    /** The last fix {@link #readFixOf} returned, so that the same fix read again is the same instance. */
    private @Nullable Fix lastFix;

    public StateIn(InputStream in, Function<String, @Nullable Zone> zonesById) {
        this.in = in instanceof DataInputStream d ? d : new DataInputStream(in);
        this.zonesById = zonesById;
    }

    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    public int readByte() throws IOException {
        return in.readByte();
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public double readDouble() throws IOException {
        return in.readDouble();
    }

    public @Nullable String readString() throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        return new String(readExactly(n), StandardCharsets.UTF_8);
    }

    public byte[] readBytes() throws IOException {
        return readExactly(in.readInt());
    }

    private byte[] readExactly(int n) throws IOException {
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("corrupt checkpoint: a length of " + n + " bytes");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    public VesselId readVesselId() throws IOException {
        String scope = nonNull(readString());
        String id = nonNull(readString());
        return new VesselId(scope, id, in.readBoolean());
    }

    public Instant readInstant() throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public @Nullable Fix readFix() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        VesselId vessel = readVesselId();
        String site = nonNull(readString());
        Instant time = readInstant();
        return new Fix(vessel, site, time, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), readString());
    }

    /** Static data written with {@link StateOut#writeVesselInfo}. */
    public VesselInfo readVesselInfo() throws IOException {
        return new VesselInfo(readVesselId(), readString(), readString(), readInt(), readInt(), readInt(), readInt(),
                readInt(), readInt(), readDouble(), readString(), readString(), readInstant());
    }

    /** The zone written with {@link StateOut#writeZone}, or null if it was null or is no longer loaded. */
    public @Nullable Zone readZone() throws IOException {
        String id = readString();
        return id == null ? null : zonesById.apply(id);
    }

    /** Looks up a zone by an id read earlier; null if that zone is no longer loaded. */
    public @Nullable Zone zone(String id) {
        return zonesById.apply(id);
    }

    // ---- The compact forms of StateOut ----

    public long readVarLong() throws IOException {
        long v = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            int b = in.readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("corrupt checkpoint: a variable-length number longer than 10 bytes");
    }

    public int readVarInt() throws IOException {
        long v = readVarLong();
        if ((v >>> Integer.SIZE) != 0) {
            throw new IOException("corrupt checkpoint: " + v + " does not fit an int");
        }
        return (int) v;
    }

    /** A count or length that must lie in {@code 0..max}. */
    public int readCount(int max) throws IOException {
        int n = readVarInt();
        if (n < 0 || n > max) {
            throw new IOException("corrupt checkpoint: a count of " + n + ", expected 0.." + max);
        }
        return n;
    }

    public long readSignedVarLong() throws IOException {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** What {@link StateOut#writeTimeMillis} wrote with the same {@code baseMillis}. */
    public long readTimeMillis(long baseMillis) throws IOException {
        long v = readVarLong();
        if (v == 0) {
            return Long.MIN_VALUE;
        }
        long zigzag = v - 1;
        long delta = (zigzag >>> 1) ^ -(zigzag & 1);
        return delta + (baseMillis == Long.MIN_VALUE ? 0 : baseMillis);
    }

    public @Nullable String readShortString() throws IOException {
        int n = readVarInt();
        if (n == 0) {
            return null;
        }
        return new String(readExactly(n - 1), StandardCharsets.UTF_8);
    }

    /** As {@link #readShortString}, but must not be null. */
    public String readRequiredString() throws IOException {
        return nonNull(readShortString());
    }

    /**
     * A string that many states repeat (a site, a vessel id's scope), returned as one shared instance
     * per distinct value, so that restoring a million fixes from one receiver does not make a million
     * copies of its name. Bounded: past {@link #MAX_SHARED} distinct values, new ones are not shared.
     */
    public String readSharedString() throws IOException {
        String s = readRequiredString();
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(s, s);
        }
        return s;
    }

    /** An enum constant written with {@link StateOut#writeEnum}, or null; an unknown ordinal is corruption. */
    public <E extends Enum<E>> @Nullable E readEnum(E[] values) throws IOException {
        int code = in.readUnsignedByte();
        if (code > values.length) {
            throw new IOException("corrupt checkpoint: ordinal " + (code - 1) + " of "
                    + values.getClass().getComponentType().getSimpleName() + ", which has " + values.length);
        }
        return code == 0 ? null : values[code - 1];
    }

    /** As {@link #readEnum}, but must not be null. */
    public <E extends Enum<E>> E readRequiredEnum(E[] values) throws IOException {
        E e = readEnum(values);
        if (e == null) {
            throw new IOException("corrupt checkpoint: a required "
                    + values.getClass().getComponentType().getSimpleName() + " is missing");
        }
        return e;
    }

    public VesselId readShortVesselId() throws IOException {
        String scope = readSharedString();
        String id = readRequiredString();
        boolean numeric = in.readBoolean();
        if (id.isEmpty()) {
            throw new IOException("corrupt checkpoint: an empty vessel id");
        }
        return new VesselId(scope, id, numeric);
    }

    /** A fix written with {@link StateOut#writeFixOf}, given back its vessel; or null. */
    public @Nullable Fix readFixOf(VesselId vessel) throws IOException {
        int flags = readVarInt();
        if (flags == 0) {
            return null;
        }
        if ((flags & FixBits.PRESENT) == 0 || (flags & ~FixBits.ALL) != 0) {
            throw new IOException("corrupt checkpoint: fix flags " + Integer.toBinaryString(flags));
        }
        String site = readSharedString();
        long seconds = readSignedVarLong();
        int fraction = readVarInt();
        int nanos = (flags & FixBits.WHOLE_MILLIS) != 0 ? fraction * 1_000_000 : fraction;
        if (fraction < 0 || nanos < 0 || nanos > 999_999_999) {
            throw new IOException("corrupt checkpoint: " + fraction + " is not a fraction of a second");
        }
        Instant time = instant(seconds, nanos);
        double x = readDoubleIf(flags, FixBits.X);
        double y = readDoubleIf(flags, FixBits.Y);
        double lat = readDoubleIf(flags, FixBits.LAT);
        double lon = readDoubleIf(flags, FixBits.LON);
        double sog = readDoubleIf(flags, FixBits.SOG);
        double cog = readDoubleIf(flags, FixBits.COG);
        double heading = readDoubleIf(flags, FixBits.HEADING);
        int navStatus = (flags & FixBits.NAV_STATUS) != 0 ? readVarInt() : Fix.NO_NAV_STATUS;
        String json = (flags & FixBits.JSON) != 0 ? readRequiredString() : null;
        Fix fix = new Fix(vessel, site, time, x, y, lat, lon, sog, cog, heading, navStatus, json);
        if (fix.equals(lastFix)) {
            return lastFix; // several detectors of one vessel held the same fix: keep holding one
        }
        lastFix = fix;
        return fix;
    }

    private static Instant instant(long seconds, int nanos) throws IOException {
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (java.time.DateTimeException e) {
            throw new IOException("corrupt checkpoint: " + seconds + " s is no time", e);
        }
    }

    private double readDoubleIf(int flags, int bit) throws IOException {
        return (flags & bit) != 0 ? in.readDouble() : Double.NaN;
    }

    private static String nonNull(@Nullable String s) throws IOException {
        if (s == null) {
            throw new IOException("corrupt checkpoint: a required string is missing");
        }
        return s;
    }
}
