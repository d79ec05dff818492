package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.Zone;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jetbrains.annotations.Nullable;

/**
 * Where a detector writes its state for a checkpoint: primitives plus the few domain values states
 * hold. A zone is written as its id and looked up again on restore, so a checkpoint never carries
 * geometry and a changed zone file cannot resurrect a deleted zone. {@link StateIn} reads the same
 * sequence back; the format is the order of calls, nothing self-describing.
 */
public final class StateOut {

    private static final byte[] NO_BYTES = new byte[0];

    private final DataOutputStream out;
    /** The last site {@link #writeFixOf} wrote (compared by identity) and its bytes. */
    private @Nullable String lastSite;
    private byte[] lastSiteBytes = NO_BYTES;
    /** Where a compact value is encoded before its one write; grows for long position objects. */
    private byte[] scratch = new byte[128];
    private int length;

    public StateOut(OutputStream out) {
        this.out = out instanceof DataOutputStream d ? d : new DataOutputStream(out);
    }

    public void writeBoolean(boolean v) throws IOException {
        out.writeBoolean(v);
    }

    public void writeByte(int v) throws IOException {
        out.writeByte(v);
    }

    public void writeInt(int v) throws IOException {
        out.writeInt(v);
    }

    public void writeLong(long v) throws IOException {
        out.writeLong(v);
    }

    public void writeDouble(double v) throws IOException {
        out.writeDouble(v);
    }

