package io.watchkeeper.core.engine;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneLookup;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jetbrains.annotations.Nullable;

/**
 * The bytes of an {@link EngineSnapshot}: a header naming the detectors, the pair stage, the
 * watermarks, then every vessel with one length-prefixed block per detector, and a CRC-32 of it all.
 *
 * <p>Blocks are looked up by detector name when read, so a checkpoint outlives a configuration change:
 * a detector that is gone is skipped, a new one starts from its initial state. A block that its
 * detector does not read to the last byte, a bad CRC or a truncated file is an {@link IOException};
 * a checkpoint is either read whole or refused, never half-believed.
 */
public final class SnapshotCodec {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotCodec.class);
    private static final int MAGIC = 0x574B_4350; // "WKCP"
    /**
     * 2: detectors are machines of the state-machine library, whose per-vessel blocks start with the
     * machine's state and entry time. A checkpoint of format 1 is refused with one line naming both
     * formats; the operator moves it away (the input log then replays what it still holds).
     * 3: the drifting detector keeps a drift run (start, distance, clean time) instead of a fix count, and
     * the built-ins add collision risk and identity checks, so a format 2 checkpoint is refused the same way.
     */
    private static final int VERSION = 3;

    private SnapshotCodec() {
    }

    /** Encodes on the caller's thread; the snapshot's states are immutable, so any thread will do. */
    @SuppressWarnings("unchecked")
    public static void write(EngineSnapshot s, DetectionSetup setup, OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), crc);
        DataOutputStream out = new DataOutputStream(checked);
        StateOut header = new StateOut(out);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(s.wallMillis());
        out.writeInt(s.partitions());
        List<Detector<?>> detectors = byName(setup, s.detectorNames());
        out.writeInt(detectors.size());
        for (Detector<?> d : detectors) {
            header.writeString(d.name());
        }
        EngineSnapshot.PairState pairs = s.pairs();
        out.writeLong(pairs.watermarkMillis());
        out.writeLong(pairs.nextSweepMillis());
        out.writeInt(pairs.names().size());
        for (int i = 0; i < pairs.names().size(); i++) {
            header.writeString(pairs.names().get(i));
            header.writeBytes(pairs.states().get(i));
        }
        header.writeBytes(s.input());
        out.writeInt(s.sites().size());
        for (EngineSnapshot.SiteMark m : s.sites()) {
            header.writeString(m.site());
            out.writeInt(m.partition());
            out.writeLong(m.eventMillis());
            out.writeLong(m.nextSweepMillis());
        }
        out.writeInt(s.vessels().size());
        ByteArrayOutputStream block = new ByteArrayOutputStream(256);
        StateOut blockOut = new StateOut(block);
        for (EngineSnapshot.VesselRecord r : s.vessels()) {
            header.writeVesselId(r.vessel());
            header.writeString(r.site());
            out.writeLong(r.lastMillis());
            out.writeInt(r.lastNanos());
            out.writeLong(r.lastPositionBits());
            for (int i = 0; i < detectors.size(); i++) {
                block.reset();
                Detector.codecOf((Detector<Object>) detectors.get(i)).write(r.states()[i], blockOut);
                blockOut.flush();
                out.writeInt(block.size());
                block.writeTo(out);
            }
        }
        out.flush();
        new DataOutputStream(target).writeLong(crc.getValue());
        target.flush();
    }

    /**
     * Decodes against {@code setup}: the result's states are in the setup's detector order, ready for
     * {@link Engine#start(EngineConfig, DetectionSetup, io.watchkeeper.core.event.EventSink,
     * io.watchkeeper.core.deadletter.DeadLetterSink, java.time.Clock, EngineSnapshot)}.
     *
     * @throws IOException if the bytes are not a whole, intact checkpoint of this format
     */
    public static EngineSnapshot read(InputStream source, DetectionSetup setup) throws IOException {
        CRC32 crc = new CRC32();
        BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
        DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
        Function<String, @Nullable Zone> zones = zoneResolver(setup.zones());
        StateIn header = new StateIn(in, zones);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Watchkeeper checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("checkpoint format " + version + " is not " + VERSION
                    + (version < VERSION ? " (it was written by an earlier Watchkeeper)" : ""));
        }
        long wallMillis = in.readLong();
        int partitions = count(in.readInt());
        int savedCount = count(in.readInt());
        int[] target = new int[savedCount];
        List<String> current = setup.detectors().stream().map(Detector::name).toList();
        List<String> saved = new ArrayList<>(savedCount);
        for (int i = 0; i < savedCount; i++) {
            saved.add(required(header.readString()));
            target[i] = current.indexOf(saved.get(i));
        }
        if (!saved.equals(current)) {
            List<String> dropped = saved.stream().filter(n -> !current.contains(n)).toList();
            List<String> fresh = current.stream().filter(n -> !saved.contains(n)).toList();
            LOG.warn("the checkpoint was taken with other detectors: state of {} is dropped, {} start(s) from "
                    + "the initial state (and may announce every vessel's state again)", dropped, fresh);
        }
        long pairMark = in.readLong();
        long pairNextSweep = in.readLong();
        int pairCount = count(in.readInt());
        List<String> pairNames = new ArrayList<>();
        List<byte[]> pairStates = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            pairNames.add(required(header.readString()));
            pairStates.add(header.readBytes());
        }
        byte[] input = header.readBytes();
        int siteCount = count(in.readInt());
        List<EngineSnapshot.SiteMark> sites = new ArrayList<>(siteCount);
        for (int i = 0; i < siteCount; i++) {
            sites.add(new EngineSnapshot.SiteMark(required(header.readString()), in.readInt(), in.readLong(),
                    in.readLong()));
        }
        int vesselCount = count(in.readInt());
        List<EngineSnapshot.VesselRecord> vessels = new ArrayList<>(Math.min(vesselCount, 1 << 20));
        for (int v = 0; v < vesselCount; v++) {
            vessels.add(readVessel(in, header, setup, target, zones));
        }
        long expected = crc.getValue();
        long stored = new DataInputStream(buffered).readLong();
        if (stored != expected) {
            throw new IOException("checkpoint is corrupt (CRC mismatch)");
        }
        return new EngineSnapshot(wallMillis, partitions, current, vessels, sites,
                new EngineSnapshot.PairState(pairMark, pairNextSweep, pairNames, pairStates), input);
    }

    private static EngineSnapshot.VesselRecord readVessel(DataInputStream in, StateIn header, DetectionSetup setup,
            int[] target, Function<String, @Nullable Zone> zones) throws IOException {
        VesselId vessel = header.readVesselId();
        String site = required(header.readString());
        long lastMillis = in.readLong();
        int lastNanos = in.readInt();
        long positionBits = in.readLong();
        List<Detector<?>> detectors = setup.detectors();
        Object[] states = new Object[detectors.size()];
        for (int i = 0; i < target.length; i++) {
            byte[] block = header.readBytes();
            if (target[i] < 0) {
                continue; // a detector this configuration no longer runs
            }
            Detector<?> d = detectors.get(target[i]);
            ByteArrayInputStream bytes = new ByteArrayInputStream(block);
            states[target[i]] = Detector.codecOf(d).read(new StateIn(bytes, zones), vessel);
            if (bytes.available() != 0) {
                throw new IOException("checkpoint state of " + d.name() + " for " + vessel + " has "
                        + bytes.available() + " unread bytes");
            }
        }
        for (int i = 0; i < states.length; i++) {
            if (states[i] == null) {
                states[i] = detectors.get(i).initial(vessel); // a detector new since the checkpoint
            }
        }
        return new EngineSnapshot.VesselRecord(vessel, site, lastMillis, lastNanos, positionBits, states);
    }

    /** Zones by id, as {@link StateIn} resolves them. */
    static Function<String, @Nullable Zone> zoneResolver(ZoneLookup lookup) {
        Map<String, Zone> byId = new HashMap<>();
        for (Zone z : lookup.all()) {
            byId.putIfAbsent(z.id(), z);
        }
        return byId::get;
    }

    private static List<Detector<?>> byName(DetectionSetup setup, List<String> names) {
        List<Detector<?>> out = new ArrayList<>(names.size());
        for (String name : names) {
            Detector<?> found = setup.detectors().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the snapshot has detector " + name
                            + ", which this setup does not run"));
            out.add(found);
        }
        return out;
    }

    private static int count(int n) throws IOException {
        if (n < 0) {
            throw new IOException("checkpoint is corrupt (a count of " + n + ")");
        }
        return n;
    }

    private static String required(@Nullable String s) throws IOException {
        if (s == null) {
            throw new IOException("checkpoint is corrupt (a name is missing)");
        }
        return s;
    }
}
