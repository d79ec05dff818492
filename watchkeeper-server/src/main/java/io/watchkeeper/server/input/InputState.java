package io.watchkeeper.server.input;

import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the detector's inputs hold that a checkpoint must keep besides the engine: the AIS lines each
 * station's decoder still depends on (a first fragment, a {@code $PGHP} time), and the vessels' static
 * data (AIS types 5, 19, 24), which the tug-assist detector reads. Without them a restart would
 * date a sentence by its arrival instead of its {@code $PGHP} time, or forget which vessels are tugs.
 */
final class InputState {

    private static final int VERSION = 2;
    /** Version 1 had no log position: it came before the input log, whose position then starts at its start. */
    private static final int VERSION_WITHOUT_POSITION = 1;
    /** What {@link #restore} returns when the state names no log position. */
    static final long NO_POSITION = -1;

    private InputState() {
    }

    /**
     * On the log reader's thread, at the engine's cut.
     *
     * @param position the input log position of the cut: a restart replays the log from there
     */
    static byte[] capture(AisTopicSource ais, AisTopicSource inputs, VesselRegistry registry, long position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateOut out = new StateOut(bytes);
        try {
            out.writeInt(VERSION);
            out.writeLong(position);
            writeHeld(ais.heldLines(), out);
            List<VesselInfo> infos = List.copyOf(registry.all());
            out.writeInt(infos.size());
            for (VesselInfo v : infos) {
                out.writeVesselInfo(v);
            }
            writeHeld(inputs.heldLines(), out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Puts back what {@link #capture} saw; before the first message. Empty bytes: nothing to restore.
     *
     * @return the input log position to replay from, or {@link #NO_POSITION}
     */
    static long restore(byte[] state, AisTopicSource ais, AisTopicSource inputs, VesselRegistry registry)
            throws IOException {
        if (state.length == 0) {
            return NO_POSITION;
        }
        StateIn in = new StateIn(new ByteArrayInputStream(state), id -> null);
        int version = in.readInt();
        if (version != VERSION && version != VERSION_WITHOUT_POSITION) {
            throw new IOException("input state format " + version + " is not " + VERSION);
        }
        long position = version == VERSION ? in.readLong() : NO_POSITION;
        Map<String, List<AisIngest.HeldLine>> held = readHeld(in);
        int vessels = in.readInt();
        for (int i = 0; i < vessels; i++) {
            registry.merge(in.readVesselInfo());
        }
        ais.restore(held);
        if (version == VERSION) {
            inputs.restore(readHeld(in));
        }
        return position;
    }

    private static void writeHeld(Map<String, List<AisIngest.HeldLine>> held, StateOut out) throws IOException {
        out.writeInt(held.size());
        for (Map.Entry<String, List<AisIngest.HeldLine>> e : held.entrySet()) {
            out.writeString(e.getKey());
            out.writeInt(e.getValue().size());
            for (AisIngest.HeldLine line : e.getValue()) {
                out.writeString(line.line());
                out.writeLong(line.readAtMillis());
            }
        }
    }

    private static Map<String, List<AisIngest.HeldLine>> readHeld(StateIn in) throws IOException {
        Map<String, List<AisIngest.HeldLine>> held = new TreeMap<>();
        int stations = in.readInt();
        for (int s = 0; s < stations; s++) {
            String station = required(in.readString());
            int n = in.readInt();
            List<AisIngest.HeldLine> lines = new ArrayList<>(Math.min(n, 1_000));
            for (int i = 0; i < n; i++) {
                lines.add(new AisIngest.HeldLine(required(in.readString()), in.readLong()));
            }
            held.put(station, lines);
        }
        return held;
    }

    private static String required(String s) throws IOException {
        if (s == null) {
            throw new IOException("corrupt input state: a required string is missing");
        }
        return s;
    }
}
