package io.watchkeeper.core.detect.behaviour;

import static io.watchkeeper.core.detect.behaviour.TestContext.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.behaviour.DriftingDetector.Run;
import io.watchkeeper.core.detect.behaviour.DriftingDetector.Settings;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invented tracks around the rule's edges; the real drifting ships are replayed in the server's
 * DriftingRealTracksTest. Expected times and distances are worked out by hand in each test.
 */
class DriftingDetectorTest {

    private static final double LAT = 50.75;
    private static final double LON = -1.10;
    /** 1 kn in metres per second. */
    private static final double KNOT = Geo.METRES_PER_NAUTICAL_MILE / 3600.0;

    private final DriftingDetector detector = new DriftingDetector();
    private final Feed<Place<Run>> feed = new Feed<>(detector);

    /** A fix {@code east} metres east and {@code north} metres north of the test position. */
    private static Fix at(double seconds, double sog, double cog, double heading, double east, double north) {
        return Fix.geo(TestContext.VESSEL, "test", T0.plusMillis(Math.round(seconds * 1000)),
                LAT + north / Geo.METRES_PER_DEGREE_LAT, LON + east / Geo.metresPerDegreeLon(LAT), sog, cog, heading,
                Fix.NO_NAV_STATUS, null);
    }

    /** Drifting east at {@code knots}, bow to the north: COG 090, heading 000, 90° apart. */
    private static Fix east(double seconds, double knots) {
        return at(seconds, knots, 90.0, 0.0, seconds * knots * KNOT, 0);
    }

    @Test
    void startsOnTheFixThatCompletesTenMinutesAndFiveHundredMetres() {
        // 2 kn is 1.029 m/s: 500 m after 486 s, so the 10 minutes decide: the fix at 600 s, 617 m on.
        for (int s = 0; s < 600; s += 10) {
            feed.fix(east(s, 2.0));
        }
        assertThat(feed.events()).isEmpty();

        feed.fix(east(600, 2.0));
        Event start = feed.take().get(0);
        assertThat(start.type()).isEqualTo(DriftingDetector.DRIFTING_START);
        assertThat(start.machine()).isEqualTo("drifting");
        assertThat(start.from()).isEqualTo("normal");
        assertThat(start.to()).isEqualTo("drifting");
        assertThat(start.time()).isEqualTo(T0.plusSeconds(600));
        assertThat(start.details()).containsEntry("angleDegrees", 90.0).containsEntry("sogKnots", 2.0)
                .containsEntry("cogDegrees", 90.0).containsEntry("headingDegrees", 0.0)
                .containsEntry("durationSeconds", 600.0);
        assertThat((double) start.details().get("distanceMetres")).isCloseTo(600 * 2 * KNOT, within(1.0));
    }

    @Test
    void theDistanceIsWhatTheShipCoveredNotItsReportedSpeed() {
        // SOG says 1.5 kn, but the positions move 0.45 m/s: 499.5 m at 1110 s, 504 m at 1120 s.
        for (int s = 0; s <= 1110; s += 10) {
            feed.fix(at(s, 1.5, 90.0, 0.0, s * 0.45, 0));
        }
        assertThat(feed.events()).isEmpty();
        feed.fix(at(1120, 1.5, 90.0, 0.0, 1120 * 0.45, 0));
        assertThat(feed.take()).singleElement().extracting(Event::time).isEqualTo(T0.plusSeconds(1120));
    }

