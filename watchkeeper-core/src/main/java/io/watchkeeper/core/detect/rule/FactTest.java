package io.watchkeeper.core.detect.rule;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.zone.ZoneHit;
import java.util.List;

/** A fix condition compiled to a test, chosen once per condition so a step runs no type switch. */
@FunctionalInterface
interface FactTest {

    boolean test(Fix fix, DetectorContext ctx);

    /** The test for a fix condition; time conditions and {@code not} never reach here. */
    static FactTest of(Condition c) {
        if (c instanceof Condition.SpeedBelow s) {
            double knots = s.knots();
            return (fix, ctx) -> fix.sogKnots() < knots; // NaN compares false: unknown speed is not slow
        }
        if (c instanceof Condition.SpeedAbove s) {
            double knots = s.knots();
            return (fix, ctx) -> fix.sogKnots() > knots;
        }
        if (c instanceof Condition.InZone z) {
            String id = z.zoneId();
            return (fix, ctx) -> insideZone(ctx.zones(), id);
        }
        if (c instanceof Condition.InZoneKind k) {
            return (fix, ctx) -> insideKind(ctx.zones(), k);
        }
        if (c instanceof Condition.ShipTypeIn t) {
            return (fix, ctx) -> {
                VesselInfo info = ctx.vesselInfo(fix.vessel());
                return info != null && info.shipType() >= 0 && t.matches(info.shipType());
            };
        }
        if (c instanceof Condition.NavStatusIn n) {
            int mask = 0;
            for (int code : n.codes()) {
                mask |= 1 << code;
            }
            int codes = mask;
            return (fix, ctx) -> fix.navStatus() >= 0 && (codes & (1 << fix.navStatus())) != 0;
        }
        if (c instanceof Condition.CourseHeadingDiffAbove d) {
            double degrees = d.degrees();
            // NaN cog or heading gives a NaN angle, which compares false: no drift claimed without both
            return (fix, ctx) -> Geo.angleBetween(fix.cogDegrees(), fix.headingDegrees()) > degrees;
        }
        throw new IllegalArgumentException("not a fix condition: " + c);
    }

    /** Inside hits come first in {@link DetectorContext#zones()}, so the scan stops at the first outside one. */
    private static boolean insideZone(List<ZoneHit> hits, String id) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit h = hits.get(i);
            if (!h.inside()) {
                return false;
            }
            if (h.zone().id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideKind(List<ZoneHit> hits, Condition.InZoneKind k) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit h = hits.get(i);
            if (!h.inside()) {
                return false;
            }
            if (h.zone().kind() == k.kind()) {
                return true;
            }
        }
        return false;
    }
}
