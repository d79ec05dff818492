package io.watchkeeper.core.zone;

import io.watchkeeper.core.geo.Geo;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Distance in metres from a position to the nearest edge of a polygonal zone (every ring, holes included).
 *
 * <p>Degrees are anisotropic, so each vertex is placed in a local equirectangular frame centred on the
 * query point, scaling its longitude offset by the cosine of the mean of its latitude and the query's;
 * the segment distance is then planar. Within 20 km and below 70° of latitude this stays within 1% of the
 * great-circle distance (the tests check it against haversine). Longitude offsets are taken modulo 360, so
 * a query just across ±180° from a zone measures the short way round.
 *
 * <p>Edges are grouped in chunks of {@value #CHUNK} segments with a degree box each; a chunk whose box is
 * farther than the best distance so far (or than the caller's limit) is skipped, so detailed coastlines
 * cost little unless the position is right by them.
 */
final class EdgeDistance {

    private static final int CHUNK = 16;
    private static final double M = Geo.METRES_PER_DEGREE_LAT;

    /** Per ring: lon, lat interleaved, closed (first == last). */
    private final double[][] rings;
    /** Per ring, per chunk: minLat, maxLat, minLon, maxLon. */
    private final double[][] chunkBoxes;

    private EdgeDistance(double[][] rings, double[][] chunkBoxes) {
        this.rings = rings;
        this.chunkBoxes = chunkBoxes;
    }

    static EdgeDistance of(Geometry polygonal) {
        List<double[]> rings = new ArrayList<>();
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            rings.add(flatten(p.getExteriorRing()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(flatten(p.getInteriorRingN(h)));
            }
        }
        double[][] ringArray = rings.toArray(new double[0][]);
        double[][] boxes = new double[ringArray.length][];
        for (int r = 0; r < ringArray.length; r++) {
            boxes[r] = chunkBoxes(ringArray[r]);
        }
        return new EdgeDistance(ringArray, boxes);
    }

    private static double[] flatten(LinearRing ring) {
        Coordinate[] cs = ring.getCoordinates();
        double[] xy = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            xy[2 * i] = cs[i].x;
            xy[2 * i + 1] = cs[i].y;
        }
        return xy;
    }

    private static double[] chunkBoxes(double[] xy) {
        int segments = xy.length / 2 - 1;
        int chunks = (segments + CHUNK - 1) / CHUNK;
        double[] boxes = new double[chunks * 4];
        for (int c = 0; c < chunks; c++) {
            double minLat = Double.POSITIVE_INFINITY;
            double maxLat = Double.NEGATIVE_INFINITY;
            double minLon = Double.POSITIVE_INFINITY;
            double maxLon = Double.NEGATIVE_INFINITY;
            int last = Math.min(segments, (c + 1) * CHUNK);
            for (int v = c * CHUNK; v <= last; v++) {
                minLon = Math.min(minLon, xy[2 * v]);
                maxLon = Math.max(maxLon, xy[2 * v]);
                minLat = Math.min(minLat, xy[2 * v + 1]);
                maxLat = Math.max(maxLat, xy[2 * v + 1]);
            }
            boxes[4 * c] = minLat;
            boxes[4 * c + 1] = maxLat;
            boxes[4 * c + 2] = minLon;
            boxes[4 * c + 3] = maxLon;
        }
        return boxes;
    }

    /**
     * The distance in metres to the nearest edge, or some value {@code > limitMetres} when every edge is
     * farther than the limit (the exact value is then not worth computing).
     */
    double metres(double lat, double lon, double limitMetres) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rings.length; r++) {
            double[] xy = rings[r];
            double[] boxes = chunkBoxes[r];
            int segments = xy.length / 2 - 1;
            for (int c = 0; c < boxes.length / 4; c++) {
                if (lowerBound(boxes, c, lat, lon) > Math.min(best, limitMetres)) {
                    continue;
                }
                int last = Math.min(segments, (c + 1) * CHUNK);
                best = Math.min(best, chunkMetres(xy, c * CHUNK, last, lat, lon));
            }
        }
        return best;
    }

    private static double chunkMetres(double[] xy, int first, int last, double lat, double lon) {
        double best = Double.POSITIVE_INFINITY;
        double ax = localX(xy[2 * first], xy[2 * first + 1], lat, lon);
        double ay = (xy[2 * first + 1] - lat) * M;
        for (int v = first + 1; v <= last; v++) {
            double bx = localX(xy[2 * v], xy[2 * v + 1], lat, lon);
            double by = (xy[2 * v + 1] - lat) * M;
            best = Math.min(best, originToSegment(ax, ay, bx, by));
            ax = bx;
            ay = by;
        }
        return best;
    }

    private static double localX(double vLon, double vLat, double lat, double lon) {
        return wrap(vLon - lon) * M * Math.cos(Math.toRadians((vLat + lat) * 0.5));
    }

    /** Distance from (0,0) to segment a-b in the plane. */
    private static double originToSegment(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0.0 ? 0.0 : Math.max(0.0, Math.min(1.0, -(ax * dx + ay * dy) / len2));
        double px = ax + t * dx;
        double py = ay + t * dy;
        return Math.sqrt(px * px + py * py);
    }

    /** No point of the chunk is nearer than this in the local frame (cos taken at the most poleward latitude). */
    private static double lowerBound(double[] boxes, int c, double lat, double lon) {
        double minLat = boxes[4 * c];
        double maxLat = boxes[4 * c + 1];
        double minLon = boxes[4 * c + 2];
        double maxLon = boxes[4 * c + 3];
        double dLat = Math.max(0.0, Math.max(minLat - lat, lat - maxLat));
        double dLon = 0.0;
        if (lon < minLon || lon > maxLon) {
            dLon = Math.min(Math.abs(wrap(minLon - lon)), Math.abs(wrap(maxLon - lon)));
        }
        double maxAbsLat = Math.max(Math.abs(lat), Math.max(Math.abs(minLat), Math.abs(maxLat)));
        double x = dLon * M * Math.cos(Math.toRadians(maxAbsLat));
        double y = dLat * M;
        return Math.sqrt(x * x + y * y);
    }

    /** A longitude difference folded into [-180, 180]. */
    static double wrap(double dLon) {
        return dLon - 360.0 * Math.rint(dLon / 360.0);
    }
}
