package io.watchkeeper.core.zone;

/**
 * A zone near a position.
 *
 * @param zone           the zone
 * @param distanceMetres 0 when the position is inside; otherwise the distance to the zone's edge
 *                       (for a point zone: to the circle of its radius)
 */
public record ZoneHit(Zone zone, double distanceMetres) {

    public boolean inside() {
        return distanceMetres <= 0.0;
    }
}
