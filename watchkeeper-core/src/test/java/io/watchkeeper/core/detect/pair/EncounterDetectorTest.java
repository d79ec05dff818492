package io.watchkeeper.core.detect.pair;

import static io.watchkeeper.core.detect.pair.PairHarness.T0;
import static io.watchkeeper.core.detect.pair.PairHarness.fix;
import static io.watchkeeper.core.detect.pair.PairHarness.metresPerSecond;
import static io.watchkeeper.core.detect.pair.PairHarness.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class EncounterDetectorTest {

    private static final VesselId A = VesselId.of("111111111");
    private static final VesselId B = VesselId.of("222222222");

    private final EncounterDetector detector = new EncounterDetector();
    private final PairHarness h = new PairHarness(detector);

    /** A at lat/lon and B {@code apartMetres} east, both drifting east; A reports each minute, B a second later. */
    private void driftTogether(double lat, double lon, double apartMetres, int fromMinute, int toMinute, double knots) {
        for (int m = fromMinute; m <= toMinute; m++) {
            double east = metresPerSecond(knots) * m * 60;
            double[] a = offset(lat, lon, 0, east);
            double[] b = offset(lat, lon, 0, east + apartMetres);
            h.feed(fix(A, m * 60L, a[0], a[1], knots, 90));
            h.feed(fix(B, m * 60L + 1, b[0], b[1], knots, 90));
        }
    }

    @Test
    void twoVesselsMeetingAtSeaForTwoAndAHalfHoursStartAfterTwoHoursAndEndWhenApart() {
        driftTogether(10.0, -30.0, 200, 0, 150, 0.5);
        assertThat(detector.trackedPairs()).isEqualTo(1);

        // the pair formed at B's first fix (second 1); 2 h later is B's fix at 7201 s
        List<Event> starts = h.events.stream().filter(e -> e.type().equals(EncounterDetector.START)).toList();
        assertThat(starts).extracting(e -> e.vessel().key()).containsExactly(A.key(), B.key());
        assertThat(starts).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(7201));
            assertThat(e.from()).isEqualTo("close");
            assertThat(e.to()).isEqualTo("encounter");
            assertThat(e.machine()).isEqualTo("encounter");
            assertThat(e.details()).containsEntry("startTime", T0.plusSeconds(1).toString())
                    .containsEntry("durationSeconds", 7200L);
            // estimated from a histogram of 0.25-kn bins: within one bin of the true 0.5 kn
            assertThat((Double) e.details().get("medianSpeedKnots")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.25));
            assertThat((Double) e.details().get("distanceMetres")).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1.0));
        });
        assertThat(starts.get(0).details()).containsEntry("otherVessel", B.key());
        assertThat(starts.get(1).details()).containsEntry("otherVessel", A.key());
        assertThat(starts.get(0).eventId()).isNotEqualTo(starts.get(1).eventId());

        // B leaves northwards at 10 kn; the END comes at the first fix more than 600 m apart
        long endSecond = -1;
        double[] a = offset(10.0, -30.0, 0, metresPerSecond(0.5) * 150 * 60);
        for (int k = 1; k <= 5; k++) {
            double[] b = offset(a[0], a[1], metresPerSecond(10) * 60 * k, 200);
            h.feed(fix(B, (150 + k) * 60L + 1, b[0], b[1], 10, 0));
            if (endSecond < 0 && Geo.haversineMetres(a[0], a[1], b[0], b[1]) > 600) {
                endSecond = (150 + k) * 60L + 1;
            }
        }
        List<Event> ends = h.events.stream().filter(e -> e.type().equals(EncounterDetector.END)).toList();
        assertThat(ends).hasSize(2);
        long expectedEnd = endSecond;
        assertThat(ends).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(expectedEnd));
            assertThat(e.to()).isEqualTo("apart");
            assertThat(e.details()).containsEntry("reason", "apart").containsEntry("startTime", T0.plusSeconds(1).toString());
        });
        // together from second 1 to B's last fix within 600 m
        assertThat((Long) ends.get(0).details().get("durationSeconds")).isBetween(9000L, 9120L);
        assertThat(detector.trackedPairs()).isZero();
    }

    @Test
    void namesOfBothVesselsAppearWhenKnown() {
        h.shipType(A, "ALPHA", 70);
        h.shipType(B, "BRAVO", 30);
        driftTogether(10.0, -30.0, 100, 0, 121, 0.5);
        Event first = h.events.get(0);
        assertThat(first.details()).containsEntry("vesselName", "ALPHA").containsEntry("otherVesselName", "BRAVO");
    }

    @Test
    void theSameMeetingWithinTenKilometresOfAnAnchorageIsNoEncounter() {
        Zone anchorage = new Zone("anch-1", "Roads", ZoneKind.ANCHORAGE,
                new GeometryFactory().createPoint(new Coordinate(-30.0, 10.05)), 500, Double.NaN, "test");
        h.zones = f -> {
            double d = Geo.haversineMetres(f.lat(), f.lon(), 10.05, -30.0) - 500;
            return d < 12_000 ? List.of(new ZoneHit(anchorage, Math.max(0, d))) : List.of();
        };
        driftTogether(10.0, -30.0, 200, 0, 150, 0.5);
        assertThat(h.events).isEmpty();
    }

    @Test
    void aPortZoneFartherThanTenKilometresDoesNotDisqualify() {
        Zone port = new Zone("port-1", "Far port", ZoneKind.PORT,
                new GeometryFactory().createPoint(new Coordinate(-30.0, 10.2)), 500, Double.NaN, "test");
        h.zones = f -> List.of(new ZoneHit(port, Geo.haversineMetres(f.lat(), f.lon(), 10.2, -30.0) - 500));
        driftTogether(10.0, -30.0, 200, 0, 150, 0.5);
        assertThat(h.events).extracting(Event::type).containsExactly(EncounterDetector.START, EncounterDetector.START);
    }

    @Test
    void shipsPassingAtTwelveKnotsMakeNoEncounter() {
        for (int s = 0; s <= 1800; s += 10) {
            double[] a = offset(50.0, -5.0, 0, metresPerSecond(12) * s);
            double[] b = offset(50.0, -5.0, 100, 6000 - metresPerSecond(12) * s);
            h.feed(fix(A, s, a[0], a[1], 12, 90));
            h.feed(fix(B, s + 1, b[0], b[1], 12, 270));
        }
        assertThat(h.events).isEmpty();
        assertThat(detector.trackedPairs()).isZero();
    }

    @Test
    void convoyAtTwelveKnotsForHoursIsNoEncounterBecauseOfTheMedianSpeed() {
        driftTogether(0.0, 60.0, 150, 0, 200, 12);
        assertThat(h.events).isEmpty();
        assertThat(detector.trackedPairs()).isZero(); // too fast to start even a candidate (2x the median limit)
    }

    @Test
    void aPairAcrossTheAntimeridianMeets() {
        driftTogether(-17.0, 179.999, 180, 0, 125, 0.0);
        assertThat(h.events.get(0).details().get("distanceMetres")).isNotNull();
        assertThat(h.events).extracting(Event::type).containsExactly(EncounterDetector.START, EncounterDetector.START);
        double lonB = offset(-17.0, 179.999, 0, 180)[1];
        assertThat(lonB).isNegative(); // really on the other side
    }

    @Test
    void aPairNearTheNorthPoleMeets() {
        for (int m = 0; m <= 125; m++) {
            h.feed(fix(A, m * 60L, 89.999, 0.0, 0.3, 0));
            h.feed(fix(B, m * 60L + 1, 89.999, 90.0, 0.3, 0)); // about 157 m away across the pole's cap
        }
        assertThat(h.events).extracting(Event::type).containsExactly(EncounterDetector.START, EncounterDetector.START);
    }

    @Test
    void aSilentVesselEndsTheEncounterThroughAdvanceTo() {
        driftTogether(10.0, -30.0, 200, 0, 130, 0.5);
        long lastB = 130 * 60L + 1;
        for (int m = 131; m <= 150; m++) { // A alone for 20 more minutes, still within an hour of B's last fix
            double[] a = offset(10.0, -30.0, 0, metresPerSecond(0.5) * m * 60);
            h.feed(fix(A, m * 60L, a[0], a[1], 0.5, 90));
        }
        h.events.clear();
        h.advanceTo(T0.plusSeconds(lastB + 3599));
        assertThat(h.events).isEmpty();

        h.advanceTo(T0.plusSeconds(150 * 60L + 7200));
        assertThat(h.events).hasSize(2).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EncounterDetector.END);
            assertThat(e.time()).isEqualTo(T0.plusSeconds(lastB + 3600)); // when the silence was complete
            assertThat(e.to()).isEqualTo("silent");
            assertThat(e.details()).containsEntry("reason", "silent");
        });
        assertThat(detector.trackedPairs()).isZero();
        assertThat(detector.trackedVessels()).isZero();
    }

    @Test
    void theSameInputGivesTheSameEventIds() {
        driftTogether(10.0, -30.0, 200, 0, 150, 0.5);
        List<String> first = h.events.stream().map(Event::eventId).toList();
        PairHarness again = new PairHarness(new EncounterDetector());
        for (int m = 0; m <= 150; m++) {
            double east = metresPerSecond(0.5) * m * 60;
            double[] a = offset(10.0, -30.0, 0, east);
            double[] b = offset(10.0, -30.0, 0, east + 200);
            again.feed(fix(A, m * 60L, a[0], a[1], 0.5, 90));
            again.feed(fix(B, m * 60L + 1, b[0], b[1], 0.5, 90));
        }
        assertThat(again.events.stream().map(Event::eventId).toList()).isEqualTo(first).hasSize(2);
    }

    @Test
    void settingsRejectNonsenseWithClearMessages() {
        assertThatThrownBy(() -> new EncounterSettings(500, 400, Duration.ofHours(2), 2, 10_000, Duration.ofHours(1), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exitDistanceMetres");
        assertThatThrownBy(() -> new EncounterSettings(500, 600, Duration.ZERO, 2, 10_000, Duration.ofHours(1), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDuration");
        assertThatThrownBy(() -> new EncounterSettings(500, 600, Duration.ofHours(2), 2, 10_000, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPairsPerVessel");
    }
}
