package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.ExternalTools;
import io.watchkeeper.mqtt.testing.MosquittoPub;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.testing.SharedBrokers;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wire compatibility with third-party tools on both brokers: a station publishing with
 * {@code mosquitto_pub} or with the original's paho-mqtt (MQTT 3.1.1) reaches our Subscriber, and what
 * our Publisher sends is what an operator's {@code mosquitto_sub -t 'EVENT/#'} prints.
 */
@ExtendWith(SharedBrokers.class)
class InteropIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STATION_FIX =
            "{\"boat_id\": 3, \"position\": {\"ts\": 1700000000, \"x\": 1.5, \"y\": -2.25, \"port_id\": \"P1\"}}";
    private static final String EVENT_JSON = "{\"header\": {\"type\": \"P1/STATETRANSITION\", \"ts\": 1700000001, "
            + "\"id\": 3}, \"body\": {\"boat_id\": 3, \"state\": \"moving\", \"position\": {\"ts\": 1700000000, "
            + "\"x\": 1.5, \"y\": -2.25, \"port_id\": \"P1\"}}}";

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void mosquittoPubReachesOurSubscriber(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String station = "interop-" + kind;
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        try (Subscriber subscriber = Subscriber.connect(ClientSettings.of(broker.address(), "interop-sub-" + kind),
                List.of(Topics.dataFilter()), (topic, payload) -> {
                    if (Topics.stationOfData(topic).orElse("").equals(station)) {
                        received.add(topic + " " + new String(payload, StandardCharsets.UTF_8));
                    }
                })) {
            MosquittoPub.publish(broker.port(), Topics.data(station), STATION_FIX);
            MosquittoPub.publish(broker.port(), Topics.data(station, "7"), "second");
            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(received).containsExactly(
                    "DATA/" + station + " " + STATION_FIX,
                    "DATA/" + station + "/7 second");
        }
    }

    /**
     * The original stations are Python paho-mqtt clients speaking MQTT 3.1.1; this one publishes the way
     * the original {@code Sender} did (one client, QoS 1) and our MQTT 5 Subscriber must get it unchanged.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void anOriginalPahoStationReachesOurSubscriber(TestBroker.Kind kind) throws Exception {
        ExternalTools.requirePythonModule("paho.mqtt", "python3-paho-mqtt");
        TestBroker broker = SharedBrokers.get(kind);
        String station = "paho-" + kind;
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        try (Subscriber subscriber = Subscriber.connect(ClientSettings.of(broker.address(), "paho-sub-" + kind),
                List.of(Topics.dataFilter()), (topic, payload) -> {
                    if (Topics.stationOfData(topic).orElse("").equals(station)) {
                        received.add(topic + " " + new String(payload, StandardCharsets.UTF_8));
                    }
                })) {
            String script = String.join("\n",
                    "import sys, paho.mqtt.client as paho",
                    "c = paho.Client(client_id=sys.argv[2])",
                    "c.will_set('notifications', payload=sys.argv[2] + ' died.', qos=1, retain=True)",
                    "c.connect('127.0.0.1', int(sys.argv[1]))",
                    "c.loop_start()",
                    "info = c.publish('DATA/' + sys.argv[2], payload=sys.argv[3], qos=1)",
                    "info.wait_for_publish()",
                    "c.disconnect()",
                    "c.loop_stop()");
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", script,
                    String.valueOf(broker.port()), station, STATION_FIX).redirectErrorStream(true).start();
            assertThat(python.waitFor(20, TimeUnit.SECONDS)).as("python finished").isTrue();
            assertThat(python.exitValue()).as(new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
            await().atMost(WAIT).until(() -> received.size() == 1);
            assertThat(received).containsExactly("DATA/" + station + " " + STATION_FIX);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void ourPublisherIsReadableByMosquittoSub(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        String site = "interop-" + kind;
        String topic = Topics.event(site, "STATETRANSITION", "3");
        try (MosquittoSub operator = MosquittoSub.start(broker.port(), Topics.eventFilter());
             Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "interop-pub-" + kind))) {
            for (int i = 0; i < 100; i++) {
                publisher.publish(topic, (i == 0 ? EVENT_JSON : "n" + i).getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(WAIT).until(() -> operator.lines().stream().filter(l -> l.startsWith(topic + " ")).count() == 100);
            List<String> ours = operator.lines().stream().filter(l -> l.startsWith(topic + " ")).toList();
            assertThat(ours.get(0)).isEqualTo("EVENT/" + site + "/STATETRANSITION/3 " + EVENT_JSON);
            for (int i = 1; i < 100; i++) {
                assertThat(ours.get(i)).isEqualTo(topic + " n" + i);
            }
        }
    }
}