    @Test
    void endsOnceFixesReadCleanForAMinuteAndOneStrayFixDoesNot() {
        for (int s = 0; s <= 600; s += 10) {
            feed.fix(east(s, 2.0));
        }
        assertThat(feed.take()).extracting(Event::type).containsExactly(DriftingDetector.DRIFTING_START);

        // One COG 50° off, as FRIO reported at 16:50:12 UTC in the middle of its drift: not an end.
        feed.fix(at(610, 2.0, 40.0, 0.0, 628, 0)).fix(east(620, 2.0));
        assertThat(feed.events()).isEmpty();

        // Under way again: COG 002, heading 000. Clean from 700 s; 60 s later it ends.
        for (int s = 700; s < 760; s += 10) {
            feed.fix(at(s, 4.0, 2.0, 0.0, 700, s));
        }
        assertThat(feed.events()).isEmpty();
        feed.fix(at(760, 4.0, 2.0, 0.0, 700, 760));
        Event end = feed.take().get(0);
        assertThat(end.type()).isEqualTo(DriftingDetector.DRIFTING_END);
        assertThat(end.from()).isEqualTo("drifting");
        assertThat(end.to()).isEqualTo("normal");
        assertThat(end.time()).isEqualTo(T0.plusSeconds(760));
        assertThat(end.details()).containsEntry("durationSeconds", 160.0).containsEntry("angleDegrees", 2.0);
    }

    @Test
    void endAfterZeroEndsAtTheFirstCleanFixAsDmaDoes() {
        Feed<Place<Run>> dma = new Feed<>(new DriftingDetector(new Settings(45, 1, 5, Duration.ofMinutes(10), 500,
                Duration.ZERO, Duration.ofMinutes(10))));
        for (int s = 0; s <= 600; s += 10) {
            dma.fix(east(s, 2.0));
        }
        dma.fix(at(610, 2.0, 40.0, 0.0, 628, 0));
        assertThat(dma.events()).extracting(Event::type)
                .containsExactly(DriftingDetector.DRIFTING_START, DriftingDetector.DRIFTING_END);
        assertThat(dma.events().get(1).time()).isEqualTo(T0.plusSeconds(610));
    }

    @Test
    void oneCleanFixRestartsTheTenMinutes() {
        for (int s = 0; s < 600; s += 10) {
            feed.fix(s == 300 ? at(s, 2.0, 30.0, 0.0, s * 2 * KNOT, 0) : east(s, 2.0));
        }
        // The run restarted at 310 s, so it is complete at 910 s and not before.
        for (int s = 600; s < 910; s += 10) {
            feed.fix(east(s, 2.0));
        }
        assertThat(feed.events()).isEmpty();
        feed.fix(east(910, 2.0));
        assertThat(feed.take()).singleElement().extracting(Event::time).isEqualTo(T0.plusSeconds(910));
    }

    @Test
    void theBandIsFortyFiveToOneHundredThirtyFiveDegreesAndOneToFiveKnots() {
        // Exactly 45° and exactly 135° (COG 045 or 135 against heading 000) are not drifting, nor is going astern.
        for (double cog : new double[] {45.0, 135.0, 180.0, 315.0, 225.0}) {
            DriftingDetector d = new DriftingDetector();
            Feed<Place<Run>> f = new Feed<>(d);
            for (int s = 0; s <= 1200; s += 10) {
                f.fix(at(s, 2.0, cog, 0.0, s * 2 * KNOT, 0));
            }
            assertThat(f.events()).as("COG %s, heading 000", cog).isEmpty();
            assertThat(f.state()).isSameAs(d.initial(TestContext.VESSEL));
        }
        // 0.5 and 5 kn are in the band (both ends count, as DMA's do); 0.4 and 5.1 are not.
        for (double knots : new double[] {0.5, 5.0, 0.4, 5.1}) {
            Feed<Place<Run>> f = new Feed<>(new DriftingDetector());
            for (int s = 0; s <= 900; s += 10) {
                f.fix(at(s, knots, 90.0, 0.0, s * 1.0, 0)); // 1 m/s: 500 m well inside the 15 minutes
            }
            assertThat(f.events()).as("%s kn", knots).hasSize(knots == 0.5 || knots == 5.0 ? 1 : 0);
        }
    }

