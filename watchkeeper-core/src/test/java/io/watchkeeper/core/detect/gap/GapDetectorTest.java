package io.watchkeeper.core.detect.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.EngineTestDriver;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.core.zone.ZoneLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GapDetectorTest {

    private static final Instant T0 = Instant.parse("2024-06-30T20:00:00Z");
    private static final GapSettings SETTINGS = new GapSettings(Duration.ofHours(6), Duration.ofMinutes(30));

    private static Fix fix(String vessel, Instant t, double lat, double lon) {
        return Fix.geo(VesselId.of(vessel), "S", t, lat, lon, 8, 90, 90, 0, null);
    }

    private static EngineTestDriver driver(ZoneLookup zones) {
        return new EngineTestDriver(DetectionSetup.of(List.of(new GapDetector(SETTINGS))).withZones(zones)
                .withWallClockFallback(false).withSweepEvery(Duration.ofMinutes(5)), T0);
    }

    /** One port: everything north of 55° is "in port". */
    private static final ZoneLookup NORTH_PORT = new ZoneLookup() {
        private final Zone port = new Zone("P1", "North Port", ZoneKind.PORT,
                new GeometryFactory().createPoint(new Coordinate(0, 60)), 1000, Double.NaN, "test");

        @Override
        public List<ZoneHit> near(double lat, double lon) {
            return lat > 55 ? List.of(new ZoneHit(port, 0)) : List.of();
        }

        @Override
        public List<Zone> all() {
            return List.of(port);
        }

        @Override
        public double marginMetres() {
            return 0;
        }
    };

    @Test
    void silenceAtSeaOpensAGapAtTheThresholdAcrossMidnightAndTheNextFixClosesIt() {
        EngineTestDriver d = driver(ZoneLookup.NONE);
        d.feed(fix("A", T0, 50.0, 1.0));
        // another vessel keeps the source's time moving
        for (int m = 10; m <= 7 * 60; m += 10) {
            d.feed(fix("B", T0.plus(Duration.ofMinutes(m)), 40.0, 1.0));
        }
        List<Event> started = d.takeEvents();
        assertThat(started).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(GapDetector.GAP_START);
            assertThat(e.vessel()).isEqualTo(VesselId.of("A"));
            assertThat(e.time()).isEqualTo(Instant.parse("2024-07-01T02:00:00Z"));
            assertThat(e.details()).containsEntry("thresholdSeconds", 21_600L).containsEntry("inPort", false);
        });

        d.feed(fix("A", T0.plus(Duration.ofHours(8)), 50.1, 1.0));
        assertThat(d.takeEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(GapDetector.GAP_END);
            assertThat(e.time()).isEqualTo(T0.plus(Duration.ofHours(8)));
            assertThat(e.details()).containsEntry("durationSeconds", 28_800L);
            assertThat((Long) e.details().get("distanceMetres")).isBetween(11_000L, 11_200L);
        });
    }

    @Test
    void inPortTheShorterThresholdApplies() {
        EngineTestDriver d = driver(NORTH_PORT);
        d.feed(fix("A", T0, 60.0, 0.0));
        d.feed(fix("B", T0.plus(Duration.ofMinutes(40)), 40.0, 1.0));
        assertThat(d.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("GAP_START");
            assertThat(e.time()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
            assertThat(e.details()).containsEntry("inPort", true);
        });
    }

    @Test
    void withoutAnySweepTheNextFixGivesTheSameStartAndEnd() {
        EngineTestDriver swept = driver(ZoneLookup.NONE);
        swept.feed(fix("A", T0, 50.0, 1.0));
        swept.feed(fix("B", T0.plus(Duration.ofHours(7)), 40.0, 1.0));
        swept.feed(fix("A", T0.plus(Duration.ofHours(8)), 50.0, 1.0));

        EngineTestDriver alone = driver(ZoneLookup.NONE);
        alone.feed(fix("A", T0, 50.0, 1.0));
        alone.feed(fix("A", T0.plus(Duration.ofHours(8)), 50.0, 1.0));

        assertThat(alone.events()).extracting(Event::type).containsExactly("GAP_START", "GAP_END");
        assertThat(alone.events()).extracting(Event::eventId)
                .containsExactlyElementsOf(swept.events().stream().map(Event::eventId).toList());
    }

    @Test
    void aVesselReportingInTimeHasNoGap() {
        EngineTestDriver d = driver(ZoneLookup.NONE);
        for (int h = 0; h < 24; h += 5) {
            d.feed(fix("A", T0.plus(Duration.ofHours(h)), 50.0, 1.0));
        }
        assertThat(d.events()).isEmpty();
    }

    @Test
    void settingsRefuseTinyThresholds() {
        assertThatThrownBy(() -> new GapSettings(Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("at least 1 s");
    }
}
