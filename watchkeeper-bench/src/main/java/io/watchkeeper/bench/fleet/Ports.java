package io.watchkeeper.bench.fleet;

import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.core.zone.ZoneLookup;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Point;

/**
 * Where the simulated fleet gathers: port and anchorage zones of the zone set if it has any, else a
 * small embedded list of large container and bulk ports (approximate harbour positions, rounded to
 * 0.01 degree; good enough to put traffic where real traffic is dense).
 */
public final class Ports {

    /** lat, lon pairs. */
    private static final double[] EMBEDDED = {
        51.95, 4.05, 51.28, 4.33, 53.54, 9.97, 53.56, 8.55, 51.95, 1.32, 49.48, 0.13, 50.90, -1.40,
        54.40, 18.66, 57.69, 11.90, 59.90, 10.74, 36.13, -5.43, 35.88, -5.50, 39.44, -0.32, 37.94, 23.63,
        41.00, 28.97, 31.26, 32.30, 25.01, 55.06, 18.95, 72.95, 6.95, 79.84, 3.00, 101.39, 1.26, 103.82,
        1.36, 103.55, 14.58, 120.96, 22.30, 114.17, 22.48, 113.88, 22.61, 120.28, 29.93, 121.85,
        30.62, 122.07, 36.07, 120.32, 38.98, 117.80, 35.10, 129.04, 35.45, 139.66, 35.62, 139.79,
        -33.97, 151.21, -37.84, 144.92, -29.87, 31.03, -23.96, -46.30, 8.95, -79.57, 9.36, -79.90,
        29.73, -95.02, 32.08, -81.09, 40.67, -74.05, 33.75, -118.20, 49.29, -123.11,
    };

    private final double[] latLon;

    private Ports(double[] latLon) {
        this.latLon = latLon;
    }

    /** Port and anchorage centroids of {@code zones}, or the embedded list when it has none. */
    public static Ports from(ZoneLookup zones) {
        List<double[]> found = new ArrayList<>();
        for (Zone z : zones.all()) {
            if (z.kind() == ZoneKind.PORT || z.kind() == ZoneKind.ANCHORAGE || z.kind() == ZoneKind.BERTH) {
                Point c = z.geometry().getCentroid();
                found.add(new double[] {c.getY(), c.getX()});
            }
        }
        if (found.isEmpty()) {
            return new Ports(EMBEDDED.clone());
        }
        double[] out = new double[found.size() * 2];
        for (int i = 0; i < found.size(); i++) {
            out[2 * i] = found.get(i)[0];
            out[2 * i + 1] = found.get(i)[1];
        }
        return new Ports(out);
    }

    public int size() {
        return latLon.length / 2;
    }

    public double lat(int port) {
        return latLon[2 * port];
    }

    public double lon(int port) {
        return latLon[2 * port + 1];
    }
}
