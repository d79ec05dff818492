package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user-defined machine on the Solent recording, checked against the built-in motion machine. */
class RulesReplayTest {

    private static final String RULES = """
            machines:
              - name: harbour-ferry
                states: [docked, crossing]
                initial: docked
                transitions:
                  - {from: docked, to: crossing, when: [{speedAbove: 3}, {inZone: portsmouth-harbour}], event: CROSSING_START}
                  - {from: crossing, to: docked, when: [{speedBelow: 0.5}], event: CROSSING_END}
            """;

    @TempDir
    Path dir;

    @Test
    void aUserMachineSeesEveryFerryCrossingThatTheMotionMachineSees() throws Exception {
        Path rules = dir.resolve("ferry.yaml");
        Files.writeString(rules, RULES);
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS,
                List.of("../examples/zones/portsmouth.geojson"), rules);
        RealReplays.Result r = RealReplays.replay("solent-stonesoup/SolentAIS_20160112_130211.csv", suite);

        List<Event> crossings = r.of("235024149", "CROSSING_START");
        List<Event> departures = r.of("235024149", "STATETRANSITION").stream()
                .filter(e -> e.to().equals("moving")).toList();
        // Two independent machines over the same fixes: one crossing per departure from a landing,
        // give or take the one under way when the recording starts.
        assertThat(crossings).hasSizeBetween(departures.size(), departures.size() + 1).hasSizeGreaterThan(9);
        assertThat(r.of("235024149", "CROSSING_END")).hasSizeBetween(crossings.size() - 1, crossings.size());
        assertThat(crossings).allSatisfy(e -> {
            assertThat(e.machine()).isEqualTo("harbour-ferry");
            assertThat(e.site()).isEqualTo("SolentAIS_20160112_130211");
        });
    }
}