    @Test
    void anAnchoredShipSwingingIsNotDrifting() {
        // Two hours at anchor, the heading sweeping round once, COG 70-110° off it, the antenna on a 100 m
        // circle round the anchor. The first hour at 0.2-0.9 kn, the second at 1.0-1.8 kn (a swinging stern
        // reads fast), where every fix reads as drifting: only the 500 m keep it quiet.
        SplittableRandom rnd = new SplittableRandom(7);
        for (int s = 0; s < 7200; s += 10) {
            double heading = (s / 20.0) % 360;
            double cog = (heading + 90 + rnd.nextDouble(-20, 20) + 360) % 360;
            double sog = s < 3600 ? rnd.nextDouble(0.2, 0.9) : rnd.nextDouble(1.0, 1.8);
            double bearing = Math.toRadians(heading + 180);
            feed.fix(at(s, sog, cog, heading, 100 * Math.sin(bearing), 100 * Math.cos(bearing)));
        }
        assertThat(feed.state().data().startMillis()).as("one run, the whole second hour")
                .isLessThanOrEqualTo(TestContext.millis(3600));
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void aTurningShipIsNotDrifting() {
        // 4 kn, turning 90° to starboard over 2 minutes with COG 50° behind the heading, then steady.
        for (int s = 0; s < 1800; s += 10) {
            boolean turning = s >= 300 && s < 420;
            double heading = s < 300 ? 0 : turning ? (s - 300) * 0.75 : 90;
            double cog = turning ? Math.max(0, heading - 50) : heading;
            feed.fix(at(s, 4.0, cog, heading, s * 2.0, 0));
        }
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void noisyHeadingsAreNotDrifting() {
        // A small craft at 3 kn without a gyro: heading scatters ±70° round the COG; about a third of the
        // fixes read as drifting, never ten minutes in a row.
        SplittableRandom rnd = new SplittableRandom(11);
        int drifting = 0;
        for (int s = 0; s < 7200; s += 10) {
            double heading = (90 + rnd.nextDouble(-70, 70) + 360) % 360;
            feed.fix(at(s, 3.0, 90.0, heading, s * 3 * KNOT, 0));
            drifting += Geo.angleBetween(90.0, heading) > 45 ? 1 : 0;
        }
        assertThat(drifting).isGreaterThan(150);
        assertThat(feed.events()).isEmpty();
    }

    @Test
    void fixesWithoutHeadingCogSogOrPositionChangeNothing() {
        feed.fix(east(0, 2.0)).fix(east(10, 2.0));
        Place<Run> counting = feed.state();
        feed.fix(at(20, 2.0, 90.0, Double.NaN, 41, 0))      // heading 511
                .fix(at(30, 2.0, Double.NaN, 0.0, 62, 0))    // COG 360
                .fix(at(40, Double.NaN, 90.0, 0.0, 82, 0))   // SOG 1023
                .fix(Fix.geo(TestContext.VESSEL, "test", T0.plusSeconds(50), 91.0, 181.0, 2.0, 90.0, 0.0,
                        Fix.NO_NAV_STATUS, null));            // position not available
        assertThat(feed.state()).isSameAs(counting);

        for (int s = 60; s <= 600; s += 10) {
            feed.fix(east(s, 2.0));
        }
        assertThat(feed.take()).extracting(Event::type).containsExactly(DriftingDetector.DRIFTING_START);
        // Nor do they end a drift: ten minutes of heading 511.
        for (int s = 610; s <= 1200; s += 10) {
            feed.fix(at(s, 2.0, 90.0, Double.NaN, s * 2 * KNOT, 0));
        }
        assertThat(feed.events()).isEmpty();
        assertThat(feed.state().state()).isEqualTo(1);
    }

    @Test
    void aSilenceLongerThanMaxFixGapRestartsTheRun() {
        feed.fix(east(0, 2.0)).fix(east(300, 2.0));
        // 10 min 10 s of silence: the run starts again at 910 s.
        feed.fix(east(910, 2.0));
        assertThat(feed.state().data().startMillis()).isEqualTo(TestContext.millis(910));
        // A 6-minute gap (two lost 3-minute reports) does not.
        feed.fix(east(1270, 2.0)).fix(east(1510, 2.0));
        assertThat(feed.take()).singleElement().extracting(Event::time).isEqualTo(T0.plusSeconds(1510));
    }

    @Test
    void lateAndDuplicateFixesAreIgnored() {
        Fix second = east(20, 2.0);
        feed.fix(east(0, 2.0)).fix(second);
        Place<Run> counting = feed.state();
        feed.fix(second).fix(east(10, 2.0)).fix(at(15, 3.0, 0.0, 0.0, 0, 0)).fix(second);
        assertThat(feed.state()).isSameAs(counting);
        assertThat(feed.state().data().startMillis()).isEqualTo(TestContext.millis(0));
    }

    @Test
    void aVesselThatNeverDriftsKeepsTheSharedInitialPlace() {
        for (int s = 0; s < 3600; s += 10) {
            feed.fix(at(s, 12.0, 93.0, 0.0, s * 6.0, 0)); // fast and crabbing: outside the speed band
            feed.fix(at(s + 5, 3.0, 10.0, 0.0, s * 6.0, 0)); // slow, on heading
        }
        assertThat(feed.state()).isSameAs(detector.initial(TestContext.VESSEL));
    }

    @Test
    void aRunInProgressReadsBackFromACheckpoint() throws IOException {
        for (int s = 0; s < 300; s += 10) {
            feed.fix(east(s, 2.0));
        }
        Place<Run> counting = feed.state();
        Place<Run> back = readBack(new DriftingDetector(), write(counting));
        assertThat(back).isEqualTo(counting);
        assertThat(back.data().startLat()).isEqualTo((float) LAT);

        // And goes on to the same event.
        Fix tenMinutes = east(600, 2.0);
        assertThat(detector.step(back, tenMinutes, TestContext.at(tenMinutes)).events())
                .extracting(Event::type).containsExactly(DriftingDetector.DRIFTING_START);
        // A vessel never seen reads back as the shared initial place.
        DriftingDetector fresh = new DriftingDetector();
        assertThat(readBack(fresh, write(detector.initial(TestContext.VESSEL))))
                .isSameAs(fresh.initial(TestContext.VESSEL));
    }

    @Test
    void aCheckpointedRunStartingOffTheEarthIsRefused() throws IOException {
        Place<Run> bad = new Place<>(0, Long.MIN_VALUE, Detector.NO_TIMER, null,
                new Run(TestContext.millis(0), TestContext.millis(10), 95.0f, 0.0f));
        byte[] bytes = write(bad);
        assertThatThrownBy(() -> readBack(new DriftingDetector(), bytes)).isInstanceOf(IOException.class).hasMessageContaining("95.0");
    }

    private byte[] write(Place<Run> place) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateOut out = new StateOut(bytes);
        Detector.codecOf(detector).write(place, out);
        out.flush();
        return bytes.toByteArray();
    }

    private static Place<Run> readBack(DriftingDetector fresh, byte[] bytes) throws IOException {
        return Detector.codecOf(fresh).read(new StateIn(new ByteArrayInputStream(bytes), id -> null),
                TestContext.VESSEL);
    }

    @Test
    void theSameInputGivesTheSameEvents() {
        assertThat(run()).isEqualTo(run()).hasSize(4);
    }

    private static List<Event> run() {
        Feed<Place<Run>> f = new Feed<>(new DriftingDetector());
        for (int s = 0; s < 4800; s += 10) {
            boolean drift = s >= 300 && s < 1500 || s >= 2500 && s < 4000;
            f.fix(drift ? east(s, 2.5) : at(s, 2.5, 181.0, 180.0, s * 2.5 * KNOT, 0));
        }
        return f.events();
    }

    @Test
    void settingsAreChecked() {
        Duration m = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new Settings(90, 1, 5, m, 500, m, m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minAngleDegrees");
        assertThatThrownBy(() -> new Settings(45, -1, 5, m, 500, m, m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSpeedKnots");
        assertThatThrownBy(() -> new Settings(45, 2, 1, m, 500, m, m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSpeedKnots");
        assertThatThrownBy(() -> new Settings(45, 1, 5, m, Double.NaN, m, m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDistanceMetres");
        assertThatThrownBy(() -> new Settings(45, 1, 5, m, 500, Duration.ofSeconds(-1), m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endAfter");
        assertThatThrownBy(() -> new Settings(45, 1, 5, m, 500, m, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFixGap");
    }
}
