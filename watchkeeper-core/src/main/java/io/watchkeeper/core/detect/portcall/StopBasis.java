package io.watchkeeper.core.detect.portcall;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.util.List;
import java.util.Locale;

/**
 * Why a stop in port counts as anchored or berthed; the first that applies wins. Zone geometry comes
 * before the navigational status because crews often forget to update the status (a ship alongside
 * still "at anchor"), while a berth polygon does not move.
 */
public enum StopBasis {
    /** Inside a BERTH zone. */
    BERTH_ZONE(false),
    /** Inside an ANCHORAGE zone. */
    ANCHORAGE_ZONE(true),
    /** AIS navigational status 5, "moored". */
    NAV_STATUS_MOORED(false),
    /** AIS navigational status 1, "at anchor". */
    NAV_STATUS_AT_ANCHOR(true),
    /** Inside a PORT zone, outside any anchorage: ships stop for that long in a port at a quay. */
    STOPPED_IN_PORT(false),
    /** Near a port (within the entry distance) but outside its area: open water, so anchored. */
    STOPPED_OUTSIDE_PORT(true);

    /** AIS navigational status "at anchor". */
    public static final int NAV_AT_ANCHOR = 1;
    /** AIS navigational status "moored". */
    public static final int NAV_MOORED = 5;

    private final boolean anchored;

    StopBasis(boolean anchored) {
        this.anchored = anchored;
    }

    /** True if a stop on this basis is AT_ANCHOR, false if BERTHED. */
    public boolean anchored() {
        return anchored;
    }

    /** Lower case, as in event details: {@code berth_zone}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classifies a stopped fix by the zones it is in and its navigational status. */
    public static StopBasis of(List<ZoneHit> hits, Fix fix) {
        if (insideKind(hits, ZoneKind.BERTH)) {
            return BERTH_ZONE;
        }
        if (insideKind(hits, ZoneKind.ANCHORAGE)) {
            return ANCHORAGE_ZONE;
        }
        if (fix.navStatus() == NAV_MOORED) {
            return NAV_STATUS_MOORED;
        }
        if (fix.navStatus() == NAV_AT_ANCHOR) {
            return NAV_STATUS_AT_ANCHOR;
        }
        return insideKind(hits, ZoneKind.PORT) ? STOPPED_IN_PORT : STOPPED_OUTSIDE_PORT;
    }

    private static boolean insideKind(List<ZoneHit> hits, ZoneKind kind) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            if (!hit.inside()) {
                return false; // inside hits come first
            }
            if (hit.zone().kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
