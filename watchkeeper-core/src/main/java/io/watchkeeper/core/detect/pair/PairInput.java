package io.watchkeeper.core.detect.pair;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.ZoneHit;
import java.time.Instant;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * One thing that happened to a pair, as the context of a step of its {@link io.watchkeeper.core.fsm.Machine}:
 * the engine's context plus what the {@link PairTracker} measured. It travels as the context because
 * the library's {@code read} sees one vessel's fix, while a pair's reading needs both vessels' latest
 * fixes and the distance between them, which only the tracker's grid knows.
 *
 * @param base           the engine's context of the fix or sweep
 * @param kind           a fix of either vessel, a vessel's silence, or the pair's own due time
 * @param atMillis       event time: of the fix, of the end of the silence, or of the due time
 * @param distanceMetres between the two latest fixes, for {@link Kind#FIX}; NaN otherwise
 * @param self           the fix being stepped (for a silence or a due time, the lower vessel's latest)
 * @param lowFix         latest fix of the vessel whose id key sorts first
 * @param highFix        latest fix of the other vessel
 */
record PairInput(DetectorContext base, Kind kind, long atMillis, double distanceMetres, Fix self, Fix lowFix,
                 Fix highFix) implements DetectorContext {

    enum Kind { FIX, SILENT, DUE }

    /** The input of a step of a pair machine; anything else is a programming error. */
    static PairInput of(DetectorContext ctx) {
        if (ctx instanceof PairInput in) {
            return in;
        }
        throw new IllegalArgumentException("a pair machine steps only with a PairInput, got " + ctx);
    }

    VesselId low() {
        return lowFix.vessel();
    }

    VesselId high() {
        return highFix.vessel();
    }

    @Override
    public Instant eventTime() {
        return base.eventTime();
    }

    @Override
    public Instant wallClock() {
        return base.wallClock();
    }

    @Override
    public List<ZoneHit> zones() {
        return base.zones();
    }

    @Override
    public @Nullable VesselInfo vesselInfo(VesselId vessel) {
        return base.vesselInfo(vessel);
    }
}
