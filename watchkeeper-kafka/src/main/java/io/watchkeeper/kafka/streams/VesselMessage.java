package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What the decoding stage sends the detection stage over the fixes topic, keyed by vessel: a fix, a
 * vessel's static data, or a source's event-time mark (sent to every partition, see
 * {@link SweepSchedule}). Binary, with the checkpoint's own codecs, so a fix arrives bit for bit as it
 * was decoded.
 */
public sealed interface VesselMessage {

    /** A decoded position report. */
    record FixMessage(Fix fix) implements VesselMessage {
        public FixMessage {
            Objects.requireNonNull(fix, "fix");
        }
    }

    /** Static data (name, ship type, size) of the key's vessel. */
    record InfoMessage(VesselInfo info) implements VesselMessage {
        public InfoMessage {
            Objects.requireNonNull(info, "info");
        }
    }

    /** Event time of {@code site} has reached {@code millis}: timers due by then fire. */
    record MarkMessage(String site, long millis) implements VesselMessage {
        public MarkMessage {
            Objects.requireNonNull(site, "site");
        }
    }

    int FIX = 1;
    int INFO = 2;
    int MARK = 3;

    static byte[] encode(VesselMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        StateOut out = new StateOut(bytes);
        try {
            if (m instanceof FixMessage f) {
                out.writeByte(FIX);
                out.writeFix(f.fix());
            } else if (m instanceof InfoMessage i) {
                out.writeByte(INFO);
                out.writeVesselInfo(i.info());
            } else if (m instanceof MarkMessage k) {
                out.writeByte(MARK);
                out.writeString(k.site());
                out.writeLong(k.millis());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a message of this format */
    static VesselMessage decode(byte[] value) throws IOException {
        StateIn in = new StateIn(new ByteArrayInputStream(value), id -> null);
        int kind = in.readByte();
        return switch (kind) {
            case FIX -> new FixMessage(Objects.requireNonNull(in.readFix(), "fix"));
            case INFO -> new InfoMessage(in.readVesselInfo());
            case MARK -> new MarkMessage(Objects.requireNonNull(in.readString(), "site"), in.readLong());
            default -> throw new IOException("not a vessel message: kind " + kind);
        };
    }
}
