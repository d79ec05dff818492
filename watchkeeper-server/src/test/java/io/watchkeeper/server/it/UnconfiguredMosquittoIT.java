package io.watchkeeper.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.testing.OriginalBoatModel;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.testing.ExternalTools;
import io.watchkeeper.mqtt.testing.MosquittoBroker;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.durable.Durability;
import io.watchkeeper.server.sim.StationSimulator;
import io.watchkeeper.server.testing.EventCollector;
import io.watchkeeper.server.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mosquitto started with no config file at all, as most users of the original system run it: it
 * sends a subscriber at most 20 unacknowledged messages, queues 1,000 more and silently drops the rest.
 * A 100,000-position burst published as fast as a client that waits for every PUBACK can publish must
 * give exactly the original semantics' events at a real {@code mosquitto_sub}, with nothing dropped by
 * the broker on the way into the detector.
 */
class UnconfiguredMosquittoIT {

    private static final List<String> STATIONS = List.of("PORT1", "PORT2");
    private static final List<Long> SEEDS = List.of(31L, 32L);
    private static final int BOATS = 8;
    private static final double RATE = 1_000;
    private static final int REPORTS_PER_STATION = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHundredThousandPositionBurstGivesEveryEventWithNothingDroppedByTheBroker(@TempDir Path dir)
            throws Exception {
        ExternalTools.require("mosquitto_sub", "mosquitto-clients");
        Map<String, List<OriginalBoatModel.Expected>> expected =
                Oracle.expected(STATIONS, SEEDS, BOATS, RATE, REPORTS_PER_STATION);
        int total = Oracle.total(expected);
        Path out = dir.resolve("events.txt");
        try (MosquittoBroker broker = MosquittoBroker.startUnconfigured();
             DetectorService detector = DetectorService.start(ClientSettings.of(broker.address(), "it-detect"),
                     DetectorService.Options.defaults().withDurability(Durability.stateIn(dir.resolve("state"))),
                     Clock.systemUTC())) {
            Process sub = mosquittoSub(broker.port(), out);
            try {
                long started = System.nanoTime();
                publishWaitingForEachAck(broker);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("unconfigured mosquitto: %,d positions published in %.1f s (%,.0f/s)%n",
                        STATIONS.size() * REPORTS_PER_STATION, seconds,
                        STATIONS.size() * REPORTS_PER_STATION / seconds);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (lines(out) < total && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(broker.log()).as("Mosquitto dropped nothing, for the detector or the consumer")
                        .doesNotContain("dropped");
                assertThat(detector.accepted()).as("every position reached the engine")
                        .isEqualTo((long) STATIONS.size() * REPORTS_PER_STATION);
                assertThat(lines(out)).as("events at mosquitto_sub").isEqualTo(total);
                assertThat(detector.awaitIdle(Duration.ofSeconds(10))).isTrue();
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> lines(out) == total);
            } finally {
                sub.destroy();
                sub.waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<EventCollector.Received> received = parse(out);
        assertThat(received).hasSize(total);
        assertThat(Oracle.actual(received)).isEqualTo(expected);
    }

    /**
     * As the field test of the original system did: one paho-style client publishing both stations'
     * reports in turn, each waiting for its PUBACK before the next.
     */
    private static void publishWaitingForEachAck(MosquittoBroker broker) {
        List<StationSimulator> sims = new ArrayList<>();
        for (int s = 0; s < STATIONS.size(); s++) {
            sims.add(new StationSimulator(STATIONS.get(s), BOATS, RATE, SEEDS.get(s)));
        }
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        try (Publisher p = Publisher.connect(ClientSettings.of(broker.address(), "it-stations"))) {
            for (int i = 0; i < REPORTS_PER_STATION; i++) {
                for (int s = 0; s < sims.size(); s++) {
                    StationSimulator.Report r = sims.get(s).next();
                    p.publish("DATA/" + STATIONS.get(s), sims.get(s).toJson(r, t0.plusMillis(i))
                            .getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the stations could not publish", e);
        }
    }

    private static Process mosquittoSub(int port, Path out) throws IOException {
        return new ProcessBuilder("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-i", "it-consumer", "-q", "1", "-v", "-t", "EVENT/#")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.count();
        }
    }

    /** {@code topic payload} lines, one event each; a repeated eventId would be a duplicate. */
    private static List<EventCollector.Received> parse(Path file) throws IOException {
        Map<String, EventCollector.Received> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            JsonNode json = JSON.readTree(line.substring(space + 1));
            byId.put(json.at("/body/eventId").asText(),
                    new EventCollector.Received(line.substring(0, space), json, line.substring(space + 1)));
        }
        return new ArrayList<>(byId.values());
    }
}
