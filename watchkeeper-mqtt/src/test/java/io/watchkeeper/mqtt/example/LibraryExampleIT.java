package io.watchkeeper.mqtt.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.BoatReport;
import io.watchkeeper.core.detect.boat.BoatState;
import io.watchkeeper.core.detect.boat.BoatTrigger;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.MachineInstance;
import io.watchkeeper.core.fsm.StateMachine;
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

    enum Light { GREEN, RED }

    enum Signal { STOP, GO }

    @Test
    void theReadmeExampleWorks() {
        StateMachine<Light, Signal, Void> lights = StateMachine.<Light, Signal, Void>builder("lights", Light.class,
                        Signal.class)
                .initial(Light.GREEN)
                .transition(Signal.STOP, Light.GREEN, Light.RED).add()
                .transition(Signal.GO, Light.RED, Light.GREEN).add()
                .build();
        MachineInstance<Light, Signal, Void> light = lights.newInstance(Instant.now());
        light.fire(Signal.STOP, null, Instant.now());
        assertThat(light.state()).isEqualTo(Light.RED);
        assertThat(lights.toMermaid()).contains("GREEN --> RED : STOP");

        List<String> topics = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
             Subscriber sub = Subscriber.connect(ClientSettings.of(broker.address(), "my-monitor"),
                     List.of("EVENT/#"), (topic, payload) -> topics.add(topic));
             Publisher pub = Publisher.connect(ClientSettings.of(broker.address(), "my-station"))) {
            pub.publish("EVENT/PORT1/STATETRANSITION/3", "{}".getBytes(StandardCharsets.UTF_8)).join();

            PublishingStateMachine<BoatState, BoatTrigger, BoatReport> boats =
                    PublishingStateMachine.attach(BoatDetector.MACHINE, pub, LibraryExampleIT::fixOf);
            MachineInstance<BoatState, BoatTrigger, BoatReport> boat = boats.newInstance(Instant.EPOCH);
            boats.fire(boat, BoatTrigger.REPORT, new BoatReport(0, 0, 0, 0));

            await().atMost(Duration.ofSeconds(10)).until(() -> topics.size() >= 2);
        }
        assertThat(topics).containsExactly("EVENT/PORT1/STATETRANSITION/3", "EVENT/PORT1/STATETRANSITION/7");
    }

    private static Fix fixOf(BoatReport r) {
        return Fix.planar(VesselId.scoped("PORT1", "7", true), "PORT1", Instant.ofEpochSecond(1_500_000_000L), r.x(),
                r.y(), null);
    }
}
