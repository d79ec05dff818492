package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Emits a pair event once for each vessel of the pair, lower id key first, so that each vessel's
 * event stream ({@code EVENT/<site>/<TYPE>/<vessel>}) tells its whole story. Each copy is caused by
 * that vessel's latest fix and keyed by the other vessel's id, so the two ids differ and both are
 * deterministic.
 */
final class PairEvents {

    private PairEvents() {
    }

    /** Details that differ between the two copies (e.g. the bearing from each vessel to the other). */
    @FunctionalInterface
    interface PerVessel {
        /** Adds to {@code details} of the copy for the vessel in grid slot {@code self}. */
        void add(String type, Map<String, Object> details, int self, int other);
    }

    static void emitBoth(String type, String machine, String from, String to, SpatialGrid grid, int low, int high,
                         long timeMillis, Map<String, Object> shared, PerVessel perVessel, DetectorContext ctx,
                         EventSink out) {
        emit(type, machine, from, to, grid, low, high, timeMillis, shared, perVessel, ctx, out);
        emit(type, machine, from, to, grid, high, low, timeMillis, shared, perVessel, ctx, out);
    }

    private static void emit(String type, String machine, String from, String to, SpatialGrid grid, int self,
                             int other, long timeMillis, Map<String, Object> shared, PerVessel perVessel,
                             DetectorContext ctx, EventSink out) {
        VesselId otherId = grid.id(other);
        Map<String, Object> details = new LinkedHashMap<>(shared);
        details.put("otherVessel", otherId.key());
        putName(details, "vesselName", grid.id(self), ctx);
        putName(details, "otherVesselName", otherId, ctx);
        perVessel.add(type, details, self, other);
        out.accept(Event.at(type, machine, from, to, grid.fix(self), Instant.ofEpochMilli(timeMillis),
                ctx.wallClock(), details, otherId.key()));
    }

    /** Puts the vessel's AIS name under {@code key} when the context knows it. */
    static void putName(Map<String, Object> details, String key, VesselId vessel, DetectorContext ctx) {
        VesselInfo info = ctx.vesselInfo(vessel);
        if (info != null && info.name() != null && !info.name().isEmpty()) {
            details.put(key, info.name());
        }
    }

    /** Metres rounded to 0.1 m: enough for any threshold, short in JSON. */
    static double roundTenth(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