    /** A string of any length (not limited to 64 KB like {@code writeUTF}), or null. */
    public void writeString(@Nullable String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public void writeVesselId(VesselId v) throws IOException {
        writeString(v.scope());
        writeString(v.id());
        out.writeBoolean(v.numeric());
    }

    public void writeInstant(Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    /** A fix, or null. */
    public void writeFix(@Nullable Fix f) throws IOException {
        out.writeBoolean(f != null);
        if (f == null) {
            return;
        }
        writeVesselId(f.vessel());
        writeString(f.site());
        writeInstant(f.time());
        out.writeDouble(f.x());
        out.writeDouble(f.y());
        out.writeDouble(f.lat());
        out.writeDouble(f.lon());
        out.writeDouble(f.sogKnots());
        out.writeDouble(f.cogDegrees());
        out.writeDouble(f.headingDegrees());
        out.writeInt(f.navStatus());
        writeString(f.positionJson());
    }

    /** A vessel's static data (AIS types 5, 19, 24): the input state's and the Kafka engine's record of it. */
    public void writeVesselInfo(VesselInfo v) throws IOException {
        writeVesselId(v.vessel());
        writeString(v.name());
        writeString(v.callSign());
        writeInt(v.imo());
        writeInt(v.shipType());
        writeInt(v.toBowMetres());
        writeInt(v.toSternMetres());
        writeInt(v.toPortMetres());
        writeInt(v.toStarboardMetres());
        writeDouble(v.draughtMetres());
        writeString(v.destination());
        writeString(v.eta());
        writeInstant(v.updatedAt());
    }

    /** A zone by its id, or null. */
    public void writeZone(@Nullable Zone z) throws IOException {
        writeString(z == null ? null : z.id());
    }

    // ---- Compact forms for per-vessel state (a million vessels: every byte counts a megabyte) ----
    //
    // Each compact value is first encoded into a small scratch array and handed to the stream in one
    // write: a fix is one call instead of some twenty, which is what makes the pair stage's write at a
    // barrier a tight loop (a buffered stream pays a lock per call). Still written through on return.

    /** A non-negative-as-unsigned long in 1..10 bytes, 7 bits each (LEB128): small numbers are short. */
    public void writeVarLong(long v) throws IOException {
        putVarLong(v);
        emit();
    }

    /** An int in 1..5 bytes as {@link #writeVarLong}; meant for counts and lengths (negative ones cost 5). */
    public void writeVarInt(int v) throws IOException {
        writeVarLong(v & 0xFFFF_FFFFL);
    }

    /** A signed long, zigzag-encoded so that small negative numbers are short too. */
    public void writeSignedVarLong(long v) throws IOException {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    /**
     * An epoch-ms time, relative to {@code baseMillis} (another time of the same state, usually its last
     * change, so that the difference is small), where {@link Long#MIN_VALUE}, the states' "no such time",
     * costs one byte. A base of MIN_VALUE counts as 0. {@link StateIn#readTimeMillis} takes the same base.
     *
     * @throws IllegalArgumentException for the one time per base whose difference is exactly
     *         {@link Long#MIN_VALUE} (292 million years away): it would read back as "no such time"
     */
    public void writeTimeMillis(long millis, long baseMillis) throws IOException {
        if (millis == Long.MIN_VALUE) {
            writeVarLong(0);
            return;
        }
        long delta = millis - (baseMillis == Long.MIN_VALUE ? 0 : baseMillis);
        if (delta == Long.MIN_VALUE) {
            throw new IllegalArgumentException("time " + millis + " is too far from its base " + baseMillis);
        }
        writeVarLong(((delta << 1) ^ (delta >> 63)) + 1);
    }

    /** A string (or null) with a varint length: one byte of overhead for ids and names. */
    public void writeShortString(@Nullable String s) throws IOException {
        putShortString(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        emit();
    }

    /**
     * An enum constant by its ordinal, in one byte. Ordinal rather than name on purpose: the states'
     * enums are few and small, a name would cost several bytes per vessel, and {@code CheckpointFormatTest}
     * pins every checkpointed enum's constants, so reordering one fails the build instead of silently
     * changing the meaning of old checkpoints. Null is written as 0, the others as ordinal + 1.
     */
    public void writeEnum(@Nullable Enum<?> e) throws IOException {
        out.writeByte(e == null ? 0 : e.ordinal() + 1);
    }

    /** A vessel id with varint lengths (about 12 bytes for an MMSI instead of 19). */
    public void writeShortVesselId(VesselId v) throws IOException {
        putShortString(v.scope().isEmpty() ? NO_BYTES : v.scope().getBytes(StandardCharsets.UTF_8));
        putShortString(v.id().getBytes(StandardCharsets.UTF_8));
        putByte(v.numeric() ? 1 : 0);
        emit();
    }

    /**
     * A fix (or null) of a vessel the reader already knows, so without its vessel id, and with only
     * the numbers it has: a fix from AIS has no x/y, a planar one no lat/lon, and a bit in a leading
     * varint says which of them are there. About 45 bytes for an AIS fix without a position object.
     */
    public void writeFixOf(@Nullable Fix f) throws IOException {
        if (f == null) {
            writeVarInt(0);
            return;
        }
        int nanos = f.time().getNano();
        int flags = FixBits.PRESENT
                | (Double.isNaN(f.x()) ? 0 : FixBits.X) | (Double.isNaN(f.y()) ? 0 : FixBits.Y)
                | (Double.isNaN(f.lat()) ? 0 : FixBits.LAT) | (Double.isNaN(f.lon()) ? 0 : FixBits.LON)
                | (Double.isNaN(f.sogKnots()) ? 0 : FixBits.SOG) | (Double.isNaN(f.cogDegrees()) ? 0 : FixBits.COG)
                | (Double.isNaN(f.headingDegrees()) ? 0 : FixBits.HEADING)
                | (f.navStatus() == Fix.NO_NAV_STATUS ? 0 : FixBits.NAV_STATUS)
                | (f.positionJson() == null ? 0 : FixBits.JSON)
                | (nanos % 1_000_000 == 0 ? FixBits.WHOLE_MILLIS : 0);
        putVarLong(flags);
        putShortString(siteBytes(f.site()));
        long seconds = f.time().getEpochSecond();
        putVarLong((seconds << 1) ^ (seconds >> 63));
        putVarLong((flags & FixBits.WHOLE_MILLIS) != 0 ? nanos / 1_000_000 : nanos);
        putDoubleIf(flags, FixBits.X, f.x());
        putDoubleIf(flags, FixBits.Y, f.y());
        putDoubleIf(flags, FixBits.LAT, f.lat());
        putDoubleIf(flags, FixBits.LON, f.lon());
        putDoubleIf(flags, FixBits.SOG, f.sogKnots());
        putDoubleIf(flags, FixBits.COG, f.cogDegrees());
        putDoubleIf(flags, FixBits.HEADING, f.headingDegrees());
        if ((flags & FixBits.NAV_STATUS) != 0) {
            putVarLong(f.navStatus() & 0xFFFF_FFFFL);
        }
        if ((flags & FixBits.JSON) != 0) {
            putShortString(f.positionJson().getBytes(StandardCharsets.UTF_8));
        }
        emit();
    }

    /** A fix's site: a run of fixes from one receiver (the same string) encodes its name once. */
    private byte[] siteBytes(String site) {
        if (site != lastSite) {
            lastSite = site;
            lastSiteBytes = site.getBytes(StandardCharsets.UTF_8);
        }
        return lastSiteBytes;
    }

    private void putDoubleIf(int flags, int bit, double v) {
        if ((flags & bit) != 0) {
            long bits = Double.doubleToRawLongBits(v);
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                scratch[length++] = (byte) (bits >>> shift); // big-endian, as DataOutputStream.writeDouble
            }
        }
    }

    private void putVarLong(long v) {
        ensure(10);
        long rest = v;
        while ((rest & ~0x7FL) != 0) {
            scratch[length++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        scratch[length++] = (byte) rest;
    }

    private void putShortString(byte @Nullable [] bytes) {
        if (bytes == null) {
            putVarLong(0);
            return;
        }
        putVarLong(bytes.length + 1L);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, scratch, length, bytes.length);
        length += bytes.length;
    }

    private void putByte(int v) {
        ensure(1);
        scratch[length++] = (byte) v;
    }

    private void ensure(int more) {
        if (length + more > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + more));
        }
    }

    /** Hands the scratch bytes to the stream in one call. */
    private void emit() throws IOException {
        out.write(scratch, 0, length);
        length = 0;
    }

    public void flush() throws IOException {
        out.flush();
    }
}
