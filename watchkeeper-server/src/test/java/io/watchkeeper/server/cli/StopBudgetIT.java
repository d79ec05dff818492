package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.testing.MosquittoBroker;
import io.watchkeeper.server.it.PackagedJar;
import io.watchkeeper.server.sim.StationRunner;
import io.watchkeeper.server.sim.StationSimulator;
import io.watchkeeper.server.output.store.PostgresCluster;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged commands while the network misbehaves: each must exit within its stop budget
 * ({@link Shutdown}, docs/reliability.md) with status 0, which says it closed in order rather than being
 * cut off when the budget ran out (status 1). Each case prints its measured exit time.
 */
class StopBudgetIT {

    /** JVM start-up of a loaded 2-core machine aside, a stop takes its budget at most; this is the margin. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Path RECORDING = TestData.file("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz");

    @Test
    void detectWhoseBrokerVanishedStopsInBudgetAndNeverReconnectsToItsSuccessor(@TempDir Path dir) throws Exception {
        MosquittoBroker first = MosquittoBroker.start();
        int port = first.port();
        MosquittoBroker second = null;
        Process detect = startReady(dir, "detect", "detect", "-q", "--broker", "tcp://127.0.0.1:" + port,
                "--client-id", "wk-stop-a", "--data", dir.resolve("data").toString(), "--store", "none");
        try {
            try (Publisher station = Publisher.connect(ClientSettings.of(first.address(), "DK"))) {
                publish(station, recordingLines(0, 3_000)); // input in the log, events out
            }
            first.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> err(dir, "detect").contains("wk-stop-a: connection"));
            long asked = System.nanoTime();
            detect.destroy(); // SIGTERM
            second = MosquittoBroker.startOnPort(port); // a new broker on the same address, at once
            Duration took = awaitExit(detect, Shutdown.ENGINE_BUDGET, asked);
            report("detect, broker SIGKILLed, a new one on its port", took, detect);
            assertThat(second.log()).as("the new broker saw no connection from the stopping engine")
                    .doesNotContain("wk-stop-a");
            assertThat(detect.exitValue()).as(err(dir, "detect")).isZero();
        } finally {
            detect.destroyForcibly();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void detectWhoseBrokerStoppedAnsweringStopsInBudget(@TempDir Path dir) throws Exception {
        MosquittoBroker broker = MosquittoBroker.start();
        Process detect = startReady(dir, "detect", "detect", "-q", "--broker", "tcp://" + broker.address(),
                "--client-id", "wk-stop-frozen", "--data", dir.resolve("data").toString(), "--store", "none");
        boolean paused = false;
        try {
            try (Publisher station = Publisher.connect(ClientSettings.of(broker.address(), "DK"))) {
                publish(station, recordingLines(0, 3_000));
            }
            broker.pause(); // SIGSTOP: every connection stays open, nothing answers
            paused = true;
            long asked = System.nanoTime();
            detect.destroy();
            Duration took = awaitExit(detect, Shutdown.ENGINE_BUDGET, asked);
            report("detect, broker frozen (SIGSTOP)", took, detect);
            assertThat(detect.exitValue()).as(err(dir, "detect")).isZero();
        } finally {
            detect.destroyForcibly();
            if (paused) {
                broker.resume();
            }
            broker.close();
        }
    }

    @Test
    void brokerWithAClientStuckMidFlowControlStopsInBudget(@TempDir Path dir) throws Exception {
        int port = PackagedJar.freePort();
        Process broker = startReady(dir, "broker", "broker", "--port", String.valueOf(port), "--data",
                dir.resolve("broker").toString());
        BrokerAddress address = BrokerAddress.of("127.0.0.1", port);
        try (StuckSubscriber stuck = StuckSubscriber.connect(port)) {
            byte[] payload = new byte[10_000];
            try (Publisher publisher = Publisher.connect(ClientSettings.of(address, "flood"))) {
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    sent.add(publisher.publish("flood/" + (i % 10), payload));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            assertThat(stuck.isOpen()).as("the stuck client is still connected, holding its messages").isTrue();
            long asked = System.nanoTime();
            broker.destroy();
            Duration took = awaitExit(broker, Shutdown.BROKER_BUDGET, asked);
            report("broker, a subscriber stuck mid-flow-control", took, broker);
            assertThat(broker.exitValue()).as(err(dir, "broker")).isZero();
        } finally {
            broker.destroyForcibly();
        }
    }

    @Test
    void detectWithAPostgresqlThatStoppedAnsweringStopsInBudget(@TempDir Path dir) throws Exception {
        // under target/, not the test's temporary folder: as root, PostgreSQL runs as 'postgres', who cannot enter it
        try (PostgresCluster postgres = PostgresCluster.start(Path.of("target", "stop-budget-it"));
             EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start()) {
            String url = postgres.createDatabase();
            Process detect = startReady(dir, "detect", "detect", "-q", "--broker", "tcp://" + broker.address(),
                    "--client-id", "wk-stop-c", "--data", dir.resolve("data").toString(), "--store", url);
            boolean paused = false;
            // simulated boats that keep changing state: events all along, stored and then queued for the store
            try (Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "PORT1"));
                 StationRunner station = new StationRunner(new StationSimulator("PORT1", 50, 100, 7), publisher,
                         Clock.systemUTC(), 0).start()) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(storedEvents(url)).as(err(dir, "detect")).isPositive());
                paused = true; // before: a pause that stopped some processes and then failed must be undone too
                postgres.pause(); // SIGSTOP: connections stay open, nothing answers
                Thread.sleep(3_000); // the writer's next append now waits for an answer that never comes
                long asked = System.nanoTime();
                detect.destroy();
                Duration took = awaitExit(detect, Shutdown.ENGINE_BUDGET, asked);
                report("detect, PostgreSQL frozen (SIGSTOP)", took, detect);
                assertThat(detect.exitValue()).as(err(dir, "detect")).isZero();
                assertThat(err(dir, "detect")).contains("did not answer", "connection is aborted");
            } finally {
                detect.destroyForcibly();
                if (paused) {
                    postgres.resume();
                }
            }
        }
    }

    /** Starts the packaged jar and waits until it says it runs ("Ctrl-C to stop"). */
    private static Process startReady(Path dir, String name, String... args) throws IOException {
        Process p = PackagedJar.start(dir.resolve(name + ".out"), dir.resolve(name + ".err"), args);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> err(dir, name).contains("Ctrl-C to stop") || !p.isAlive());
        assertThat(p.isAlive()).as(err(dir, name)).isTrue();
        return p;
    }

    /** Waits for the process and returns how long after {@code asked} it exited; fails past budget + slack. */
    private static Duration awaitExit(Process p, Duration budget, long asked) throws InterruptedException {
        boolean exited = p.waitFor(budget.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(exited).as("exited within its budget of %s s plus %s s", budget.toSeconds(), SLACK.toSeconds())
                .isTrue();
        return took;
    }

    private static void report(String what, Duration took, Process p) {
        System.out.printf("stop budget: %s: exited %d after %.1f s%n", what, p.exitValue(), took.toMillis() / 1000.0);
    }

    private static String err(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".err");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Lines {@code from} (inclusive) to {@code to} of the Danish recording, one message each. */
    private static List<String> recordingLines(int from, int to) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(RECORDING)), StandardCharsets.ISO_8859_1))) {
            int i = 0;
            for (String line = in.readLine(); line != null && i < to; line = in.readLine(), i++) {
                if (i >= from && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static void publish(Publisher station, List<String> lines) throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (String line : lines) {
            sent.add(station.publish("AIS/DK", line.getBytes(StandardCharsets.ISO_8859_1)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static long storedEvents(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM events")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot count the stored events: " + e.getMessage(), e);
        }
    }

    /**
     * An MQTT 5 client on a raw socket that subscribes to everything at QoS 1 with Receive Maximum 1 and
     * then neither acknowledges nor reads: the broker holds one message in flight to it, and the rest
     * queued, for as long as it stays connected.
     */
    private static final class StuckSubscriber implements AutoCloseable {

        private final Socket socket;

        private StuckSubscriber(Socket socket) {
            this.socket = socket;
        }

        static StuckSubscriber connect(int port) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream connect = new ByteArrayOutputStream();
            connect.writeBytes(string("MQTT"));
            connect.writeBytes(new byte[] {5, 0x02, 0, 60}); // MQTT 5, clean start, keep-alive 60 s
            connect.writeBytes(new byte[] {3, 0x21, 0, 1}); // properties: Receive Maximum 1
            connect.writeBytes(string("stuck-subscriber"));
            out.write(packet(0x10, connect.toByteArray()));
            expect(in, 0x20, "CONNACK");
            ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
            subscribe.writeBytes(new byte[] {0, 1, 0}); // packet id 1, no properties
            subscribe.writeBytes(string("#"));
            subscribe.write(1); // QoS 1
            out.write(packet(0x82, subscribe.toByteArray()));
            expect(in, 0x90, "SUBACK");
            return new StuckSubscriber(socket);
        }

        boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static byte[] string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[bytes.length + 2];
            out[0] = (byte) (bytes.length >> 8);
            out[1] = (byte) bytes.length;
            System.arraycopy(bytes, 0, out, 2, bytes.length);
            return out;
        }

        private static byte[] packet(int type, byte[] body) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.write(type);
            int n = body.length;
            do {
                int digit = n % 128;
                n /= 128;
                p.write(n > 0 ? digit | 0x80 : digit);
            } while (n > 0);
            p.writeBytes(body);
            return p.toByteArray();
        }

        /** Reads one packet and checks its type. */
        private static void expect(InputStream in, int type, String name) throws IOException {
            int first = in.read();
            int length = 0;
            int shift = 0;
            int b;
            do {
                b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before " + name);
                }
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            in.readNBytes(length);
            assertThat(first & 0xF0).as(name).isEqualTo(type);
        }
    }
}
