package io.watchkeeper.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.live.LiveView;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live event stream over a real connection: delivery, filters, and a client too slow to keep up. */
class SseStreamIT {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    final HttpClient http = HttpClient.newHttpClient();
    EventHub hub;
    WebServer server;

    static Event event(String id, String type, String mmsi, String detail) {
        Fix cause = Fix.geo(VesselId.of(mmsi), "SOLENT", T0, 50.8, -1.1, 3, 90, 91, 0, null);
        return new Event(id, type, "SOLENT", cause.vessel(), "boat", "moving", "resting", T0, T0, cause,
                Map.of("note", detail));
    }

    @BeforeEach
    void start() {
        hub = new EventHub();
        WebServices services = new WebServices(new LiveView(new VesselRegistry()), null, ZoneLookup.NONE, List.of(),
                () -> new Health(true, 0, new Health.Engine(0, 0, 0, 0, 0, 0), null, null), null, hub);
        server = WebServer.start("127.0.0.1", 0, services);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Opens a stream and copies its lines into a queue, read by the test with timeouts. */
    BlockingQueue<String> open(String query) throws Exception {
        HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/events/stream" + query)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> r.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next {@code id:}'s value, with the data line before it; fails after 5 s. */
    static String[] nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        String event = null;
        String data = null;
        while (true) {
            String line = lines.poll(5, TimeUnit.SECONDS);
            assertThat(line).as("a line within 5 s").isNotNull();
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            } else if (line.startsWith("id: ")) {
                assertThat(event).isEqualTo("event");
                return new String[] {line.substring(4), data};
            }
        }
    }

    @Test
    void eventsArriveInOrderAndFiltersApply() throws Exception {
        BlockingQueue<String> all = open("");
        BlockingQueue<String> zonesOnly = open("?type=ZONE_ENTER");
        BlockingQueue<String> oneVessel = open("?vessel=235000002&type=");
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.clients() == 3);

        hub.accept(event("e1", "STATETRANSITION", "235000001", "first"));
        hub.accept(event("e2", "ZONE_ENTER", "235000002", "second"));

        String[] first = nextEvent(all);
        assertThat(first[0]).isEqualTo("e1");
        assertThat(first[1]).startsWith("{\"header\":{\"type\":\"SOLENT/STATETRANSITION\"").contains("\"eventId\":\"e1\"");
        assertThat(nextEvent(all)[0]).isEqualTo("e2");
        assertThat(nextEvent(zonesOnly)[0]).isEqualTo("e2");
        assertThat(nextEvent(oneVessel)[0]).isEqualTo("e2");
        // the filtered streams got nothing else
        hub.accept(event("e3", "ZONE_ENTER", "235000002", "third"));
        assertThat(nextEvent(zonesOnly)[0]).isEqualTo("e3");
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWithoutSlowingThePublisher() throws Exception {
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.clients() == 1);

            // ~8 KB per event: the socket buffers fill, then the client's queue of 1,000, then it must go.
            String big = "x".repeat(8000);
            long slowestNanos = 0;
            long started = System.nanoTime();
            int sent = 0;
            while (hub.overflowed() == 0 && sent < 100_000) {
                long t = System.nanoTime();
                hub.accept(event("e" + sent, "STATETRANSITION", "235000001", big));
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
                sent++;
            }
            Duration total = Duration.ofNanos(System.nanoTime() - started);
            assertThat(hub.overflowed()).as("disconnected after %d events", sent).isEqualTo(1);
            assertThat(hub.clients()).isZero();
            assertThat(total).isLessThan(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(slowestNanos)).as("the slowest accept").isLessThan(Duration.ofSeconds(1));

            // the server is still fine for others
            BlockingQueue<String> fresh = open("");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.clients() == 1);
            hub.accept(event("after", "STATETRANSITION", "235000001", "small"));
            assertThat(nextEvent(fresh)[0]).isEqualTo("after");
        }
    }
}
