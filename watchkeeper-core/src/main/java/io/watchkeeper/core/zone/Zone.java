package io.watchkeeper.core.zone;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A named area of interest. Its geometry is in WGS84 degrees (x = longitude, y = latitude): a
 * polygon or multipolygon, or a point with a radius for sources that only give a position (the
 * World Port Index, GFW anchorages).
 *
 * @param id              stable id, unique within a zone set; appears in events and event ids
 * @param name            human name, e.g. "Portsmouth Harbour"
 * @param kind            what the zone is
 * @param geometry        polygonal, or a point
 * @param radiusMetres    for a point, the radius that makes it an area; 0 for polygons
 * @param speedLimitKnots for {@link ZoneKind#SPEED_LIMIT} zones, the limit; NaN otherwise
 * @param source          where it came from (file or data set), for the docs and the API
 */
public record Zone(String id, String name, ZoneKind kind, Geometry geometry, double radiusMetres,
                   double speedLimitKnots, String source) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(source, "source");
        if (radiusMetres < 0 || Double.isNaN(radiusMetres)) {
            throw new IllegalArgumentException("zone " + id + ": radius must be >= 0, was " + radiusMetres);
        }
    }

    public boolean isPoint() {
        return geometry.getDimension() == 0;
    }
}
