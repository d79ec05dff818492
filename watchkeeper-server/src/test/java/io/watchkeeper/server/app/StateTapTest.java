package io.watchkeeper.server.app;

import io.watchkeeper.server.input.RecordClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.InlineEngine;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.durable.Checkpointable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTapTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final VesselId SHIP = VesselId.of("235024149");

    record Heard(String vessel, String machine, String state) {
    }

    @Test
    void theEngineTellsEachVesselsBoatAndPortCallStateFromItsFirstFixOn() {
        List<Heard> heard = new ArrayList<>();
        DetectorSuite plain = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        DetectorSuite suite = plain.withStates((v, machine, state) -> heard.add(new Heard(v.key(), machine, state.name())));
        List<Event> events = new ArrayList<>();
        DetectionSetup setup = suite.setup(new VesselRegistry(), false);
        RecordClock clock = new RecordClock();
        InlineEngine engine = new InlineEngine(setup, events::add, deadLetter -> { }, clock);

        submit(engine, clock, T0, 12.0);
        assertThat(heard).contains(new Heard(SHIP.key(), "boat", "MOVING"), new Heard(SHIP.key(), "portcall", "AT_SEA"));
        assertThat(events).isEmpty(); // no event yet, and still a state the map can show

        for (int i = 1; i <= 40; i++) { // stopped for 20 minutes: the boat machine goes to RESTING
            submit(engine, clock, T0.plusSeconds(30L * i), 0.0);
        }
        Heard last = heard.stream().filter(h -> h.machine().equals("boat")).reduce((a, b) -> b).orElseThrow();
        assertThat(last.state()).isEqualTo("RESTING");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.machine()).isEqualTo("boat");
            assertThat(e.to()).isEqualTo("resting");
        });

        // The tap changes nothing else: same names, same machines, still checkpointable.
        assertThat(setup.detectors().stream().map(d -> d.name()).toList()).isEqualTo(plain.names().subList(0,
                plain.detectors().size()));
        assertThat(suite.machines()).isEqualTo(plain.machines());
        assertThat(Checkpointable.missing(setup)).isEmpty();
    }

    private static void submit(InlineEngine engine, RecordClock clock, Instant t, double knots) {
        clock.set(t);
        engine.submit(Fix.geo(SHIP, "TEST", t, 55.5, 11.0, knots, 90, 91, 0, null));
    }
}
