package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tug assists in the Solent recording. Its CSV has no ship types, so the tugs are named in the
 * configuration ({@code tugVessels}), as an operator who knows the local fleet would.
 *
 * <p>Read by hand: MMSI 311855000 (a Bahamas-flagged ship) comes in from Spithead at 10 kn, slows to
 * 5.5 kn and enters Portsmouth Harbour at about 13:45. Two local craft, 235070762 and 235072757, run
 * alongside it 70–160 m off from about 13:19 and 13:23 until it is in the entrance. Their identities
 * as tugs are not confirmed by the data: this test pins what the detector does with a real approach.
 */
class TugAssistReplayTest {

    @TempDir
    Path dir;

    @Test
    void twoLocalCraftEscortAShipIntoPortsmouth() throws Exception {
        Path config = dir.resolve("tugs.yaml");
        Files.writeString(config, "detectors:\n  tugAssist:\n    tugVessels: [\"235070762\", \"235072757\"]\n");
        DetectorSuite suite = DetectorSuite.from(ConfigFile.load(config), List.of(), null);
        RealReplays.Result r = RealReplays.replay("solent-stonesoup/SolentAIS_20160112_130211.csv", suite);

        List<Event> starts = r.of("311855000", "TUG_ASSIST_START");
        assertThat(starts).extracting(e -> e.details().get("tug")).containsExactly("235070762", "235072757");
        assertThat(starts.get(0).time()).isCloseTo(Instant.parse("2016-01-12T13:24:30Z"), within(10));
        assertThat(starts.get(1).time()).isCloseTo(Instant.parse("2016-01-12T13:28:10Z"), within(10));
        assertThat(starts).allSatisfy(e -> assertThat(e.details()).containsEntry("assisted", "311855000"));

        List<Event> ends = r.of("311855000", "TUG_ASSIST_END");
        assertThat(ends).hasSize(2).allSatisfy(e -> {
            assertThat(e.time()).isCloseTo(Instant.parse("2016-01-12T13:45:50Z"), within(10));
            assertThat(e.details()).containsEntry("reason", "conditions");
        });
        // Both vessels of a pair get each event, with ids of their own.
        assertThat(r.of("235070762", "TUG_ASSIST_START")).hasSize(1);
        assertThat(r.ofType("TUG_ASSIST_START")).extracting(Event::eventId).doesNotHaveDuplicates();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(int seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void withoutKnownTugsThereIsNoAssist() throws Exception {
        RealReplays.Result r = RealReplays.replay("solent-stonesoup/SolentAIS_20160112_130211.csv",
                DetectorSuite.defaults(io.watchkeeper.core.detect.boat.SpeedProfile.DEFAULT));
        assertThat(r.ofType("TUG_ASSIST_START")).isEmpty();
    }
}
