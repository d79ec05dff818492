package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    private final DataInputStream in;
    private final Function<String, @Nullable Zone> zonesById;

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

    /** The zone written with {@link StateOut#writeZone}, or null if it was null or is no longer loaded. */
    public @Nullable Zone readZone() throws IOException {
        String id = readString();
        return id == null ? null : zonesById.apply(id);
    }

    private static String nonNull(@Nullable String s) throws IOException {
        if (s == null) {
            throw new IOException("corrupt checkpoint: a required string is missing");
        }
        return s;
    }
}
