package io.watchkeeper.server.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The built-in sets hold real ports where they should. */
class ZoneSetsTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void amsaCoversSydneyHarbourAndThePortOfBrisbaneButNotTheTasmanSea() {
        List<Zone> amsa = ZoneSets.load("builtin:amsa");
        assertThat(amsa).hasSize(39).allMatch(z -> z.kind() == ZoneKind.PORT && z.source().equals("builtin:amsa"));
        assertThat(containing(amsa, -33.85, 151.22)).extracting(Zone::name).containsExactly("Sydney");
        assertThat(containing(amsa, -27.38, 153.17)).extracting(Zone::name).containsExactly("Brisbane");
        assertThat(containing(amsa, -35.0, 157.0)).isEmpty();
        assertThat(amsa).filteredOn(z -> z.name().equals("Burnie")).singleElement()
                .matches(z -> z.geometry().getGeometryType().equals("MultiPolygon"));
    }

    @Test
    void wpiHasPortsmouthHarbour() {
        List<Zone> wpi = ZoneSets.builtin("wpi");
        assertThat(wpi).hasSizeGreaterThan(3700);
        assertThat(containing(wpi, 50.80, -1.11)).extracting(Zone::name).contains("Portsmouth Harbour");
        Zone portsmouth = wpi.stream().filter(z -> z.id().equals("wpi-35600")).findFirst().orElseThrow();
        assertThat(portsmouth.radiusMetres()).isEqualTo(4000.0); // a "Medium" harbour
    }

    @Test
    void gfwAnchoragesAreOneAreaPerPortLabelMadeOfItsCellsCircles() {
        List<Zone> gfw = ZoneSets.builtin("gfw-anchorages");
        // 55,881 distinct S2 cells merged by label and contact into 5,734 areas (AnchorageAreasTool)
        assertThat(gfw).hasSize(5_734).allMatch(z -> z.kind() == ZoneKind.ANCHORAGE);
        assertThat(gfw).filteredOn(Zone::isPoint).hasSizeLessThan(20); // only groups across ±180 or the poles
        assertThat(containing(gfw, 57.667, 11.797)).extracting(Zone::name).contains("GOTHENBURG"); // and RIVO, a terminal beside it
        // Boston's outer anchorage, where 257990100 lay at anchor in January 2014 (a single area, not dozens of cells)
        assertThat(containing(gfw, 42.4240, -70.8157)).extracting(Zone::name).containsExactly("BOSTON");
    }

    @Test
    void loadsSeveralSetsAndFilesTogether() {
        List<Zone> zones = ZoneSets.load("builtin:amsa, builtin:wpi," + ZoneGeoJsonTest.examples().resolve("zones/portsmouth.geojson"));
        assertThat(zones).hasSize(39 + ZoneSets.builtin("wpi").size() + 3);
        assertThat(zones.get(0).source()).isEqualTo("builtin:amsa");
    }

    @Test
    void rejectsDuplicateIdsUnknownSetsAndEmptyEntries() {
        assertThatThrownBy(() -> ZoneSets.load("builtin:amsa,builtin:amsa")).isInstanceOf(ZoneFileException.class)
                .hasMessage("zone id 'amsa-ABP' is in both builtin:amsa and builtin:amsa; zone ids must be unique "
                        + "across the sets loaded together");
        assertThatThrownBy(() -> ZoneSets.load("builtin:ports"))
                .hasMessage("unknown built-in zone set 'ports'; known: wpi, amsa, gfw-anchorages");
        assertThatThrownBy(() -> ZoneSets.load("builtin:amsa,,builtin:wpi"))
                .hasMessage("zone set spec 'builtin:amsa,,builtin:wpi' has an empty entry");
        assertThatThrownBy(() -> ZoneSets.load("missing.geojson")).hasMessage("missing.geojson: no such zones file");
    }

    /** Zones containing the position, tested directly on the geometry (no index). */
    private static List<Zone> containing(List<Zone> zones, double lat, double lon) {
        return zones.stream().filter(z -> z.isPoint()
                ? Geo.haversineMetres(lat, lon, z.geometry().getCoordinate().y, z.geometry().getCoordinate().x)
                        <= z.radiusMetres()
                : z.geometry().covers(GF.createPoint(new Coordinate(lon, lat)))).toList();
    }
}
