package io.watchkeeper.core.checkpoint;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.jetbrains.annotations.Nullable;

/**
 * Where a detector writes its state for a checkpoint: primitives plus the few domain values states
 * hold. A zone is written as its id and looked up again on restore, so a checkpoint never carries
 * geometry and a changed zone file cannot resurrect a deleted zone. {@link StateIn} reads the same
 * sequence back; the format is the order of calls, nothing self-describing.
 */
public final class StateOut {

    private final DataOutputStream out;

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

    /** A zone by its id, or null. */
    public void writeZone(@Nullable Zone z) throws IOException {
        writeString(z == null ? null : z.id());
    }

    public void flush() throws IOException {
        out.flush();
    }
}
