package io.watchkeeper.core.detect.zone;

import io.watchkeeper.core.zone.ZoneKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Thresholds of the {@link ZoneDetector}.
 *
 * <p>Distances are those of {@link io.watchkeeper.core.zone.ZoneHit#distanceMetres()}: 0 inside a
 * zone, otherwise to its edge (for a point zone, to the circle of its radius). The zone set's margin
 * ({@link io.watchkeeper.core.zone.ZoneLookup#marginMetres()}) must be at least
 * {@link #requiredMarginMetres()}: the detector reads "no hit for a zone" as "farther than
 * {@code exitMetres}", which is only true if the lookup reports every zone within that distance.
 *
 * @param enterMetres       a vessel enters a zone at this distance or closer (0 = inside the geometry)
 * @param exitMetres        a vessel in a zone leaves it only when farther than this; the band between
 *                          the two is the hysteresis that keeps jitter at an edge from flapping
 * @param kinds             the kinds of zone to report (not empty)
 * @param maxZonesPerVessel how many zones a vessel can be in at once; beyond it, further zones are
 *                          not entered (no event, no counter) until a slot frees and the vessel is still
 *                          inside, when the next fix enters them
 */
public record ZoneSettings(double enterMetres, double exitMetres, Set<ZoneKind> kinds, int maxZonesPerVessel) {

    /**
     * Enter at the edge (0 m); exit beyond 500 m; all kinds; at most 8 zones at once.
     *
     * <p>There is no published threshold for generic zones, so the exit band is sized on the two
     * things it must absorb: an anchored ship swings round its anchor on a circle of chain length plus
     * ship length (a few hundred metres for a large ship), and AIS positions jump by tens to hundreds of
     * metres on multipath near quays. It is half the band Global Fishing Watch uses for ports (enter
     * within 3 km of an anchorage, exit beyond 4 km: 1 km; GFW technical documentation, "Anchorages,
     * voyages and port visits", DESIGN.md §6), because a zone edge is drawn where it matters while an
     * anchorage is a point. Berthing and unberthing are the port-call detector's job (by speed), so a
     * wide band here costs only a later ZONE_EXIT. Eight zones covers a berth in a terminal in a port
     * in a pilot area in a speed-limit area with room to spare.
     */
    public static final ZoneSettings DEFAULTS = new ZoneSettings(0.0, 500.0, EnumSet.allOf(ZoneKind.class), 8);

    /** Most zones a state can hold: the array is scanned once per fix. */
    public static final int MAX_ZONES_LIMIT = 64;

    public ZoneSettings {
        if (!(enterMetres >= 0) || Double.isInfinite(enterMetres)) {
            throw new IllegalArgumentException("enterMetres must be finite and >= 0, was " + enterMetres);
        }
        if (!(exitMetres >= enterMetres) || Double.isInfinite(exitMetres)) {
            throw new IllegalArgumentException("exitMetres must be finite and >= enterMetres (" + enterMetres
                    + "), was " + exitMetres);
        }
        java.util.Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one zone kind");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        if (maxZonesPerVessel < 1 || maxZonesPerVessel > MAX_ZONES_LIMIT) {
            throw new IllegalArgumentException("maxZonesPerVessel must be 1.." + MAX_ZONES_LIMIT + ", was "
                    + maxZonesPerVessel);
        }
    }

    /** The smallest zone-set margin this detector is correct with: {@link #exitMetres()}. */
    public double requiredMarginMetres() {
        return exitMetres;
    }
}
