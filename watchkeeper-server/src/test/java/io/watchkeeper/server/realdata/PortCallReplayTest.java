package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port calls on real tracks with the built-in zone sets. Each expectation was first read by hand
 * from the replay's output against the track (see the comments); counts carry a tolerance of one
 * call, because a detector tweak at the edges of a recording may add or drop one honestly.
 */
class PortCallReplayTest {

    private static DetectorSuite suite(String zones) {
        return DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(zones), null);
    }

    private static String sequence(List<Event> calls) {
        StringBuilder b = new StringBuilder();
        calls.forEach(e -> b.append(e.type().equals("PORT_ARRIVAL") ? 'A' : 'D'));
        return b.toString();
    }

    private static List<Event> arrivalsAndDepartures(RealReplays.Result r, String vessel) {
        return r.events().stream().filter(e -> e.vessel().key().equals(vessel))
                .filter(e -> e.type().equals("PORT_ARRIVAL") || e.type().equals("PORT_DEPARTURE")).toList();
    }

    /**
     * AMSA Class B track 503000530, May–July 2014: a Sydney boat. First seen moored in Sydney
     * Harbour (Iron Cove side, 33.836 S 151.175 E), it leaves through the Heads and comes back again
     * and again: 7 arrivals and 6 departures, all Sydney, the first arrival "first seen in port".
     */
    @Test
    void aSydneyBoatComesAndGoesThroughTheHeads() throws Exception {
        RealReplays.Result r = RealReplays.replay("amsa-risky/tracks/503000530.csv", suite("builtin:amsa"));
        List<Event> calls = arrivalsAndDepartures(r, "503000530");

        assertThat(calls).allSatisfy(e -> assertThat(e.details()).containsEntry("portName", "Sydney"));
        assertThat(sequence(calls)).matches("(AD)+A?").hasSizeBetween(12, 14);
        Event first = calls.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2014-05-17T22:40:27Z"));
        assertThat(first.details()).containsEntry("firstSeenInPort", true);
        // Moored for days between trips: berthed (stopped 30 min in the port polygon) and unberthed.
        assertThat(r.of("503000530", "BERTHED")).hasSizeGreaterThan(20)
                .allSatisfy(e -> assertThat(e.details()).containsEntry("basis", "stopped_in_port"));
    }

    /**
     * AMSA Class B track 503000720, January–April 2014: a Brisbane boat that berths near the river
     * mouth (27.40 S 153.16 E) and makes short trips out of the port polygon: 49 arrivals and 48
     * departures, every one Brisbane, strictly alternating.
     */
    @Test
    void aBrisbaneBoatMakesManyShortTrips() throws Exception {
        RealReplays.Result r = RealReplays.replay("amsa-risky/tracks/503000720.csv", suite("builtin:amsa"));
        List<Event> calls = arrivalsAndDepartures(r, "503000720");

        assertThat(calls).allSatisfy(e -> assertThat(e.details()).containsEntry("portName", "Brisbane"));
        assertThat(sequence(calls)).matches("(AD)+A?").hasSizeBetween(95, 99);
        Event firstDeparture = calls.get(1);
        assertThat(firstDeparture.type()).isEqualTo("PORT_DEPARTURE");
        assertThat(firstDeparture.time()).isEqualTo(Instant.parse("2014-01-17T21:04:19Z"));
        assertThat(firstDeparture.details()).containsEntry("berthSeconds", 35_220L);
    }

    /**
     * Boston 2014: MMSI 257990100 reports navigational status 1 (at anchor) from 2014-01-06 05:59 to
     * 16:14 in Boston's outer anchorage (42.424 N 70.816 W) at 0.5–0.9 kn, then leaves for the inner
     * harbour on 2014-01-07 04:21 at 2 kn. With GFW's anchorage areas it is AT_ANCHOR 30 minutes after
     * its first at-anchor report, and UNANCHORED when it leaves.
     */
    @Test
    void bostonsAnchoredShipIsAtAnchorUntilItLeaves() throws Exception {
        RealReplays.Result r = RealReplays.replay("boston-marinecadastre-2014/ais_boston_2014.csv",
                suite("builtin:wpi,builtin:gfw-anchorages"));

        assertThat(r.of("257990100", "AT_ANCHOR")).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2014-01-06T06:29:26Z"));
            assertThat(e.details()).containsEntry("portName", "BOSTON").containsEntry("basis", "anchorage_zone");
        });
        assertThat(r.of("257990100", "UNANCHORED")).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2014-01-07T04:21:30Z"));
            assertThat((Long) e.details().get("anchorSeconds")).isBetween(80_000L, 81_000L);
        });
        // One anchorage area, not dozens of GFW cells: one ZONE_ENTER when it is first seen there.
        assertThat(r.of("257990100", "ZONE_ENTER")).first()
                .satisfies(e -> assertThat(e.details()).containsEntry("zoneName", "BOSTON"));
    }

    /**
     * Solent with the example Portsmouth zones: the Gosport ferry works inside the harbour polygon all
     * afternoon, so it arrives once (first seen in port) and never departs.
     */
    @Test
    void theGosportFerryStaysInPortsmouthHarbour() throws Exception {
        RealReplays.Result r = RealReplays.replay("solent-stonesoup/SolentAIS_20160112_130211.csv",
                suite("../examples/zones/portsmouth.geojson"));
        assertThat(r.of("235024149", "PORT_ARRIVAL")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("portName", "Portsmouth Harbour")
                        .containsEntry("firstSeenInPort", true));
        assertThat(r.of("235024149", "PORT_DEPARTURE")).isEmpty();
        assertThat(r.ofType("PORT_DEPARTURE")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.details()).containsEntry("portName", "Portsmouth Harbour"));
    }
}
