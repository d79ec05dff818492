package io.watchkeeper.server.output.store;

import static io.watchkeeper.server.output.store.TestEvents.T0;
import static io.watchkeeper.server.output.store.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.app.WebFront;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.server.output.store.TestDatabases.Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event store on its own against a database that refuses a row or stops: a real PostgreSQL
 * ({@link PostgresCluster}) and a real SQLite file. The engine must never wait for the store, and one bad
 * row must not hold back the others.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a writer or producer that waits for the database would hang here
class StoreOutageIT {

    private static final TestDatabases DATABASES = new TestDatabases(Path.of("target", "store-outage-it"));
    private static final BatchingEventSink.Settings SMALL = BatchingEventSink.Settings.defaults().withCapacity(100)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).withCloseTimeout(Duration.ofSeconds(5));

    @AfterAll
    static void stopPostgres() throws Exception {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNulInAVesselIdCostsThatRowOnlyAndTheWriterGoesOn(Backend backend) throws Exception {
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend));
             BatchingEventSink sink = BatchingEventSink.start(store, SMALL)) {
            List<String> good = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                if (i == 4) {
                    sink.accept(event("nul", "PORT1", "bo\u0000at", Event.STATE_TRANSITION, T0.plusMillis(i)));
                } else {
                    good.add("good-" + i);
                    sink.accept(event("good-" + i, T0.plusMillis(i)));
                }
            }
            sink.flush();
            sink.accept(event("after", T0.plusSeconds(1)));
            sink.flush();
            good.add("after");

            List<String> stored = store.query(EventQuery.all().withLimit(100)).events().stream()
                    .map(StoredEvent::eventId).toList();
            assertThat(stored).containsAll(good);
            if (backend == Backend.POSTGRESQL) {
                // PostgreSQL's text cannot hold a NUL: that row alone is refused, counted and logged
                assertThat(stored).doesNotContain("nul");
                assertThat(sink.stats().rejected()).isEqualTo(1);
            } else {
                // SQLite stores the NUL as it is
                assertThat(stored).contains("nul");
                assertThat(sink.stats().rejected()).isZero();
            }
            assertThat(sink.stats().failures()).as("a refusal is not retried").isZero();
            System.out.printf("%s, NUL in a vessel id: %d of %d events stored, %d refused%n", backend, stored.size(),
                    good.size() + 1, sink.stats().rejected());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStoppedDatabaseNeverBlocksTheEngineAndWritingResumesAfterwards(Backend backend) throws Exception {
        String url = DATABASES.freshUrl(backend);
        try (JdbcEventStore store = JdbcEventStore.open(url);
             BatchingEventSink sink = BatchingEventSink.start(store, SMALL)) {
            sink.accept(event("before", T0));
            sink.flush();
            try (Outage outage = Outage.of(backend, url)) {
                long started = System.nanoTime();
                for (int i = 0; i < 10_000; i++) {
                    sink.accept(event("during-" + i, T0.plusMillis(i)));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                // 10,000 events while the database is away: the queue holds 100, the rest are dropped at once
                System.out.printf("%s stopped: 10,000 events handed over in %d ms, %d dropped%n", backend,
                        took.toMillis(), sink.stats().dropped());
                assertThat(took).isLessThan(Duration.ofSeconds(2));
                assertThat(sink.stats().dropped()).isGreaterThanOrEqualTo(10_000 - 100 - SMALL.maxBatch());
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.stats().failures() > 0);
            }
            sink.flush(); // the queue is full until the writer is through it: later events would be dropped too
            for (int i = 0; i < 10; i++) {
                sink.accept(event("after-" + i, T0.plusSeconds(60).plusMillis(i)));
            }
            sink.flush();
            List<String> after = store.query(EventQuery.all().withLimit(500).withOrder(EventQuery.Order.NEWEST_FIRST))
                    .events().stream().map(StoredEvent::eventId).filter(id -> id.startsWith("after-")).toList();
            assertThat(after).hasSize(10);
            BatchingEventSink.Stats stats = sink.stats();
            assertThat(stats.accepted() + stats.dropped()).isEqualTo(1 + 10_000 + 10);
            assertThat(store.count()).isEqualTo(stats.appended());
        }
    }

    @Test
    void aFrozenPostgresLeavesHealthAnsweringAndEventsFlowing(@TempDir Path data)
            throws Exception {
        PostgresCluster cluster = DATABASES.postgres();
        String url = cluster.createDatabase();
        WebFront.Settings settings = new WebFront.Settings("127.0.0.1", 0, url, data, Duration.ZERO);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (WebFront front = WebFront.open(settings, new VesselRegistry(), Clock.systemUTC())) {
            front.serve(DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null),
                    () -> new EngineStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), () -> true, null);
            EventSink events = front.events();
            events.accept(event("before", T0));
            assertThat(get(http, front.port(), "/api/events").statusCode()).isEqualTo(200);

            cluster.pause();
            try {
                // what the engine does: hand events over; none of them may wait for the frozen database
                long started = System.nanoTime();
                IntStream.range(0, 5_000).forEach(i -> events.accept(event("frozen-" + i, T0.plusMillis(i))));
                Duration handedOver = Duration.ofNanos(System.nanoTime() - started);
                assertThat(handedOver).isLessThan(Duration.ofSeconds(2));
                Duration slowestHealth = Duration.ZERO;
                for (int probe = 0; probe < 5; probe++) {
                    long t = System.nanoTime();
                    HttpResponse<String> health = get(http, front.port(), "/health");
                    Duration took = Duration.ofNanos(System.nanoTime() - t);
                    slowestHealth = took.compareTo(slowestHealth) > 0 ? took : slowestHealth;
                    assertThat(took).as("/health").isLessThan(Duration.ofSeconds(1));
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertThat(health.body()).contains("\"dropped\"");
                }
                // a history read gives up after the reader's timeout (10 s) instead of holding its Jetty thread
                long t = System.nanoTime();
                HttpResponse<String> history = get(http, front.port(), "/api/events");
                Duration historyTook = Duration.ofNanos(System.nanoTime() - t);
                System.out.printf("PostgreSQL frozen: 5,000 events handed over in %d ms, /health in %d ms at most, "
                        + "/api/events %d after %d ms%n", handedOver.toMillis(), slowestHealth.toMillis(),
                        history.statusCode(), historyTook.toMillis());
                assertThat(historyTook).as("/api/events").isLessThan(Duration.ofSeconds(20));
                assertThat(history.statusCode()).isEqualTo(503);
            } finally {
                cluster.resume();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> get(http, front.port(), "/api/events").statusCode() == 200);
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The database away for a while: PostgreSQL stopped (and started again on close); SQLite locked by
     * another connection's exclusive transaction (released on close), so the writer's inserts time out.
     */
    private record Outage(AutoCloseable end) implements AutoCloseable {

        static Outage of(Backend backend, String url) throws Exception {
            if (backend == Backend.POSTGRESQL) {
                PostgresCluster cluster = DATABASES.postgres();
                cluster.stopServer();
                return new Outage(cluster::startAgain);
            }
            Connection locker = DriverManager.getConnection(url);
            try (Statement s = locker.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
            }
            return new Outage(() -> {
                try (Statement s = locker.createStatement()) {
                    s.execute("ROLLBACK");
                } finally {
                    locker.close();
                }
            });
        }

        @Override
        public void close() throws Exception {
            end.close();
        }
    }
}
