package io.watchkeeper.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedEventsTest {

    @Test
    void aFirstReportAtTheOriginIsRestingBecauseBoatsStartAtTheOrigin() {
        ExpectedEvents calc = new ExpectedEvents();

        assertThat(calc.report("P1/0", 0.0, 0.0)).isTrue();
        assertThat(calc.isResting("P1/0")).isTrue();
        assertThat(calc.events()).isEqualTo(1);
    }

    @Test
    void aFirstReportElsewhereIsMovingWhichIsNoChange() {
        ExpectedEvents calc = new ExpectedEvents();

        assertThat(calc.report("P1/0", 1.5, 0.0)).isFalse();
        assertThat(calc.isResting("P1/0")).isFalse();
        assertThat(calc.events()).isZero();
    }

    @Test
    void onlyChangesOfStateAreEvents() {
        ExpectedEvents calc = new ExpectedEvents();
        // moving (no event), same -> resting (event), same (no event), moved -> moving (event),
        // moved again (no event), only x equal is still moving (no event), same -> resting (event)
        double[][] reports = {{1, 1}, {1, 1}, {1, 1}, {2, 1}, {3, 3}, {3, 4}, {3, 4}};
        boolean[] expected = {false, true, false, true, false, false, true};
        for (int i = 0; i < reports.length; i++) {
            assertThat(calc.report("P1/0", reports[i][0], reports[i][1])).as("report %d", i).isEqualTo(expected[i]);
        }
        assertThat(calc.events()).isEqualTo(3);
    }

    @Test
    void boatsAreIndependentAndKeyedByStationAndNumber() {
        ExpectedEvents calc = new ExpectedEvents();

        calc.report("P1/0", 5, 5);
        calc.report("P2/0", 5, 5); // same number at another station: a different boat, first report moving

        assertThat(calc.events()).isZero();
        assertThat(calc.report("P1/0", 5, 5)).isTrue();
        assertThat(calc.isResting("P2/0")).isFalse();
    }

    @Test
    void aBurstIsDeterministicAndAgreesWithFeedingItsReportsByHand() {
        Burst a = Burst.generate(List.of("S1", "S2", "S3"), 4, 10_001, 42);
        Burst b = Burst.generate(List.of("S1", "S2", "S3"), 4, 10_001, 42);
        ExpectedEvents byHand = new ExpectedEvents();
        for (Burst.Station s : a.stations()) {
            for (int i = 0; i < s.size(); i++) {
                byHand.report(s.id() + '/' + s.boat(i), s.x(i), s.y(i));
            }
        }

        assertThat(a.stations()).extracting(Burst.Station::size).containsExactly(3334, 3334, 3333);
        assertThat(ExpectedEvents.of(a)).isEqualTo(ExpectedEvents.of(b)).isEqualTo(byHand.events());
        // Resting has probability 0.4 per report, so about 2 * 0.4 * 0.6 = 48 % of reports change state.
        assertThat(ExpectedEvents.of(a)).isBetween(4_300L, 5_300L);
    }

    @Test
    void perMessageOutcomesNameTheStateEachEventEntersAndAddUpToTheTotal() {
        Burst burst = Burst.generate(List.of("S1", "S2"), 4, 2_000, 7);
        long events = 0;
        for (Burst.Station s : burst.stations()) {
            byte[] outcomes = ExpectedEvents.outcomes(s);
            ExpectedEvents byHand = new ExpectedEvents();
            for (int i = 0; i < s.size(); i++) {
                String key = s.id() + '/' + s.boat(i);
                boolean event = byHand.report(key, s.x(i), s.y(i));
                byte want = !event ? ExpectedEvents.NONE
                        : byHand.isResting(key) ? ExpectedEvents.TO_RESTING : ExpectedEvents.TO_MOVING;
                assertThat(outcomes[i]).as("%s message %d", s.id(), i).isEqualTo(want);
                events += event ? 1 : 0;
            }
        }
        assertThat(events).isEqualTo(ExpectedEvents.of(burst));
    }

    @Test
    void payloadsAreTheOriginalFormatWithAMicrosecondTimeStamp() {
        Burst burst = Burst.generate(List.of("S1"), 4, 3, 42);
        Burst.Station s = burst.stations().get(0);

        String json = new String(s.payload(0, 1_732_661_234_000_042L), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"boat_id\": " + s.boat(0) + ", \"position\": {\"ts\": 1732661234.000042, \"x\": "
                + s.x(0) + ", \"y\": " + s.y(0) + ", \"port_id\": \"S1\"}}");
        assertThat(ArrivalParser.micros("1732661234.000042")).isEqualTo(1_732_661_234_000_042L);
        assertThat(ArrivalParser.micros("1732661234.5")).isEqualTo(1_732_661_234_500_000L);
        assertThat(ArrivalParser.micros("1732661234")).isEqualTo(1_732_661_234_000_000L);
    }
}
