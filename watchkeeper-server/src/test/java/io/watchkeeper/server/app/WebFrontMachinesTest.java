package io.watchkeeper.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.web.MachineView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/machines} lists each detector once: as its machine, or by name if it is written by hand. */
class WebFrontMachinesTest {

    @Test
    void everyDetectorOnceAndOnlyTheHandWrittenOnesByName() {
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        List<MachineView> machines = WebFront.machines(suite);

        assertThat(machines).extracting(MachineView::name).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(suite.names());
        assertThat(machines).filteredOn(m -> m.kind().equals("detector")).extracting(MachineView::name)
                .containsExactlyInAnyOrder("zone", "speeding");
        assertThat(machines).filteredOn(m -> m.name().equals("encounter")).singleElement()
                .satisfies(m -> assertThat(m.states()).contains("close", "encounter", "apart", "silent"));
    }
}
