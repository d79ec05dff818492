package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/**
 * A vessel slot as bytes in the state store (and so in its changelog topic): the ordering marks, then
 * one length-prefixed block per detector, written by the detector's own state codec, as in a
 * checkpoint file. A store written with other detectors is refused on read rather than half-believed.
 */
final class SlotCodec {

    /**
     * 2: detectors are machines of the state-machine library (their blocks start with the machine state).
     * 3: the drifting detector's state changed form, and identity checks joined the built-ins.
     */
    private static final int VERSION = 3;

    private final List<Detector<?>> detectors;
    private final Function<String, @Nullable Zone> zones;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(256);

    SlotCodec(List<Detector<?>> detectors, Function<String, @Nullable Zone> zones) {
        this.detectors = List.copyOf(detectors);
        this.zones = zones;
    }

    @SuppressWarnings("unchecked")
    byte[] encode(VesselSlot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        StateOut out = new StateOut(bytes);
        StateOut blockOut = new StateOut(block);
        try {
            out.writeByte(VERSION);
            out.writeVesselId(s.vessel);
            out.writeString(s.site);
            out.writeLong(s.lastMillis);
            out.writeInt(s.lastNanos);
            out.writeLong(s.lastPositionBits);
            out.writeInt(detectors.size());
            for (int i = 0; i < detectors.size(); i++) {
                out.writeString(detectors.get(i).name());
                block.reset();
                Detector.codecOf((Detector<Object>) detectors.get(i)).write(s.states[i], blockOut);
                blockOut.flush();
                out.writeBytes(block.toByteArray());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // byte arrays do not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a slot of these detectors */
    VesselSlot decode(byte[] value) throws IOException {
        StateIn in = new StateIn(new ByteArrayInputStream(value), zones);
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("vessel state format " + version + " is not " + VERSION
                    + (version < VERSION ? " (it was written by an earlier Watchkeeper)" : ""));
        }
        VesselId vessel = in.readVesselId();
        String site = in.readString();
        long lastMillis = in.readLong();
        int lastNanos = in.readInt();
        long positionBits = in.readLong();
        int n = in.readInt();
        if (n != detectors.size()) {
            throw new IOException("vessel state has " + n + " detectors, this engine runs " + detectors.size());
        }
        Object[] states = new Object[n];
        for (int i = 0; i < n; i++) {
            String name = in.readString();
            Detector<?> d = detectors.get(i);
            if (!d.name().equals(name)) {
                throw new IOException("vessel state has detector " + name + " where this engine runs " + d.name());
            }
            ByteArrayInputStream blockIn = new ByteArrayInputStream(in.readBytes());
            states[i] = Detector.codecOf(d).read(new StateIn(blockIn, zones), vessel);
            if (blockIn.available() != 0) {
                throw new IOException("state of " + name + " for " + vessel + " has " + blockIn.available()
                        + " unread bytes");
            }
        }
        VesselSlot slot = new VesselSlot(vessel, states, site == null ? "" : site);
        slot.lastMillis = lastMillis;
        slot.lastNanos = lastNanos;
        slot.lastPositionBits = positionBits;
        return slot;
    }
}
