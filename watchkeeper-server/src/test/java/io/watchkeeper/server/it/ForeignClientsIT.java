package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.testing.OriginalBoatModel;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.ExternalTools;
import io.watchkeeper.mqtt.testing.MosquittoPub;
import io.watchkeeper.mqtt.testing.MosquittoSub;
import io.watchkeeper.mqtt.testing.TestBroker;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.sim.StationSimulator;
import io.watchkeeper.server.testing.EventCollector;
import io.watchkeeper.server.testing.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The detector with foreign clients: mosquitto_pub, mosquitto_sub and a Python paho-mqtt station. */
class ForeignClientsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static DetectorService detector(TestBroker broker) {
        return DetectorService.start(ClientSettings.of(broker.address(), "it-detect"), new EngineConfig(2, 256),
                FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES, null, Clock.systemUTC());
    }

    private static String report(int boat, double ts, double x, double y, String port) {
        return "{\"boat_id\": " + boat + ", \"position\": {\"ts\": " + ts + ", \"x\": " + x + ", \"y\": " + y
                + ", \"port_id\": \"" + port + "\"}}";
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void mosquittoPubInMosquittoSubOut(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = kind.start();
             DetectorService detector = detector(broker);
             MosquittoSub sub = MosquittoSub.start(broker.port(), "EVENT/#")) {
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", report(7, 1500000000.5, 0.0, 0.0, "HARWICH"));
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", report(7, 1500000001.0, 1.0, 1.0, "HARWICH"));
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", report(7, 1500000001.5, 1.0, 1.0, "HARWICH"));
            // A redelivery (same time, same place) is not a boat at rest: no fourth event.
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", report(7, 1500000001.5, 1.0, 1.0, "HARWICH"));
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", "this is not JSON");

            await().atMost(Duration.ofSeconds(20)).until(() -> sub.messages().size() >= 3);
            assertThat(detector.awaitIdle(Duration.ofSeconds(10))).isTrue();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> sub.messages().size() == 3);
            List<MosquittoSub.Message> got = sub.messages();
            assertThat(got).extracting(MosquittoSub.Message::topic)
                    .containsOnly("EVENT/HARWICH/STATETRANSITION/7");
            assertThat(got.stream().map(m -> json(m.payload()).at("/body/state").asText()).toList())
                    .containsExactly("resting", "moving", "resting");
            assertThat(json(got.get(1).payload()).at("/body/position/x").asDouble()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void badInputBecomesADeadLetterOnDeadletterTopic(TestBroker.Kind kind) {
        try (TestBroker broker = kind.start();
             DetectorService detector = detector(broker);
             MosquittoSub sub = MosquittoSub.start(broker.port(), "DEADLETTER/#")) {
            MosquittoPub.publish(broker.port(), "DATA/HARWICH", "{\"boat_id\": 1, \"position\": {\"x\": \"?\"}}");

            await().atMost(Duration.ofSeconds(20)).until(() -> !sub.messages().isEmpty());
            MosquittoSub.Message m = sub.messages().get(0);
            assertThat(m.topic()).isEqualTo("DEADLETTER/HARWICH");
            assertThat(json(m.payload()).get("reason").asText()).isEqualTo("invalid_value");
            assertThat(json(m.payload()).get("payload").asText()).contains("\"boat_id\": 1");
            assertThat(detector.deadLetters().total()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void aPythonPahoStationIsUnderstoodEventForEvent(TestBroker.Kind kind, @TempDir Path tmp) throws Exception {
        ExternalTools.requirePythonModule("paho.mqtt", "python3-paho-mqtt");
        Path script = resource(tmp, "paho_station.py");
        Path consumerScript = resource(tmp, "paho_consumer.py");
        StationSimulator sim = new StationSimulator("PAHO", 4, 2, 21);
        OriginalBoatModel model = new OriginalBoatModel();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            StationSimulator.Report r = sim.next();
            model.report("PAHO/" + r.boatId(), r.x(), r.y());
            lines.append(r.boatId()).append(' ').append(r.x()).append(' ').append(r.y()).append('\n');
        }
        Map<String, List<OriginalBoatModel.Expected>> expected = Oracle.byBoat(model.expected());
        EventCollector events = new EventCollector();

        try (TestBroker broker = kind.start();
             Subscriber watcher = Subscriber.connect(ClientSettings.of(broker.address(), "it-watcher"),
                     List.of("EVENT/#"), events);
             DetectorService ignored = detector(broker)) {
            // A consumer of the original reads every event with json.loads: header.ts must be an int.
            Process consumer = new ProcessBuilder("/usr/bin/python3", consumerScript.toString(), "127.0.0.1",
                    String.valueOf(broker.port()), String.valueOf(Oracle.total(expected))).redirectErrorStream(true).start();
            java.io.BufferedReader consumerOut = new java.io.BufferedReader(
                    new java.io.InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8));
            assertThat(consumerOut.readLine()).isEqualTo("subscribed");
            Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1",
                    String.valueOf(broker.port()), "PAHO").redirectErrorStream(true).start();
            python.getOutputStream().write(lines.toString().getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.exitValue()).as(output).isZero();
            assertThat(output).contains("published 300");

            int total = Oracle.total(expected);
            await().atMost(Duration.ofSeconds(20)).until(() -> events.size() >= total);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> events.size() == total);
            assertThat(consumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String consumed = consumerOut.lines().collect(java.util.stream.Collectors.joining("\n"));
            assertThat(consumer.exitValue()).as(consumed).isZero();
            assertThat(consumed).isEqualTo("ints " + total);
        }
        assertThat(Oracle.actual(events.received())).isEqualTo(expected);
    }

    private static Path resource(Path dir, String name) throws IOException {
        Path script = dir.resolve(name);
        try (InputStream in = ForeignClientsIT.class.getResourceAsStream("/" + name)) {
            Files.copy(in, script);
        }
        return script;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
