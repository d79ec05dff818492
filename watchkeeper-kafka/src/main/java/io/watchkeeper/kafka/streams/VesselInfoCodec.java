package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.IOException;

/** A vessel's static data in the checkpoint codecs' terms (the same fields, in the same order, as the server's input state). */
final class VesselInfoCodec {

    private VesselInfoCodec() {
    }

    static void write(VesselInfo v, StateOut out) throws IOException {
        out.writeVesselId(v.vessel());
        out.writeString(v.name());
        out.writeString(v.callSign());
        out.writeInt(v.imo());
        out.writeInt(v.shipType());
        out.writeInt(v.toBowMetres());
        out.writeInt(v.toSternMetres());
        out.writeInt(v.toPortMetres());
        out.writeInt(v.toStarboardMetres());
        out.writeDouble(v.draughtMetres());
        out.writeString(v.destination());
        out.writeString(v.eta());
        out.writeInstant(v.updatedAt());
    }

    static VesselInfo read(StateIn in) throws IOException {
        return new VesselInfo(in.readVesselId(), in.readString(), in.readString(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readString(),
                in.readString(), in.readInstant());
    }
}
