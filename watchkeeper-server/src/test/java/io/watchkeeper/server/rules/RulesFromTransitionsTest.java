package io.watchkeeper.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.rule.RuleDetector;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules file that docs/rules.md gives for the original system's pytransitions boat machine, read from
 * the page itself: it loads, and on speeds it takes the boat machine's transitions at the same fixes.
 */
class RulesFromTransitionsTest {

    private static final Path DOC = Path.of("..", "docs", "rules.md");
    private static final Instant T0 = Instant.parse("2024-03-01T06:00:00Z");
    private static final VesselId BOAT = VesselId.of("7");
    private static final DetectorContext CTX = new RulesExamplesTest.Ctx(List.of());

    @Test
    void theDocumentedMachineRestsAndMovesWhereTheBoatMachineDoes() throws IOException {
        RuleMachine m = documented();
        List<Fix> speeds = List.of(geo(0, 3.0), geo(1, 0.1), geo(2, 0.1), geo(3, 4.0));
        List<Fix> positions = List.of(xy(0, 5, 5), xy(1, 5, 5), xy(2, 5, 5), xy(3, 6, 5));

        List<Event> rules = run(new RuleDetector(m), speeds);
        List<Event> boat = run(new BoatDetector(), positions);

        assertThat(m.states()).containsExactly("moving", "resting");
        assertThat(m.initial()).isEqualTo("moving");
        assertThat(boat).extracting(Event::type, Event::from, Event::to, Event::time).containsExactly(
                tuple(Event.STATE_TRANSITION, "moving", "resting", T0.plusSeconds(60)),
                tuple(Event.STATE_TRANSITION, "resting", "moving", T0.plusSeconds(180)));
        assertThat(rules).extracting(Event::type, Event::from, Event::to, Event::time)
                .isEqualTo(boat.stream().map(e -> tuple(e.type(), e.from(), e.to(), e.time())).toList());
    }

    @Test
    void onTheOriginalsXyReportsItPublishesNothingAsTheDocSays() throws IOException {
        List<Fix> positions = List.of(xy(0, 5, 5), xy(1, 5, 5), xy(2, 5, 5), xy(3, 6, 5));

        assertThat(run(new RuleDetector(documented()), positions)).isEmpty();
    }

    /** The first {@code yaml} block after the pytransitions heading of docs/rules.md. */
    private static RuleMachine documented() throws IOException {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("## From Python's `transitions`");
        assertThat(section).as("docs/rules.md has the section").isPositive();
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        List<RuleMachine> machines = RulesFile.parse(yaml, "docs/rules.md");
        assertThat(machines).hasSize(1);
        return machines.get(0);
    }

    private static <S> List<Event> run(Detector<S> d, List<Fix> fixes) {
        List<Event> events = new ArrayList<>();
        S s = d.initial(BOAT);
        for (Fix f : fixes) {
            Step<S> step = d.step(s, f, CTX);
            s = step.state();
            events.addAll(step.events());
        }
        return events;
    }

    private static Fix geo(int minute, double knots) {
        return Fix.geo(BOAT, "PORT1", T0.plusSeconds(60L * minute), 50.8, -1.1, knots, Double.NaN, Double.NaN,
                Fix.NO_NAV_STATUS, null);
    }

    private static Fix xy(int minute, double x, double y) {
        return Fix.planar(BOAT, "PORT1", T0.plusSeconds(60L * minute), x, y, null);
    }
}
