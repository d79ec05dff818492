package io.watchkeeper.core.testing;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneIndex;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Real recordings from the repository's {@code data/} as fixes, each with a small hand-drawn zone set around where
 * its ships actually go (a port, berths, an anchorage, speed limits, a plain zone), so that the zone,
 * port-call, speeding and loitering detectors have zones to carry across a checkpoint.
 */
public final class RealTracks {

    /** A recording and its zones. The zone margin covers the port-call detector's 4 km exit distance. */
    public record Data(String name, List<Fix> fixes, ZoneIndex zones) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double MARGIN_METRES = 4_000.0;
    private static final DateTimeFormatter SOLENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private RealTracks() {
    }

    /** 85 minutes of 91 vessels in Portsmouth Harbour and the Solent, 2016: 18,623 fixes, SOG and COG only. */
    public static Data solent() {
        List<Fix> fixes = new ArrayList<>();
        for (String line : lines("solent-stonesoup/SolentAIS_20160112_130211.csv")) {
            String[] f = line.split(",", -1);
            Instant time = LocalDateTime.parse(f[0], SOLENT_TIME).toInstant(ZoneOffset.UTC);
            fixes.add(Fix.geo(VesselId.of(f[1]), "solent", time, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    number(f[5], 102.3), number(f[4], 360.0), Double.NaN, Fix.NO_NAV_STATUS, null));
        }
        List<Zone> zones = List.of(
                box("portsmouth", ZoneKind.PORT, 50.785, -1.14, 50.84, -1.07, Double.NaN),
                box("gunwharf", ZoneKind.BERTH, 50.793, -1.112, 50.800, -1.104, Double.NaN),
                box("whale-island", ZoneKind.BERTH, 50.805, -1.125, 50.815, -1.115, Double.NaN),
                point("fishbourne", ZoneKind.ANCHORAGE, 50.733, -1.21, 500),
                box("harbour-entrance", ZoneKind.SPEED_LIMIT, 50.78, -1.12, 50.80, -1.09, 8.0),
                box("spit-sand", ZoneKind.SPEED_LIMIT, 50.76, -1.10, 50.775, -1.08, Double.NaN),
                point("ryde-pier", ZoneKind.OTHER, 50.735, -1.16, 800),
                box("cowes-roads", ZoneKind.OTHER, 50.755, -1.31, 50.77, -1.29, Double.NaN));
        return new Data("solent", sorted(fixes), ZoneIndex.of(zones, MARGIN_METRES));
    }

    /**
     * Four ships off Boston, January 2014: 972 fixes with heading and navigational status, one of them
     * at anchor for hours. Fixes carry a position object, as fixes from the native JSON format do.
     */
    public static Data boston() {
        List<Fix> fixes = new ArrayList<>();
        for (String line : lines("boston-marinecadastre-2014/ais_boston_2014.csv")) {
            String[] f = line.split(",", -1);
            double lat = Double.parseDouble(f[2]);
            double lon = Double.parseDouble(f[3]);
            String json = "{\"lat\":" + f[2] + ",\"lon\":" + f[3] + "}";
            fixes.add(Fix.geo(VesselId.of(f[0]), "boston", Instant.parse(f[1]), lat, lon, number(f[4], 102.3),
                    number(f[5], 360.0), number(f[6], 511.0), Integer.parseInt(f[8]), json));
        }
        List<Zone> zones = List.of(
                box("boston", ZoneKind.PORT, 42.33, -71.07, 42.38, -70.99, Double.NaN),
                point("outer-anchorage", ZoneKind.ANCHORAGE, 42.424, -70.816, 1500),
                box("main-channel", ZoneKind.SPEED_LIMIT, 42.33, -71.05, 42.40, -70.93, 6.0),
                box("broad-sound", ZoneKind.OTHER, 42.36, -70.95, 42.42, -70.85, Double.NaN));
        return new Data("boston", sorted(fixes), ZoneIndex.of(zones, MARGIN_METRES));
    }

    /** Ordered by event time, ties in file order (the sort is stable): the order a replay feeds them. */
    private static List<Fix> sorted(List<Fix> fixes) {
        List<Fix> copy = new ArrayList<>(fixes);
        copy.sort(Comparator.comparing(Fix::time));
        return List.copyOf(copy);
    }

    /** A CSV number, NaN for an empty field or the AIS "not available" value. */
    private static double number(String field, double notAvailable) {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(field);
        return v == notAvailable ? Double.NaN : v;
    }

    private static List<String> lines(String relative) {
        try {
            List<String> all = Files.readAllLines(TestData.file(relative));
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Zone box(String id, ZoneKind kind, double minLat, double minLon, double maxLat, double maxLon,
                            double limitKnots) {
        Coordinate[] ring = {new Coordinate(minLon, minLat), new Coordinate(maxLon, minLat),
            new Coordinate(maxLon, maxLat), new Coordinate(minLon, maxLat), new Coordinate(minLon, minLat)};
        return new Zone(id, id + " zone", kind, GF.createPolygon(ring), 0.0, limitKnots, "test");
    }

    private static Zone point(String id, ZoneKind kind, double lat, double lon, double radiusMetres) {
        return new Zone(id, id + " zone", kind, GF.createPoint(new Coordinate(lon, lat)), radiusMetres, Double.NaN,
                "test");
    }
}
