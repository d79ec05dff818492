package io.watchkeeper.core.vessel;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry of static data is bounded: made-up MMSIs cannot fill the heap. */
class VesselRegistryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static VesselInfo named(String id, String name) {
        return new VesselInfo(VesselId.of(id), name, null, 0, 70, -1, -1, -1, -1, Double.NaN, null, null, T0);
    }

    @Test
    void newVesselsBeyondTheBoundAreCountedNotKept_knownOnesStillMerge() {
        VesselRegistry registry = new VesselRegistry(3);
        for (int i = 0; i < 10; i++) {
            registry.merge(named("2000000" + i, "SHIP " + i));
        }
        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.refused()).isEqualTo(7);
        assertThat(registry.get(VesselId.of("20000009"))).isNull();

        registry.merge(named("20000000", "RENAMED"));
        assertThat(registry.get(VesselId.of("20000000"))).extracting(VesselInfo::name).isEqualTo("RENAMED");
        assertThat(registry.refused()).isEqualTo(7);
    }
}
