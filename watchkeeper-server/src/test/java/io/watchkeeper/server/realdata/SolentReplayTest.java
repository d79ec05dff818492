package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.server.app.DetectorSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Solent recording (Stone Soup, 2016-01-12 13:02–14:26, 91 vessels, SOG and COG but no heading).
 *
 * <p>Inspected by hand: MMSI 235024149 shuttles across Portsmouth Harbour mouth, stopping at
 * two landings about 450 m apart (about 50.7950 N 1.1160 W on the Gosport side, 50.7970 N 1.1093 W
 * on the Portsmouth side) every 7 to 8 minutes; its SOG falls to 0.0 at each and climbs past 7 kn
 * between them. That is the Gosport ferry's timetable.
 */
class SolentReplayTest {

    private static final String SOLENT = "solent-stonesoup/SolentAIS_20160112_130211.csv";
    private static final String FERRY = "235024149";

    @Test
    void theGosportFerryStopsAtBothLandingsOnEveryCrossing() throws Exception {
        RealReplays.Result r = RealReplays.replay(SOLENT, DetectorSuite.defaults(SpeedProfile.DEFAULT));
        List<Event> ferry = r.of(FERRY, Event.STATE_TRANSITION);

        // 84 minutes at 7–8 minutes a leg: 11 stops and 11 departures, +-1 for the ends of the recording.
        assertThat(ferry).hasSizeBetween(20, 24);
        for (int i = 0; i < ferry.size(); i++) {
            assertThat(ferry.get(i).to()).isEqualTo(i % 2 == 0 ? "resting" : "moving"); // strictly alternating
        }
        List<Event> stops = ferry.stream().filter(e -> e.to().equals("resting")).toList();
        for (Event stop : stops) {
            double toGosport = Geo.haversineMetres(stop.cause().lat(), stop.cause().lon(), 50.7950, -1.1160);
            double toPortsmouth = Geo.haversineMetres(stop.cause().lat(), stop.cause().lon(), 50.7970, -1.1093);
            assertThat(Math.min(toGosport, toPortsmouth)).as("stop at %s", stop.time()).isLessThan(150);
        }
        for (int i = 1; i < stops.size(); i++) {
            long minutes = java.time.Duration.between(stops.get(i - 1).time(), stops.get(i).time()).toMinutes();
            assertThat(minutes).isBetween(5L, 10L);
        }
    }

    @Test
    void replayingTwiceGivesTheSameEventsInTheSameOrder() throws Exception {
        List<String> first = RealReplays.replay(SOLENT, DetectorSuite.defaults(SpeedProfile.DEFAULT)).events().stream()
                .map(Event::eventId).toList();
        List<String> second = RealReplays.replay(SOLENT, DetectorSuite.defaults(SpeedProfile.DEFAULT)).events().stream()
                .map(Event::eventId).toList();
        assertThat(first).isNotEmpty().containsExactlyElementsOf(second);
    }
}
