package io.watchkeeper.core.zone;

import java.util.List;

/**
 * Finds the zones near a position. Implementations are immutable and safe to share between
 * threads; the engine calls {@link #near} at most once per fix and hands the answer to every
 * detector through {@link io.watchkeeper.core.detect.DetectorContext#zones()}.
 */
public interface ZoneLookup {

    /** A lookup with no zones. */
    ZoneLookup NONE = new ZoneLookup() {
        @Override
        public List<ZoneHit> near(double lat, double lon) {
            return List.of();
        }

        @Override
        public List<Zone> all() {
            return List.of();
        }

        @Override
        public double marginMetres() {
            return 0;
        }
    };

    /**
     * Every zone that contains the position or lies within {@link #marginMetres()} of it, inside ones
     * first, then by distance. Never null; usually empty (and then not allocated).
     */
    List<ZoneHit> near(double lat, double lon);

    /** All zones, in load order. */
    List<Zone> all();

    /** How far outside a zone a hit is still reported: the largest exit hysteresis any detector needs. */
    double marginMetres();
}
