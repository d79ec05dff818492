package io.watchkeeper.mqtt.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.sink.PublishingStateMachine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The README's library example, compiled and run, so the documentation cannot drift from the code. */
class LibraryExampleIT {

    // The original system's boat machine, declared with the state-machine library (docs/rules.md compares
    // it with the Python). A record for what is kept, a record for what one report says.
    record Position(double x, double y) { }

    record Report(Position now, Position before) {
        boolean moved() {
            return !now.equals(before);
        }
    }

    @Test
    void theReadmeExampleWorks() {
        // BEGIN README EXAMPLE
        Machine<Position, Report> boat = Machine.<Position, Report>named("boat")
                .states("moving", "resting").initial("moving", new Position(0, 0))
                .read((at, fix, ctx) -> new Report(new Position(fix.x(), fix.y()), at.data())).update((p, r) -> r.now())
                .on("moving", "resting").unless("moved", Report::moved).publish("STATETRANSITION")
                .on("resting", "moving").when("moved", Report::moved).publish("STATETRANSITION")
                .build();
        // END README EXAMPLE
        assertThat(boat.toMermaid()).contains("moving --> resting : fix [!moved]");

        List<String> topics = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber sub = Subscriber.connect(ClientSettings.of(broker.address(), "my-monitor"),
                     List.of("EVENT/#"), (topic, payload) -> topics.add(topic));
             Publisher pub = Publisher.connect(ClientSettings.of(broker.address(), "my-station"))) {
            pub.publish("EVENT/PORT1/STATETRANSITION/3", "{}".getBytes(StandardCharsets.UTF_8)).join();

            PublishingStateMachine<Place<Position>> boats = PublishingStateMachine.attach(boat, pub);
            VesselId seven = VesselId.scoped("PORT1", "7", true);
            Place<Position> at = boats.initial(seven);
            at = boats.step(at, fixOf(seven, 0, 0)); // (0, 0) again: resting
            assertThat(boat.stateName(at.state())).isEqualTo("resting");

            await().atMost(Duration.ofSeconds(10)).until(() -> topics.size() >= 2);
        }
        assertThat(topics).containsExactly("EVENT/PORT1/STATETRANSITION/3", "EVENT/PORT1/STATETRANSITION/7");
    }

    private static Fix fixOf(VesselId vessel, double x, double y) {
        return Fix.planar(vessel, "PORT1", Instant.ofEpochSecond(1_500_000_000L), x, y, null);
    }
}
